import { composeStories } from '@storybook/nextjs-vite';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import * as stress from '../../stories/session-stress.stories';
import { renderStory } from './render-story';
import { expectNoOverflow, frames } from './frames';

const stories = composeStories(stress);

describe.each(frames)('given the stress stories at $name', ({ name, width, className }) => {
  it.each(['LongText', 'LongTextGerman', 'FiftyAccounts', 'FiveHundredDevices'] as const)(
    'should show %s as in the committed baseline, without overflow',
    async (story) => {
      const root = await renderStory(stories[story], { width, className });
      expectNoOverflow(root);
      await expect.element(page.elementLocator(root)).toMatchScreenshot(`session-stress-${story}-${name}`);
    },
  );
});
