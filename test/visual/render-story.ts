import { page } from 'vitest/browser';

/**
 * Runs a composed story (loaders, decorators, play) in a fixed 1024×768 frame and waits until the
 * bundled font is ready, so screenshots depend on nothing from the machine but Chromium.
 */
export async function renderStory(
  story: { run: (context?: { canvasElement?: HTMLElement }) => Promise<void> },
  { width = 1024, height = 768, className = '' } = {},
) {
  await page.viewport(width, height);
  document.body.innerHTML = '';
  document.documentElement.className = className;
  const root = document.createElement('div');
  root.style.cssText = `display:block;width:${width}px;box-sizing:border-box;padding:16px;background:var(--csk-background);color:var(--csk-foreground)`;
  root.style.colorScheme = className.includes('dark') ? 'dark' : 'light';
  document.body.append(root);
  await story.run({ canvasElement: root });
  await document.fonts.ready;
  // Open popovers and dialogs live in the top layer, outside the root's box: stretch the root
  // over them so the element screenshot shows what a person sees.
  const layered = [...document.querySelectorAll(':popover-open, dialog[open]')].map((el) => el.getBoundingClientRect().bottom);
  const top = root.getBoundingClientRect().top;
  if (layered.length) root.style.minHeight = `${Math.ceil(Math.max(...layered) - top + 16)}px`;
  // Grow the viewport to the content: Chromium leaves anything below the viewport blank.
  await page.viewport(width, Math.max(height, Math.ceil(root.getBoundingClientRect().height)));
  return root;
}
