// @vitest-environment node
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockClerk, MOCK_ACTIONS, personas, type MockAction } from '../../src/testing';
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

describe('given clerk.mock.callsOf', () => {
  it("should list one action's calls in order, the log's own entries, as the hand-written filter did", async () => {
    let open = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    const mock = createMockClerk({ ...personas.manyDevices, failures: { setActive: 'once' }, latency: { revoke: () => gate } });
    await expect(mock.setActive({ organization: null })).rejects.toThrow('injected failure');
    await mock.session!.getToken();
    await mock.setActive({ organization: null });
    const setActive = mock.mock.callsOf('setActive');
    expect(setActive.map((c) => [c.seq, c.status, c.args])).toEqual([
      [1, 'error', [{ organization: null }]],
      [3, 'ok', [{ organization: null }]],
    ]);
    expect(setActive).toEqual(mock.mock.calls.filter((c) => c.action === 'setActive'));
    expect(setActive[0]).toBe(mock.mock.calls[0]);
    expect(mock.mock.callsOf('signOut')).toEqual([]);
    // A new array each time; a pending call's status changes in place.
    const revoking = mock.user!.getSessions().then((sessions) => sessions.find((s) => s.id === 'sess_dev_iphone')?.revoke());
    await expect.poll(() => mock.mock.callsOf('revoke')).toHaveLength(1);
    const [revoke] = mock.mock.callsOf('revoke');
    expect(revoke).toMatchObject({ status: 'pending', args: ['sess_dev_iphone'] });
    open();
    await revoking;
    expect(revoke?.status).toBe('ok');
    expect(mock.mock.callsOf('revoke')).not.toBe(mock.mock.callsOf('revoke'));
  });

  it('should throw a TypeError that lists the known actions for an action the mock does not have', () => {
    const mock = createMockClerk(personas.orgMember);
    const typo = 'setactive' as MockAction; // as from plain JS, or a cast
    expect(() => mock.mock.callsOf(typo)).toThrow(TypeError);
    expect(() => mock.mock.callsOf(typo)).toThrow(
      `clerk.mock.callsOf: unknown action "setactive". Known actions: ${MOCK_ACTIONS.join(', ')}.`,
    );
  });
});
