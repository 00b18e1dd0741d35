import { describe, expect, it } from 'vitest';
import { composeStories } from '@storybook/nextjs-vite';
import { page } from 'vitest/browser';
import * as stories from '../../stories/permission-gate.stories';
import { renderStory } from './render-story';

const { AllStates } = composeStories(stories);

describe('given every PermissionGate state side by side', () => {
  it('should look as the committed baseline', async () => {
    const root = await renderStory(AllStates);
    await expect.element(page.elementLocator(root)).toMatchScreenshot('permission-gate-all-states');
  });
});
