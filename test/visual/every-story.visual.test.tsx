import { composeStories } from '@storybook/nextjs-vite';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { renderStory } from './render-story';

/**
 * Every story in its default frame, shot after its play function ran, so a change to any story's
 * look fails a test, not only the all-states pages (those keep their light, dark and mobile
 * frames in their own files and are skipped here).
 */
type StoriesModule = Parameters<typeof composeStories>[0];
type RunnableStory = Parameters<typeof renderStory>[0];
const modules = import.meta.glob<StoriesModule>('../../stories/**/*.stories.tsx', { eager: true });

const cases = Object.entries(modules).flatMap(([path, module]) => {
  const file = path
    .replace(/^.*\/stories\//, '')
    .replace(/\.stories\.tsx$/, '')
    .replaceAll('/', '-');
  return Object.entries(composeStories(module))
    .filter(([name]) => name !== 'AllStates')
    .map(([name, story]) => ({ id: `${file}--${name}`, story: story as RunnableStory }));
});

/**
 * Stories about focus, shot with the keyboard focus ring where their play function left focus;
 * every other story is shot with nothing focused (see renderStory). A story declares this itself
 * with `parameters: { visual: { keepFocus: true } }`; these do not declare it yet.
 */
const aboutFocus = new Set(['org-switcher--KeyboardOnly']);

describe('given every story in its default frame', () => {
  it.each(cases)('should show $id as in the committed baseline', async ({ id, story }) => {
    const root = await renderStory(story, { className: 'light', ...(aboutFocus.has(id) && { keepFocus: true }) });
    await expect.element(page.elementLocator(root)).toMatchScreenshot(id);
  });
});
