import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { SessionList } from '../../src';
import { COMPACT_BELOW_REM } from '../../src/components/session-list/use-compact';
import { MockClerkProvider } from '../../src/testing';
import { longText } from '../../stories/support/stress-personas';

/**
 * A row renders only the control its width shows: the buttons on a wide root, the ⋯ button on a
 * narrow one (`data-compact` on the root, measured by a ResizeObserver). Checked both ways: no
 * row is ever left without a visible control, none shows both, and the measured choice is the
 * one the stylesheet's container query makes on its own, on either side of the 24rem line.
 */
let mounted: Root | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

async function renderList(width: number) {
  await page.viewport(1280, 900);
  document.body.innerHTML = '';
  document.documentElement.className = 'light';
  const frame = document.createElement('div');
  frame.style.cssText = `width:${width}px;box-sizing:border-box`;
  document.body.append(frame);
  mounted = createRoot(frame);
  mounted.render(
    <MockClerkProvider options={longText}>
      <SessionList />
    </MockClerkProvider>,
  );
  await expect.poll(() => frame.querySelectorAll('[data-slot="device"]').length).toBe(4);
  const root = frame.querySelector<HTMLElement>('[data-csk-root]');
  if (!root) throw new Error('no SessionList root');
  return { frame, root };
}

const rows = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('li[data-slot="account"], li[data-slot="device"]')];
const shown = (el: Element) => el.checkVisibility();
/** Per row: its rendered ⋯ buttons and button groups, and how many of each are visible. */
const controls = (row: HTMLElement) => {
  const menus = [...row.querySelectorAll('[data-action="menu"]')];
  const groups = [...row.querySelectorAll('[data-slot="actions"]')];
  return {
    menus: menus.length,
    groups: groups.length,
    visibleMenus: menus.filter(shown).length,
    visibleGroups: groups.filter(shown).length,
  };
};
/** The root's content width in px, as a container query measures it. */
const contentWidth = (root: HTMLElement) => {
  const style = getComputedStyle(root);
  return root.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
};

describe('given a SessionList root measured by its width', () => {
  it('should render only the ⋯ button on each row of a 390 px root', async () => {
    const { root } = await renderList(390);
    await expect.poll(() => root.dataset.compact).toBe('true');
    for (const row of rows(root).filter((r) => r.querySelector('[data-action="menu"]')))
      expect(controls(row)).toEqual({ menus: 1, groups: 0, visibleMenus: 1, visibleGroups: 0 });
  });

  it('should render only the buttons on each row of a 1280 px root', async () => {
    const { root } = await renderList(1280);
    await expect.poll(() => root.dataset.compact).toBe('false');
    const withActions = rows(root).filter((r) => r.querySelector('[data-slot="actions"]'));
    expect(withActions.length).toBeGreaterThan(2);
    for (const row of withActions) expect(controls(row)).toEqual({ menus: 0, groups: 1, visibleMenus: 0, visibleGroups: 1 });
  });

  it('should switch every row to the ⋯ button when the root narrows, and back when it widens', async () => {
    const { frame, root } = await renderList(1280);
    await expect.poll(() => root.dataset.compact).toBe('false');
    frame.style.width = '360px';
    await expect.poll(() => root.querySelectorAll('[data-slot="actions"]').length).toBe(0);
    expect(root.dataset.compact).toBe('true');
    frame.style.width = '900px';
    await expect.poll(() => root.querySelectorAll('[data-action="menu"]').length).toBe(0);
    expect(root.dataset.compact).toBe('false');
  });

  it('should keep a visible control on every row when the app pads the root so that a wide page holds a narrow root', async () => {
    const { frame, root } = await renderList(700);
    root.style.paddingInline = '160px';
    await expect.poll(() => root.dataset.compact).toBe('true');
    for (const row of rows(root)) {
      const c = controls(row);
      if (c.menus + c.groups === 0) continue; // this device's row: nothing to revoke
      expect(c.visibleMenus + c.visibleGroups).toBe(1);
    }
    expect(frame.querySelectorAll('[data-action="menu"]').length).toBeGreaterThan(0);
  });

  it('should keep exactly one visible control per row at a content width a fraction of a pixel under 24rem', async () => {
    const { root } = await renderList(700);
    Object.assign(root.style, { maxWidth: 'none', borderWidth: '0', padding: '0', width: '383.6px' });
    await expect.poll(() => root.getBoundingClientRect().width).toBeCloseTo(383.6, 1);
    // The measured width rounds (clientWidth) where the container query does not: whichever the rows render must show.
    for (const row of rows(root)) {
      const c = controls(row);
      if (c.menus + c.groups > 0) expect(c.visibleMenus + c.visibleGroups).toBe(1);
    }
  });

  // 24rem is 384 px at the default 16 px: one pixel either side of the line, and farther out.
  for (const width of [300, 383, 385, 500]) {
    it(`should choose what the stylesheet's container query chooses at a ${width} px content width`, async () => {
      const rem = Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
      expect(COMPACT_BELOW_REM * rem).toBe(384);
      const { frame, root } = await renderList(width + 200);
      const padding = (frame.clientWidth - width) / 2;
      root.style.padding = `0 ${padding}px`;
      root.style.borderWidth = '0';
      root.style.maxWidth = 'none';
      await expect.poll(() => contentWidth(root)).toBe(width);
      const compact = width < 384 ? 'true' : 'false';
      await expect.poll(() => root.dataset.compact).toBe(compact);
      // Without the measured choice, the container query alone decides which of the rendered controls shows.
      delete root.dataset.compact;
      const row = rows(root).find((r) => r.querySelector(compact === 'true' ? '[data-action="menu"]' : '[data-slot="actions"]'));
      const control = row?.querySelector(compact === 'true' ? '[data-action="menu"]' : '[data-slot="actions"]');
      expect(control && shown(control)).toBe(true);
    });
  }
});
