// Visual regression of the app's own pages, per persona: the same pages under a member and an
// admin of Acme, compared with committed baselines (e2e/visual.spec.ts-snapshots/). The server
// renders the gate from the mock's cookie, the browser renders the OrgSwitcher from the mock: the
// two screenshots of each persona show the same role. Nothing on these pages depends on the clock.
import { expect, test } from 'clerk-session-kit/testing/playwright';

for (const persona of ['orgMember', 'orgAdmin'] as const) {
  test.describe(persona, () => {
    test.use({ persona, viewport: { width: 800, height: 600 }, locale: 'en-US', timezoneId: 'UTC', colorScheme: 'light' });

    test('the server-gated page as the server renders it', async ({ page }) => {
      await page.goto('/server-gate');
      await expect(page.getByText('Signed in as user_ada.')).toBeVisible();
      await expect(page.locator('main')).toHaveScreenshot(`server-gate-${persona}.png`);
    });

    test('the OrgSwitcher, open, with the role the server also sees', async ({ page, clerk }) => {
      await page.goto('/account');
      await clerk.loaded();
      await page.getByRole('button', { name: /Acme Inc/ }).click();
      const popover = page.getByRole('dialog', { name: 'Switch organization' });
      await expect(popover.getByRole('option', { name: /Globex/ })).toBeVisible();
      await expect(popover).toHaveScreenshot(`org-switcher-${persona}.png`);
    });
  });
}
