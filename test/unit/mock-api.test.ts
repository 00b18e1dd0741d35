// @vitest-environment node
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockClerk, personas } from '../../src/testing';
import { createMockApiHandlers } from '../../src/testing/msw';

const clerk = createMockClerk(personas.orgMember);
const server = setupServer(...createMockApiHandlers({ now: clerk.mock.now }));
beforeAll(() => server.listen());
afterAll(() => server.close());

const me = (authorization?: string) => fetch('http://localhost/api/me', { headers: authorization ? { authorization } : {} });

describe('given the demo /api/me behind MSW', () => {
  it('should answer with the identity of a token issued by the mock', async () => {
    const res = await me(`Bearer ${await clerk.session!.getToken()}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      userId: 'user_ada',
      sessionId: 'sess_ada',
      orgId: 'org_acme',
      orgRole: 'org:member',
      actor: null,
    });
  });

  it('should answer 401 with no token, a foreign token, a tampered token or an expired one', async () => {
    const token = (await clerk.session!.getToken())!;
    const [h, p] = token.split('.');
    const tampered = `${h}.${btoa(JSON.stringify({ sub: 'user_admin' })).replace(/=+$/, '')}.${token.split('.')[2]}`;
    for (const auth of [undefined, 'Bearer not-a-jwt', `Bearer ${h}.${p}.c2lnbmF0dXJl`, `Bearer ${tampered}`, `Basic ${token}`]) {
      const res = await me(auth);
      expect(res.status, String(auth)).toBe(401);
    }
    clerk.mock.advance(61_000);
    expect((await me(`Bearer ${token}`)).status).toBe(401);
    expect((await me(`Bearer ${await clerk.session!.getToken()}`)).status).toBe(200);
  });
});
