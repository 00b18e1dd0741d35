import { composeStories } from '@storybook/nextjs-vite';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import * as stories from '../../stories/org-switcher.stories';
import { renderStory } from './render-story';

const { AllStates } = composeStories(stories);

const frames = [
  { name: 'light', width: 1024, className: 'light' },
  { name: 'dark', width: 1024, className: 'dark' },
  { name: 'mobile', width: 375, className: 'light' },
] as const;

describe.each(frames)('given every OrgSwitcher state in the $name frame', ({ name, width, className }) => {
  it('should look as the committed baseline', async () => {
    const root = await renderStory(AllStates, { width, className });
    // The popovers are placed after the viewport grew to the content: wait for that frame.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await expect.element(page.elementLocator(root)).toMatchScreenshot(`org-switcher-all-states-${name}`);
  });
});
