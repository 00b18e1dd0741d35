import { within } from 'storybook/test';
import type { ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
// The kit's stylesheets as text, compiled by the same Tailwind plugin as the stories: the order of
// every stylesheet in a page decides its layers, so each test builds its own page in an iframe.
import kitCss from '../../src/styles.css?inline';
import shadcnCss from '../../src/shadcn.css?inline';

export { kitCss, shadcnCss };

let mounted: { frame: HTMLIFrameElement; root: Root } | null = null;

/** Removes the page the last `renderInPage` made. */
export async function cleanupPage() {
  if (!mounted) return;
  const { frame, root } = mounted;
  mounted = null;
  root.unmount();
  frame.remove();
}

/**
 * A page of its own (a same-origin iframe, 800 px wide) holding exactly these stylesheets, in this
 * order, `htmlClass` on its `<html>`, and `ui` rendered into its body. Returns Testing Library
 * queries over that body (wait with `find…`: React renders it outside `act()`).
 */
export async function renderInPage(stylesheets: string[], ui: ReactNode, htmlClass = '') {
  await cleanupPage();
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:800px;height:600px;border:0';
  document.body.append(frame);
  const doc = frame.contentDocument;
  if (!doc) throw new Error('The test page (an iframe) has no document.');
  doc.documentElement.className = htmlClass;
  for (const css of stylesheets) {
    const style = doc.createElement('style');
    style.textContent = css;
    doc.head.append(style);
  }
  const container = doc.createElement('div');
  doc.body.append(container);
  const root = createRoot(container);
  mounted = { frame, root };
  root.render(ui);
  return { doc, ...within(doc.body) };
}

/** One computed property of an element, as the browser resolves it. */
export const style = (el: Element, property: string) =>
  (el.ownerDocument.defaultView ?? window).getComputedStyle(el).getPropertyValue(property).trim();
