import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

// Every story of the built Storybook, listed by its index.json, screenshotted once it is done.
const index = JSON.parse(readFileSync(new URL('../storybook-static/index.json', import.meta.url), 'utf8'));
const stories: { id: string; type: string }[] = Object.values(index.entries);

/**
 * Opens a story alone and waits until Storybook has rendered it and run its play function. A play
 * function that fails logs a console error: any console error fails the test.
 */
async function openStory(page: Page, id: string, globals = '') {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && !m.location().url.endsWith('/favicon.ico') && errors.push(m.text()));
  await page.goto(`/iframe.html?id=${id}&viewMode=story&globals=${globals}`);
  const phase = () => page.evaluate('window.__STORYBOOK_PREVIEW__?.currentRender?.phase');
  await expect.poll(phase, { timeout: 30_000 }).toBe('finished');
  expect(errors).toEqual([]);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0); // nothing still loading
}

for (const { id } of stories.filter((entry) => entry.type === 'story')) {
  test(id, async ({ page }) => {
    await openStory(page, id);
    await expect(page).toHaveScreenshot(`${id}.png`, { fullPage: true });
  });
}

test('the Persona toolbar puts the whole app under a failed load', async ({ page }) => {
  await openStory(page, 'app--default', 'clerkPersona:loadFailed');
  await expect(page.getByRole('alert')).toHaveCount(2); // the header's and the invoices page's
  await expect(page).toHaveScreenshot('app--default-load-failed.png', { fullPage: true });
});
