// The clerk-js script never arriving (`faults.clerkJs`): the app's real ClerkProvider waits for its
// script timeout (15 s; Playwright's clock moves it on here), then reports Clerk's status 'error'
// and the kit's components say Clerk could not load. The server needs no clerk-js: it renders the
// signed-in page from the session cookie and its API answers.
import { expect, test } from 'clerk-session-kit/testing/playwright';

const couldNotLoad = 'Sign-in could not load. Check your connection or content blocker, then try again.';

for (const clerkJs of ['stall', 'fail'] as const) {
  test.describe(`the clerk-js script ${clerkJs === 'stall' ? 'never answers' : 'answers 500'}`, () => {
    test.use({ persona: 'orgMember', faults: { clerkJs } });

    test('the server renders the user; the components load, then say Clerk could not load', async ({ page }) => {
      await page.clock.install();
      // Not 'load': a script that never answers holds the page's load event, as it would for a user.
      await page.goto('/account', { waitUntil: 'domcontentloaded' });
      await expect(page.getByText('Signed in as user_ada.')).toBeVisible();
      await expect(page.getByText(couldNotLoad).first()).toBeHidden();
      expect(await (await page.request.get('/api/me')).json()).toEqual({ userId: 'user_ada', orgId: 'org_acme' });
      // The page's clock moves on until ClerkProvider has given up (its timeout, then its retries).
      await expect(async () => {
        await page.clock.fastForward(5_000);
        await expect(page.getByText(couldNotLoad).first()).toBeVisible({ timeout: 500 });
      }).toPass({ timeout: 20_000 });
      await expect(page.getByText('Clerk could not load. Reload the page to try again.')).toBeVisible();
      expect(await page.evaluate(() => Reflect.has(window, '__clerkSessionKit'))).toBe(false);
    });
  });
}
