import { composeStories } from '@storybook/nextjs-vite';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import * as listStories from '../../stories/session-list.stories';
import * as managerStories from '../../stories/session-manager.stories';
import { renderStory } from './render-story';

const { AllStates: ListStates } = composeStories(listStories);
const { AllStates: ManagerStates } = composeStories(managerStories);

const frames = [
  { name: 'light', width: 1024, className: 'light' },
  { name: 'dark', width: 1024, className: 'dark' },
  { name: 'mobile', width: 375, className: 'light' },
] as const;

describe.each(frames)('given every static state in the $name frame', ({ name, width, className }) => {
  it('should show SessionManager as in the committed baseline', async () => {
    const root = await renderStory(ManagerStates, { width, className });
    await expect.element(page.elementLocator(root)).toMatchScreenshot(`session-manager-all-states-${name}`);
  });

  it('should show SessionList as in the committed baseline', async () => {
    const root = await renderStory(ListStates, { width, className });
    await expect.element(page.elementLocator(root)).toMatchScreenshot(`session-list-all-states-${name}`);
  });
});
