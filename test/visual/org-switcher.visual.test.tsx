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
/**
 * Taller than the story, so every popover opens with its trigger in view, as a person opens it:
 * one opened below the viewport flips above its trigger, and CSS anchor positioning keeps the
 * last position that fit even after the viewport grows.
 */
const height = 3000;

describe.each(frames)('given every OrgSwitcher state in the $name frame', ({ name, width, className }) => {
  it('should look as the committed baseline', async () => {
    // renderStory waits for a frame drawn after the viewport grew, where the popovers are placed.
    const root = await renderStory(AllStates, { width, height, className });
    // Up to 32 pixels may differ here: six popovers are open, and Chromium antialiases each open
    // trigger's lower corners a shade differently from run to run (see vitest.config.ts).
    await expect.element(page.elementLocator(root)).toMatchScreenshot(`org-switcher-all-states-${name}`, {
      comparatorName: 'pixelmatch',
      comparatorOptions: { threshold: 0, allowedMismatchedPixels: 32 },
    });
  });
});
