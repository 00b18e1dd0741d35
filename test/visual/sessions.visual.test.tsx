import { composeStories } from '@storybook/nextjs-vite';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import * as listStories from '../../stories/session-list.stories';
import * as managerStories from '../../stories/session-manager.stories';
import { expectNoOverflow, frames } from './frames';
import { renderStory } from './render-story';

const { AllStates: ListStates, RevokeAllConfirmation } = composeStories(listStories);
const { AllStates: ManagerStates, SignOutEverywhereOpen } = composeStories(managerStories);

describe.each(frames)('given every static state at $name', ({ name, width, className }) => {
  it('should show SessionManager as in the committed baseline, without overflow', async () => {
    const root = await renderStory(ManagerStates, { width, className });
    expectNoOverflow(root);
    await expect.element(page.elementLocator(root)).toMatchScreenshot(`session-manager-all-states-${name}`);
  });

  it('should show SessionList as in the committed baseline, without overflow', async () => {
    const root = await renderStory(ListStates, { width, className });
    expectNoOverflow(root);
    await expect.element(page.elementLocator(root)).toMatchScreenshot(`session-list-all-states-${name}`);
  });
});

describe.each(frames.filter((f) => f.width < 1000))('given a confirmation open at $name', ({ name, width, className }) => {
  const dialogOf = async (story: Parameters<typeof renderStory>[0]) => {
    const root = await renderStory(story, { width, className });
    const dialog = root.ownerDocument.querySelector('dialog[open]')!;
    // Fits the viewport with a margin on both sides.
    const box = dialog.getBoundingClientRect();
    expect(box.left).toBeGreaterThanOrEqual(8);
    expect(box.right).toBeLessThanOrEqual(width - 8);
    return dialog;
  };

  it('should fit the revoke-all dialog inside the screen', async () => {
    await expect
      .element(page.elementLocator(await dialogOf(RevokeAllConfirmation)))
      .toMatchScreenshot(`session-list-revoke-all-dialog-${name}`);
  });

  it('should fit the sign-out-everywhere dialog inside the screen', async () => {
    const dialog = await dialogOf(SignOutEverywhereOpen);
    await expect.element(page.elementLocator(dialog)).toMatchScreenshot(`session-manager-sign-out-everywhere-dialog-${name}`);
  });
});
