import { page, userEvent } from 'vitest/browser';

/** What a story may declare for the visual tests: `parameters: { visual: { keepFocus: true } }`. */
export type VisualParameters = {
  /**
   * The story is about focus (where it lands, the ring it draws): its screenshot keeps the element
   * its play function focused, drawn with the keyboard focus ring (`:focus-visible`). Without it,
   * focus is removed before the screenshot.
   */
  keepFocus?: boolean;
};

type RunnableStory = {
  run: (context?: { canvasElement?: HTMLElement }) => Promise<void>;
  parameters?: { [name: string]: unknown; visual?: VisualParameters };
};

/**
 * No motion and no caret in a screenshot, whatever the story's or Storybook's CSS says (the
 * context's `reducedMotion: 'reduce'` and Playwright's screenshot options cover part of this; the
 * harness does not rely on them). In <head>, so it outlives the body being emptied between stories.
 */
const STILL_STYLE_ID = 'visual-still';
function installStillStyle() {
  if (document.getElementById(STILL_STYLE_ID)) return;
  const style = document.createElement('style');
  style.id = STILL_STYLE_ID;
  style.textContent =
    '*, *::before, *::after { transition: none !important; animation: none !important; caret-color: transparent !important; }';
  document.head.append(style);
}

/** The focused element, looking through shadow roots; null when nothing (or only the body) has focus. */
function focusedElement(): HTMLElement | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el instanceof HTMLElement && el !== document.body && el !== document.documentElement ? el : null;
}

/**
 * Focus in a screenshot is decided here, never left to timing or to the browser's heuristics.
 * Whether Chromium draws `:focus-visible` on an element a play function clicked or focused from
 * script depends on its version and on what the page saw before (a trusted click, a key press), and
 * under load it has come and gone: so focus is removed, unless the story declares it is about focus,
 * in which case the element gets it back through a keyboard interaction and must show the ring.
 */
async function settleFocus(keepFocus: boolean) {
  const el = focusedElement();
  el?.blur();
  if (!keepFocus) return;
  if (!el) throw new Error('The story is about focus (keepFocus), but its play function left nothing focused.');
  // A trusted key press, so Chromium takes the last interaction to be the keyboard's (Shift counts;
  // Control, F13 and F24 were seen not to), made with focus on the body so no control acts on it;
  // then focus from script, asking for the ring outright where the browser supports `focusVisible`.
  await userEvent.keyboard('{Shift}');
  el.focus({ preventScroll: true, focusVisible: true } as FocusOptions);
  if (!el.matches(':focus-visible'))
    throw new Error(`Could not give ${el.outerHTML.slice(0, 120)} a keyboard focus ring (:focus-visible) for the screenshot.`);
}

/** The next frame has been rendered (two rAF callbacks: the first runs before it, the second after). */
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/**
 * Runs a composed story (loaders, decorators, play) in a fixed 1024×768 frame and waits until the
 * bundled font is ready, so screenshots depend on nothing from the machine but Chromium. Focus is
 * then removed (or, for a story about focus, forced to the keyboard ring: `keepFocus`, by default
 * the story's `parameters.visual.keepFocus`), and nothing moves.
 */
export async function renderStory(
  story: RunnableStory,
  { width = 1024, height = 768, className = '', keepFocus = story.parameters?.visual?.keepFocus === true } = {},
) {
  installStillStyle();
  await page.viewport(width, height);
  document.body.innerHTML = '';
  document.documentElement.className = className;
  const root = document.createElement('div');
  root.style.cssText = `display:block;width:${width}px;box-sizing:border-box;padding:16px;background:var(--csk-background);color:var(--csk-foreground)`;
  root.style.colorScheme = className.includes('dark') ? 'dark' : 'light';
  document.body.append(root);
  await story.run({ canvasElement: root });
  await settleFocus(keepFocus);
  // Every declared face, loaded now: `fonts.ready` alone resolves at once if layout has not yet
  // asked for a face the story uses.
  await Promise.all([...document.fonts].map((face) => face.load()));
  await document.fonts.ready;
  // Open popovers and dialogs live in the top layer, outside the root's box: stretch the root
  // over them so the element screenshot shows what a person sees.
  const layered = [...document.querySelectorAll(':popover-open, dialog[open]')].map((el) => el.getBoundingClientRect().bottom);
  const top = root.getBoundingClientRect().top;
  if (layered.length) root.style.minHeight = `${Math.ceil(Math.max(...layered) - top + 16)}px`;
  // Grow the viewport to the content: Chromium leaves anything below the viewport blank.
  await page.viewport(width, Math.max(height, Math.ceil(root.getBoundingClientRect().height)));
  // Anchored popovers are placed again for the grown viewport: wait for a frame drawn after it.
  await nextFrame();
  return root;
}
