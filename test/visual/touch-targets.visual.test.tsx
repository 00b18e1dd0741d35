import { composeStories } from '@storybook/nextjs-vite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cdp, page } from 'vitest/browser';
import * as orgStories from '../../stories/org-switcher.stories';
import * as listStories from '../../stories/session-list.stories';
import * as managerStories from '../../stories/session-manager.stories';
import { renderStory } from './render-story';

const manager = composeStories(managerStories);
const list = composeStories(listStories);
const org = composeStories(orgStories);

/** Every control a finger can hit in the kit's parts (top-layer popovers and dialogs included). */
const controls = () =>
  [...document.querySelectorAll<HTMLElement>('[data-csk-root] :is(button, a[href], input, summary, [role="option"])')].filter((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  });
const name = (el: HTMLElement) =>
  `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;

const cases = [
  { id: 'session-manager-sign-out-everywhere-dialog', story: manager.SignOutEverywhereOpen, open: false },
  { id: 'session-manager-copy-session-id', story: manager.CopySessionId, open: true },
  { id: 'session-list-multi-session', story: list.MultiSession, open: false },
  { id: 'session-list-revoke-failed', story: list.RevokeFailed, open: true },
  { id: 'org-switcher-create-and-manage', story: org.CreateAndManageSlots, open: false },
  { id: 'org-switcher-page-failed', story: org.PageFailedThenRetry, open: false },
];

// Chromium's touch emulation (DevTools' device mode): the primary pointer is coarse, so the kit's
// `pointer-coarse:` sizes apply, as on a phone or tablet.
describe('given a coarse pointer (a touch screen) at 390 px', () => {
  beforeEach(async () => {
    await cdp().send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
  });
  afterEach(async () => {
    await cdp().send('Emulation.setTouchEmulationEnabled', { enabled: false });
  });

  it.each(cases)('should give every control in $id a target of at least 44 × 44 px', async ({ id, story, open }) => {
    const root = await renderStory(story, { width: 390 });
    expect(matchMedia('(pointer: coarse)').matches).toBe(true);
    if (open) for (const details of root.querySelectorAll('details')) details.open = true;
    const found = controls();
    expect(found.length).toBeGreaterThan(0);
    const small = found
      .filter((el) => el.getBoundingClientRect().height < 44 || el.getBoundingClientRect().width < 44)
      .map((el) => `${name(el)} ${Math.round(el.getBoundingClientRect().width)}×${Math.round(el.getBoundingClientRect().height)}`);
    expect(small).toEqual([]);
    await expect.element(page.elementLocator(root)).toMatchScreenshot(`touch-${id}`);
  });
});
