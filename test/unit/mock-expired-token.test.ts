// @vitest-environment node
/** The mock's expireTokens() control and the /api/claims MSW handler, which the token stories use. */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockClerk, decodeToken, personas } from '../../src/testing';
import { createMockApiHandlers } from '../../src/testing/msw';

const clerk = createMockClerk({
  ...personas.orgMember,
  templates: { api: () => ({ aud: 'https://api.example.com' }) },
});
const server = setupServer(...createMockApiHandlers({ now: clerk.mock.now }));
beforeAll(() => server.listen());
afterAll(() => server.close());

const call = (path: string, token?: string | null) =>
  fetch(`http://localhost${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('given mock.expireTokens()', () => {
  it('should make the cached token expired, answered 401, until skipCache signs a fresh one', async () => {
    const first = await clerk.session!.getToken();
    expect((await call('/api/me', first)).status).toBe(200);
    clerk.mock.expireTokens();
    const stale = await clerk.session!.getToken();
    expect(stale).not.toBe(first);
    const nowS = Math.floor(clerk.mock.now() / 1000);
    expect(decodeToken(stale!)).toMatchObject({ exp: nowS - 1, iat: nowS - 61, sid: 'sess_ada' });
    expect((await call('/api/me', stale)).status).toBe(401);
    const fresh = await clerk.session!.getToken({ skipCache: true });
    expect(decodeToken(fresh!).exp).toBe(nowS + 60);
    expect((await call('/api/me', fresh)).status).toBe(200);
    expect(await clerk.session!.getToken()).toBe(fresh);
  });

  it('should expire template tokens too, keeping their claims', async () => {
    await clerk.session!.getToken({ template: 'api' });
    clerk.mock.expireTokens();
    const stale = await clerk.session!.getToken({ template: 'api' });
    expect(decodeToken(stale!)).toMatchObject({ aud: 'https://api.example.com' });
    expect((await call('/api/claims', stale)).status).toBe(401);
  });
});

describe('given the /api/claims handler', () => {
  it("should answer with all of a valid token's claims, and 401 without one", async () => {
    const token = await clerk.session!.getToken({ template: 'api', skipCache: true });
    const res = await call('/api/claims', token);
    expect(res.status).toBe(200);
    expect((await res.json()).claims).toMatchObject({
      aud: 'https://api.example.com',
      sub: 'user_ada',
      o: { id: 'org_acme' },
    });
    expect((await call('/api/claims')).status).toBe(401);
  });
});
