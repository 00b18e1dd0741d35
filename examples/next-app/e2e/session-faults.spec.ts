// The session itself in trouble: revoked elsewhere (`clerk.revokeSession()`), and pending (the
// `pendingSession` persona: signed in, a task such as choosing an organization still open).
import { expect, test } from 'clerk-session-kit/testing/playwright';

test.describe('a session revoked elsewhere', () => {
  test.use({ persona: 'orgMember' });

  test('the server accepts the token until the browser refreshes it; then the browser signs out', async ({ page, context, clerk }) => {
    await page.goto('/account');
    await expect(page.getByText('Signed in as user_ada.')).toBeVisible();
    await clerk.revokeSession();
    // A session token is a signed statement valid for its 60 s: revoking does not recall it.
    expect((await page.request.get('/api/me')).status()).toBe(200);
    // Its refresh is answered 401; clerk-js fetches the client, finds no session, signs out.
    await clerk.advanceClock(66_000);
    const cookies = Object.fromEntries((await context.cookies()).map((c) => [c.name, c.value]));
    expect(cookies.__session).toBeUndefined();
    expect(cookies.__client_uat).toBe('0');
    expect((await page.request.get('/api/me')).status()).toBe(401);
    await expect(page.getByText('You are signed out.').first()).toBeVisible();
    expect((await clerk.calls()).filter((c) => c.action === 'getToken').map((c) => c.status)).toContain('error');
    await page.goto('/account');
    await expect(page).toHaveURL(/\/sign-in/);
  });
});

test.describe('a session revoked elsewhere, then a page load', () => {
  test.use({ persona: 'orgMember' });

  test('the browser loads Clerk without the session: signed out at once, the cookies cleared', async ({ page, context, clerk }) => {
    await page.goto('/account');
    await expect(page.getByText('Signed in as user_ada.')).toBeVisible();
    await clerk.revokeSession();
    // The page the server renders still sees the valid token; the browser's Clerk then loads the
    // client without the session, signs out, and the next request is refused.
    await page.reload();
    await expect(page.getByText('You are signed out.').first()).toBeVisible();
    await expect.poll(async () => (await context.cookies()).find((c) => c.name === '__client_uat')?.value).toBe('0');
    expect((await page.request.get('/api/me')).status()).toBe(401);
  });
});

test.describe('a pending session', () => {
  test.use({ persona: 'pendingSession' });

  test('the server treats it as signed out: the protected page redirects and the API answers 401', async ({ page }) => {
    await page.goto('/account');
    await expect(page).toHaveURL(/\/sign-in/);
    const res = await page.request.get('/api/me');
    expect(res.status()).toBe(401);
    expect(res.headers()['content-type']).toContain('application/json');
  });
});
