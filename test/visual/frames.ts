import { expect } from 'vitest';

/** Phone (320, 390) and desktop (1280) widths, light and dark. */
export const frames = [320, 390, 1280].flatMap((width) =>
  (['light', 'dark'] as const).map((scheme) => ({ name: `${width}-${scheme}`, width, className: scheme })),
);

/** Nothing inside a kit root is wider than the root: no horizontal overflow at this width. */
export const expectNoOverflow = (root: HTMLElement) => {
  for (const el of root.querySelectorAll<HTMLElement>('[data-csk-root]'))
    expect(el.scrollWidth, el.outerHTML.slice(0, 120)).toBeLessThanOrEqual(el.clientWidth);
};
