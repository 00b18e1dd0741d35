// Clerk Core 2 (@clerk/nextjs 6, which loads clerk-js@5) on the same fixture as examples/next-app:
// the server verifies the mock's session cookie with Clerk's Core 2 code, and the kit's /core-2
// components hydrate on the mock served in place of clerk-js, with no hydration mismatch.
import type { Page } from '@playwright/test';
import { expect, test } from 'clerk-session-kit/testing/playwright';

// No error in the page: no uncaught exception, no console error, no hydration mismatch (React #418).
const errors = new WeakMap<Page, string[]>();
test.beforeEach(({ page }) => {
  const list: string[] = [];
  errors.set(page, list);
  page.on('pageerror', (error) => list.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 401/.test(message.text())) list.push(message.text());
  });
});
test.afterEach(({ page }) => {
  expect(errors.get(page)).toEqual([]);
});

test.describe('signedOut', () => {
  test.use({ persona: 'signedOut' });

  test('a protected page redirects to /sign-in; the API answers 401 JSON', async ({ page }) => {
    await page.goto('/account');
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    const res = await page.request.get('/api/me');
    expect(res.status()).toBe(401);
    expect(res.headers()['content-type']).toContain('application/json');
  });
});

test.describe('orgMember', () => {
  test.use({ persona: 'orgMember' });

  test('the server renders the user, the components hydrate on the mock, the API answers', async ({ page, clerk }) => {
    await page.goto('/account');
    await expect(page.getByText('Signed in as user_ada.')).toBeVisible();
    await clerk.loaded();
    await expect(page.getByRole('button', { name: /Acme Inc/ }).first()).toBeVisible();
    await expect(page.getByText('Invoices: visible to you.')).toBeVisible();
    expect(await (await page.request.get('/api/me')).json()).toEqual({ userId: 'user_ada', orgId: 'org_acme' });
  });

  test('switching to Globex in the OrgSwitcher reaches the server', async ({ page }) => {
    await page.goto('/account');
    await page
      .getByRole('button', { name: /Acme Inc/ })
      .first()
      .click();
    await page.getByRole('option', { name: /Globex/ }).click();
    await expect(page.getByRole('button', { name: /Globex/ }).first()).toBeVisible();
    expect(await (await page.request.get('/api/me')).json()).toEqual({ userId: 'user_ada', orgId: 'org_globex' });
  });
});

test.describe('orgMember, with faults', () => {
  test.use({ persona: 'orgMember' });

  test('a session revoked elsewhere: the next refresh signs the browser out and the server refuses', async ({ page, clerk }) => {
    await page.goto('/account');
    await expect(page.getByRole('button', { name: /Acme Inc/ }).first()).toBeVisible();
    await clerk.revokeSession();
    expect((await page.request.get('/api/me')).status()).toBe(200);
    await clerk.advanceClock(66_000);
    expect((await page.request.get('/api/me')).status()).toBe(401);
    await page.goto('/account');
    await expect(page).toHaveURL(/\/sign-in/);
  });
});

test.describe('the mock-Clerk demo page (MockClerkProvider from /core-2/testing)', () => {
  test('server-rendered, it hydrates with no mismatch and every component shows the mock', async ({ page }) => {
    await page.goto('/demo');
    await expect(page.getByText('Invoices: visible to you.')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Your devices' }).getByRole('listitem')).toHaveCount(8);
    await expect(page.getByRole('button', { name: /Acme Inc/ }).first()).toBeVisible();
  });
});
