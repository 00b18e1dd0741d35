// The app's server and browser agree on who is signed in, under the kit's personas: server
// components (auth()), the proxy (redirects, JSON 401/403/200), client components (OrgSwitcher),
// and an organization switched in the browser reaching the server on the next navigation.
import { generateKeyPairSync, sign } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test } from 'clerk-session-kit/testing/playwright';
import { mergePersona, personas } from 'clerk-session-kit/testing';

// The kit's personas are Ada (user_ada), in Acme (active) and Globex.
const users = { ada: { id: 'user_ada' } };
const organizations = {
  acme: { id: 'org_acme', name: 'Acme Inc', slug: 'acme' },
  globex: { id: 'org_globex', name: 'Globex', slug: 'globex' },
};
// An admin of Acme who may see its reports (the admin area's permission), and a member of Globex.
const reportsAdmin = mergePersona(personas.orgAdmin, {
  state: {
    users: [
      {
        id: users.ada.id,
        memberships: [
          { organization: organizations.acme, role: 'org:admin', permissions: ['org:reports:read', 'org:reports:manage'] },
          { organization: organizations.globex, role: 'org:member', permissions: ['org:reports:read'] },
        ],
      },
    ],
  },
});

// Neither the app nor the mock logs an error or throws in the page (a 403/401 response the test
// asked for aside: the browser logs those as failed resource loads).
const errors = new WeakMap<Page, string[]>();
test.beforeEach(({ page }) => {
  const list: string[] = [];
  errors.set(page, list);
  page.on('pageerror', (error) => list.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 40[13]/.test(message.text())) list.push(message.text());
  });
});
test.afterEach(({ page }) => {
  expect(errors.get(page)).toEqual([]);
});

test.describe('signedOut', () => {
  test.use({ persona: 'signedOut' });

  test('a protected page redirects to /sign-in; the APIs answer 401 JSON', async ({ page }) => {
    await page.goto('/account');
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    for (const path of ['/api/me', '/api/admin/stats']) {
      const res = await page.request.get(path);
      expect(res.status(), path).toBe(401);
      expect(res.headers()['content-type']).toContain('application/json');
    }
  });
});

test.describe('personal', () => {
  test.use({ persona: 'personal' });

  test('the server renders the user; no organization; the admin API answers 403', async ({ page }) => {
    await page.goto('/account');
    await expect(page.getByText(`Signed in as ${users.ada.id}.`)).toBeVisible();
    expect(await (await page.request.get('/api/me')).json()).toEqual({ userId: users.ada.id, orgId: null });
    const res = await page.request.get('/api/admin/stats');
    expect(res.status()).toBe(403);
    expect(res.headers()['content-type']).toContain('application/json');
  });
});

test.describe('orgMember', () => {
  test.use({ persona: 'orgMember' });

  test('server and OrgSwitcher agree on Acme; the admin area answers 403', async ({ page }) => {
    await page.goto('/account');
    await expect(page.getByText(`Signed in as ${users.ada.id}.`)).toBeVisible();
    await expect(page.getByRole('button', { name: /Acme Inc/ }).first()).toBeVisible();
    await expect(page.getByText('Invoices: visible to you.')).toBeVisible();
    expect(await (await page.request.get('/api/me')).json()).toEqual({ userId: users.ada.id, orgId: organizations.acme.id });
    expect((await page.request.get('/api/admin/stats')).status()).toBe(403);
    expect((await page.goto('/admin'))?.status()).toBe(403);
  });

  test('switching persona mid-test signs the server out too', async ({ page, clerk }) => {
    await page.goto('/account');
    await clerk.loaded();
    await clerk.setPersona('signedOut');
    expect((await page.request.get('/api/me')).status()).toBe(401);
    await page.goto('/account');
    await expect(page).toHaveURL(/\/sign-in/);
  });
});

test.describe('orgAdmin', () => {
  test.use({ persona: 'orgAdmin' });

  test('Clerk’s org:admin without the reports permission is refused the admin API (403 JSON)', async ({ page }) => {
    await page.goto('/account');
    await expect(page.getByText('Invoices: visible to you.')).toBeVisible();
    expect((await page.request.get('/api/admin/stats')).status()).toBe(403);
  });
});

test.describe('an admin with the reports permission', () => {
  test.use({ persona: reportsAdmin });

  test('the admin API answers 200 and the admin page renders the organization', async ({ page }) => {
    const res = await page.request.get('/api/admin/stats');
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({ orgId: organizations.acme.id, reports: 3 });
    await page.goto('/admin');
    await expect(page.getByText(`Reports for ${organizations.acme.id}.`)).toBeVisible();
  });

  test('switching to Globex in the OrgSwitcher changes what the server renders next', async ({ page, clerk }) => {
    await page.goto('/account');
    await page
      .getByRole('button', { name: /Acme Inc/ })
      .first()
      .click();
    await page.getByRole('option', { name: /Globex/ }).click();
    await expect(page.getByRole('button', { name: /Globex/ }).first()).toBeVisible();
    expect(await (await page.request.get('/api/me')).json()).toEqual({ userId: users.ada.id, orgId: organizations.globex.id });
    expect((await page.goto('/admin'))?.status()).toBe(403);
    // A full page load keeps the switch (the mock's state survives it, as Clerk's client does).
    await page.goto('/account');
    await expect(page.getByRole('button', { name: /Globex/ }).first()).toBeVisible();
    await clerk.switchOrganization(organizations.acme.id);
    // The call log of the mock in this page load: the switch made from the test.
    expect((await clerk.calls()).filter((c) => c.action === 'setActive').map((c) => c.status)).toEqual(['ok']);
    await page.goto('/admin');
    await expect(page.getByText(`Reports for ${organizations.acme.id}.`)).toBeVisible();
  });
});

test('a session token signed with another key is refused', async ({ request, baseURL }) => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const now = Math.floor(Date.now() / 1000);
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${part({ alg: 'RS256', typ: 'JWT', kid: 'ins_test' })}.${part({ sub: users.ada.id, sid: 'sess_ada', azp: baseURL, iat: now - 5, nbf: now - 10, exp: now + 60, v: 2 })}`;
  const token = `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
  const res = await request.get('/api/me', { headers: { cookie: `__session=${token}; __client_uat=${now - 10}` } });
  expect(res.status()).toBe(401);
});
