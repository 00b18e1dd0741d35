import { composeStories } from '@storybook/nextjs-vite';
import { afterAll, describe, expect, it } from 'vitest';
import * as stories from '../../stories/guides/right-to-left.stories';
import { expectNoAxeViolations } from '../support/axe';
import { expectNoOverflow } from './frames';
import { renderStory } from './render-story';

/**
 * Right to left, measured: each component in Arabic inside a `dir="rtl"` ancestor at 390 px
 * (the Guides/Right to left stories, whose screenshots every-story.visual.test.tsx compares), and
 * again with `dir="rtl"` on <html> as most RTL pages set it. Starts are on the right: a row's
 * icon right of its title, the ⋯ menu and the OrgSwitcher popover line up with their trigger's
 * right edge and stay inside the card, and axe finds nothing.
 */
const { Manager, List, ListRowMenu, RevokeConfirmation, Switcher, Gate } = composeStories(stories);
const box = (el: Element) => el.getBoundingClientRect();
const one = (selector: string) => {
  const el = document.querySelector(selector);
  if (!el) throw new Error(`Nothing matches ${selector}`);
  return el;
};

describe.each([
  { where: 'on an ancestor', htmlDir: '' },
  { where: 'on <html>', htmlDir: 'rtl' },
])('given Arabic with dir="rtl" $where at 390 px', ({ htmlDir }) => {
  afterAll(() => document.documentElement.removeAttribute('dir'));
  const render = async (story: Parameters<typeof renderStory>[0]) => {
    document.documentElement.dir = htmlDir;
    return renderStory(story, { width: 390, className: 'light' });
  };

  it.each([
    ['SessionManager', Manager],
    ['SessionList', List],
    ['SessionList with a row menu open', ListRowMenu],
    ['the revoke confirmation', RevokeConfirmation],
    ['OrgSwitcher, open', Switcher],
    ['PermissionGate', Gate],
  ])('should lay out %s without overflow and without axe violations', async (_, story) => {
    const root = await render(story);
    expectNoOverflow(root);
    await expectNoAxeViolations(root);
  });

  it('should put every row icon at the row start, right of its title', async () => {
    await render(List);
    const rows = [...document.querySelectorAll('li[data-slot="account"], li[data-slot="device"]')];
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      const icon = row.querySelector('[data-slot="avatar"], [data-slot="icon"]');
      const title = row.querySelector('[data-slot="name"]');
      expect(icon && title, row.outerHTML.slice(0, 120)).toBeTruthy();
      expect(box(icon!).left).toBeGreaterThanOrEqual(box(title!).right);
    }
  });

  it('should hang the ⋯ menu from its button toward the row start, inside the card', async () => {
    await render(ListRowMenu);
    const trigger = box(one('[data-action="menu"][aria-expanded="true"]'));
    const menu = box(one('[role="menu"]'));
    const card = box(one('[data-csk-root]'));
    expect(menu.left).toBeCloseTo(trigger.left, 0);
    expect(menu.right).toBeLessThanOrEqual(card.right);
    expect(menu.top).toBeGreaterThanOrEqual(trigger.bottom);
  });

  it('should line the OrgSwitcher popover up with its trigger at the right', async () => {
    await render(Switcher);
    const trigger = box(one('[data-csk-root] button[aria-expanded="true"]'));
    const popover = box(one('[role="dialog"]'));
    expect(popover.right).toBeCloseTo(trigger.right, 0);
    expect(popover.top).toBeGreaterThanOrEqual(trigger.bottom);
  });
});
