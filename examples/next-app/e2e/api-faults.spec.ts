// Clerk's API failing in the browser (`faults.api`, `clerk.fail()`): each call rejects as clerk-js's
// does (a ClerkAPIResponseError of that status). The app says so where it happened and the server,
// which verifies the session token itself, goes on answering.
import { expect, test } from 'clerk-session-kit/testing/playwright';

test.describe('Clerk answers 429 to a revoke', () => {
  test.use({ persona: 'manyDevices', faults: { api: { revoke: 429 } } });

  test('the row says to wait and keeps its device; the server still sees the user', async ({ page, clerk }) => {
    await page.goto('/account');
    const device = 'Safari 19, iPhone, Lisbon';
    await page.getByRole('button', { name: `Revoke session on ${device}` }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^Revoke/ })
      .click();
    await expect(page.getByRole('alert').filter({ hasText: `Could not revoke the session on ${device}` })).toContainText(
      'Too many attempts. Wait a moment and try again.',
    );
    await expect(page.getByRole('button', { name: `Revoke session on ${device}` })).toBeVisible();
    expect((await clerk.calls()).filter((c) => c.action === 'revoke').map((c) => c.status)).toEqual(['error']);
    expect(await (await page.request.get('/api/me')).json()).toEqual({ userId: 'user_ada', orgId: 'org_acme' });
  });
});

test.describe('Clerk answers 503 to the device list', () => {
  test.use({ persona: 'manyDevices', faults: { api: { getSessions: 503 } } });

  test('the devices section says it could not load them; the page the server rendered stands', async ({ page }) => {
    await page.goto('/account');
    await expect(page.getByText('Signed in as user_ada.')).toBeVisible();
    await expect(page.getByText('Could not load your devices.')).toBeVisible();
    expect((await page.request.get('/api/me')).status()).toBe(200);
  });
});

test.describe('Clerk answers 500 to an organization switch, armed mid-test', () => {
  test.use({ persona: 'orgMember' });

  test('the switcher reports it and stays on Acme; so does the server', async ({ page, clerk }) => {
    await page.goto('/account');
    await clerk.fail('setActive', 500);
    await page
      .getByRole('button', { name: /Acme Inc/ })
      .first()
      .click();
    await page.getByRole('option', { name: /Globex/ }).click();
    await expect(page.getByText('Could not switch to Globex.')).toBeVisible();
    await expect(page.getByRole('button', { name: /Acme Inc/ }).first()).toBeVisible();
    expect(await (await page.request.get('/api/me')).json()).toEqual({ userId: 'user_ada', orgId: 'org_acme' });
    // Disarmed, the same switch goes through, and the server follows.
    await clerk.fail('setActive', null);
    await clerk.switchOrganization('org_globex');
    expect(await (await page.request.get('/api/me')).json()).toEqual({ userId: 'user_ada', orgId: 'org_globex' });
  });
});
