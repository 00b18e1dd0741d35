// Session tokens live 60 s. Like clerk-js, the mock rewrites the `__session` cookie before the
// token expires, so the server still sees the user a minute later; the first token itself is
// then refused. Takes about 70 s of real time (the server's clock is real), so it is tagged @slow:
// scripts/check-examples-e2e.mjs leaves it out; run it with `playwright test e2e/expiry.spec.ts`.
import { expect, test } from 'clerk-session-kit/testing/playwright';

test.use({ persona: 'orgMember' });

const claims = (token: string) => JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());

test('the session cookie is refreshed before the token expires @slow', async ({ page, context, clerk, request }) => {
  test.setTimeout(120_000);
  await page.goto('/account');
  await clerk.loaded();
  const session = async () => (await context.cookies()).find((c) => c.name === '__session')?.value ?? '';
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
