// Session tokens live 60 s. Like clerk-js, the mock rewrites the `__session` cookie before the
// token expires, so the server still sees the user a minute later; when the refresh fails, the
// stale token is refused. The first two tests move the mock's clock (`clerk.advanceClock`: the
// cookie's token re-dated that far back, then clerk-js's poller runs once). The last one waits for the
// real minute: about 70 s, so it is tagged @slow and scripts/check-examples-e2e.mjs leaves it out;
// run it with `playwright test e2e/expiry.spec.ts`.
import type { BrowserContext } from '@playwright/test';
import { expect, test } from 'clerk-session-kit/testing/playwright';

test.use({ persona: 'orgMember' });

const claims = (token: string) => JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
const sessionCookie = async (context: BrowserContext) => (await context.cookies()).find((c) => c.name === '__session')?.value ?? '';

test('61 s on, the browser has refreshed the cookie and the server accepts the next request', async ({ page, context, clerk }) => {
  await page.goto('/account');
  await expect(page.getByText('Signed in as user_ada.')).toBeVisible();
  const first = await sessionCookie(context);
  await clerk.advanceClock(61_000);
  const refreshed = await sessionCookie(context);
  expect(refreshed).not.toBe(first);
  expect(claims(refreshed).exp).toBeGreaterThan(Date.now() / 1000);
  expect(await (await page.request.get('/api/me')).json()).toEqual({ userId: 'user_ada', orgId: 'org_acme' });
  await page.reload();
  await expect(page.getByText('Signed in as user_ada.')).toBeVisible();
});

test.describe('with token refresh blocked', () => {
  test.use({ faults: { tokenRefresh: 'blocked' } });

  test('66 s on, the cookie holds the expired token and the server refuses it', async ({ page, context, clerk }) => {
    await page.goto('/account');
    await expect(page.getByText('Signed in as user_ada.')).toBeVisible();
    expect((await page.request.get('/api/me')).status()).toBe(200);
    // 66 s: past the token's 60 s and the 5 s of clock skew Clerk's server allows.
    await clerk.advanceClock(66_000);
    expect(claims(await sessionCookie(context)).exp).toBeLessThan(Date.now() / 1000 - 5);
    const res = await page.request.get('/api/me');
    expect(res.status()).toBe(401);
    expect(res.headers()['content-type']).toContain('application/json');
    // The browser keeps its session (clerk-js goes 'degraded', it does not sign out): the page still shows Ada's.
    await expect(page.getByRole('button', { name: /Acme Inc/ }).first()).toBeVisible();
    expect((await clerk.calls()).filter((c) => c.action === 'getToken').every((c) => c.status === 'error')).toBe(true);
  });
});

test('the session cookie is refreshed before the token expires @slow', async ({ page, context, clerk, request }) => {
  test.setTimeout(120_000);
  await page.goto('/account');
  await clerk.loaded();
  const session = () => sessionCookie(context);
  const first = await session();
  const { exp } = claims(first);
  await expect.poll(session, { timeout: 70_000, intervals: [1000] }).not.toBe(first);
  expect(claims(await session()).exp).toBeGreaterThan(exp);
  // Once the first token has expired by the server's clock (Clerk allows 5 s of clock skew), it is
  // refused and the refreshed one is not: the server still sees the user more than 61 s on.
  await expect.poll(() => Date.now() / 1000 > exp + 6, { timeout: 30_000, intervals: [1000] }).toBe(true);
  const uat = (await context.cookies()).find((c) => c.name === '__client_uat')?.value ?? '';
  expect((await request.get('/api/me', { headers: { cookie: `__session=${first}; __client_uat=${claims(first).iat}` } })).status()).toBe(
    401,
  );
  expect(await (await page.request.get('/api/me')).json()).toEqual({ userId: 'user_ada', orgId: 'org_acme' });
  expect(Number(uat)).toBeLessThanOrEqual(claims(await session()).iat);
});
