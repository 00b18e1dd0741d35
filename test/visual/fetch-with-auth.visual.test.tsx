import { describe, expect, it } from 'vitest';
import { composeStories } from '@storybook/nextjs-vite';
import { page } from 'vitest/browser';
import * as stories from '../../stories/fetch-with-auth.stories';
import { renderStory } from './render-story';

const { Playground } = composeStories(stories);

describe('given the fetchWithAuth playground after every case has run', () => {
  it('should look as the committed baseline', async () => {
    const root = await renderStory(Playground);
    await expect.element(page.elementLocator(root)).toMatchScreenshot('fetch-with-auth-playground');
  });
});
