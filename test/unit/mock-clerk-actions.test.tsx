import { act, renderHook } from '@testing-library/react';
import { useAuth, useSessionList } from '@clerk/react';
import { __experimental_JWTPayloadToAuthObjectProperties as authFromClaims } from '@clerk/shared/jwtPayloadParser';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createMockClerk,
  decodeToken,
  MockClerkProvider,
  mergePersona,
  personas,
  verifyMockToken,
  type MockClerk,
} from '../../src/testing';

const hook = <T,>(clerk: MockClerk, fn: () => T) =>
  renderHook(fn, {
    wrapper: ({ children }: { children: ReactNode }) => <MockClerkProvider clerk={clerk}>{children}</MockClerkProvider>,
  });

afterEach(() => vi.useRealTimers());

describe('given a member switching organizations', () => {
  it('should change what has() answers and emit to the hooks', async () => {
    const clerk = createMockClerk(personas.orgMember);
    const { result } = hook(clerk, () => useAuth());
    expect(result.current.has?.({ permission: 'org:invoices:read' })).toBe(true);
    await act(() => clerk.setActive({ organization: 'globex' })); // by slug
    expect(result.current.orgId).toBe('org_globex');
    expect(result.current.has?.({ permission: 'org:invoices:read' })).toBe(false);
    expect(result.current.has?.({ permission: 'org:reports:read' })).toBe(true);
    await act(() => clerk.setActive({ organization: null }));
    expect(result.current.orgId).toBeNull();
    expect(result.current.has?.({ permission: 'org:reports:read' })).toBe(false);
  });

  it('should reject an organization the user is not a member of, leaving state unchanged', async () => {
    const clerk = createMockClerk(personas.orgMember);
    await expect(clerk.setActive({ organization: 'org_nope' })).rejects.toMatchObject({ status: 404 });
    expect(clerk.organization?.id).toBe('org_acme');
  });
});

describe('given three accounts on this browser', () => {
  it('should switch the active account with setActive({ session })', async () => {
    const clerk = createMockClerk(personas.multiSession);
    const { result } = hook(clerk, () => useAuth());
    await act(() => clerk.setActive({ session: 'sess_grace' }));
    expect(result.current.userId).toBe('user_grace');
    expect(result.current.orgId).toBeNull();
  });

  it('should sign one account out with signOut({ sessionId }) and keep the others', async () => {
    const clerk = createMockClerk(personas.multiSession);
    const { result } = hook(clerk, () => ({ auth: useAuth(), list: useSessionList() }));
    await act(() => clerk.signOut({ sessionId: 'sess_grace' }));
    expect(result.current.list.sessions?.map((s) => s.id)).toEqual(['sess_ada', 'sess_alan']);
    expect(result.current.auth.userId).toBe('user_ada');
  });

  it('should leave this tab signed out when the active account signs out alone', async () => {
    const clerk = createMockClerk(personas.multiSession);
    const { result } = hook(clerk, () => ({ auth: useAuth(), list: useSessionList() }));
    await act(() => clerk.signOut({ sessionId: 'sess_ada' }));
    expect(result.current.auth.isSignedIn).toBe(false);
    expect(result.current.list.sessions?.map((s) => s.id)).toEqual(['sess_grace', 'sess_alan']);
  });

  it('should sign every account on this browser out with signOut()', async () => {
    const clerk = createMockClerk(personas.multiSession);
    const { result } = hook(clerk, () => ({ auth: useAuth(), list: useSessionList() }));
    await act(() => clerk.signOut());
    expect(result.current.auth.isSignedIn).toBe(false);
    expect(result.current.list.sessions).toEqual([]);
  });

  it('should remove a session with session.remove() and end one with session.end()', async () => {
    const clerk = createMockClerk(personas.multiSession);
    await clerk.client.sessions.find((s) => s.id === 'sess_alan')!.remove();
    await clerk.client.sessions.find((s) => s.id === 'sess_grace')!.end();
    expect(clerk.client.sessions.map((s) => s.id)).toEqual(['sess_ada']);
    expect(clerk.mock.calls.map((c) => c.action)).toEqual(['session.remove', 'session.end']);
  });

  it('should quietly keep every session when asked to sign out one this browser does not hold, as clerk-js does', async () => {
    const clerk = createMockClerk(personas.multiSession);
    await expect(clerk.signOut({ sessionId: 'sess_nope' })).resolves.toBeUndefined();
    expect(clerk.client.sessions).toHaveLength(3);
  });
});

describe('given sessions on other devices', () => {
  it('should shrink the device list when one is revoked', async () => {
    const clerk = createMockClerk(personas.manyDevices);
    const before = await clerk.user!.getSessions();
    const revoked = await before.find((d) => d.id === 'sess_dev_iphone')!.revoke();
    expect(revoked.status).toBe('revoked');
    const after = await clerk.user!.getSessions();
    expect(after.map((d) => d.id)).not.toContain('sess_dev_iphone');
    expect(after).toHaveLength(before.length - 1);
  });

  it('should keep the device when revoke fails, and surface the error', async () => {
    const clerk = createMockClerk(
      mergePersona(personas.manyDevices, {
        failures: { revoke: { mode: 'once', message: 'Network down', status: 503 } },
      }),
    );
    const device = (await clerk.user!.getSessions()).find((d) => d.id === 'sess_dev_linux')!;
    await expect(device.revoke()).rejects.toMatchObject({
      message: 'Network down',
      status: 503,
      errors: [{ message: 'Network down' }],
    });
    expect((await clerk.user!.getSessions()).map((d) => d.id)).toContain('sess_dev_linux');
    expect(clerk.mock.callsOf('revoke').map((c) => c.status)).toEqual(['error']);
    await device.revoke();
    expect((await clerk.user!.getSessions()).map((d) => d.id)).not.toContain('sess_dev_linux');
  });
});

describe('given a failure spec without a mode', () => {
  it("should fail every call, as 'always' does", async () => {
    const clerk = createMockClerk({
      ...personas.orgMember,
      failures: { setActive: { message: 'Clerk is unreachable.' } },
    });
    await expect(clerk.setActive({ organization: 'org_globex' })).rejects.toThrow('Clerk is unreachable.');
    await expect(clerk.setActive({ organization: 'org_globex' })).rejects.toThrow('Clerk is unreachable.');
    expect(clerk.organization?.id).toBe('org_acme');
  });
});

describe('given latency', () => {
  it('should hold an action for its own latency, then apply it', async () => {
    vi.useFakeTimers();
    const clerk = createMockClerk({ ...personas.orgMember, latency: { default: 10, setActive: 500 } });
    let done = false;
    const pending = clerk.setActive({ organization: null }).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(499);
    expect(done).toBe(false);
    expect(clerk.organization?.id).toBe('org_acme');
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(clerk.organization).toBeNull();
    expect(clerk.mock.calls[0]).toMatchObject({ action: 'setActive', status: 'ok' });
  });

  it('should hold an action until its gate opens, when the latency is a function', async () => {
    let open = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    const clerk = createMockClerk({ ...personas.orgMember, latency: { setActive: () => gate } });
    let done = false;
    const pending = clerk.setActive({ organization: null }).then(() => (done = true));
    await Promise.resolve();
    expect(clerk.mock.calls[0]).toMatchObject({ action: 'setActive', status: 'pending' });
    expect(done).toBe(false);
    expect(clerk.organization?.id).toBe('org_acme');
    open();
    await pending;
    expect(clerk.organization).toBeNull();
    expect(clerk.mock.calls[0]).toMatchObject({ action: 'setActive', status: 'ok' });
  });

  it('should load slowly with loadDelay', async () => {
    vi.useFakeTimers();
    const clerk = createMockClerk({ ...personas.personal, loadDelay: 1500 });
    expect(clerk.loaded).toBe(false);
    const loading = clerk.load();
    await vi.advanceTimersByTimeAsync(1500);
    await loading;
    expect(clerk.loaded).toBe(true);
  });
});

describe('given session tokens', () => {
  it('should issue a JWT whose claims match the state and the frozen clock', async () => {
    const clerk = createMockClerk(personas.orgAdmin);
    const token = (await clerk.session!.getToken())!;
    const claims = decodeToken(token);
    const iat = Date.parse('2026-01-15T12:00:00Z') / 1000;
    expect(claims).toMatchObject({
      sub: 'user_ada',
      sid: 'sess_ada',
      v: 2,
      iat,
      exp: iat + 60,
      o: { id: 'org_acme', rol: 'admin', slg: 'acme' },
    });
    // Clerk's own parser reads the v2 claims back into the same organization permissions.
    const auth = authFromClaims(claims as never);
    expect(auth.orgRole).toBe('org:admin');
    expect([...(auth.orgPermissions ?? [])].sort()).toEqual(['org:invoices:manage', 'org:invoices:read']);
    expect(await verifyMockToken(token)).toMatchObject({ sub: 'user_ada' });
    expect(await verifyMockToken(token, { now: '2026-01-15T12:01:00Z' })).toBeNull();
  });

  it('should scope a token to another organization or to a template', async () => {
    const clerk = createMockClerk({
      ...personas.orgMember,
      templates: { supabase: (c) => ({ role: 'authenticated', aud: c.sub }) },
    });
    expect(decodeToken((await clerk.session!.getToken({ organizationId: 'org_globex' }))!).o?.id).toBe('org_globex');
    expect(decodeToken((await clerk.session!.getToken({ template: 'supabase' }))!)).toMatchObject({
      role: 'authenticated',
      aud: 'user_ada',
    });
    await expect(clerk.session!.getToken({ template: 'nope' })).rejects.toThrow(/no JWT template named "nope"/);
    await expect(clerk.session!.getToken({ organizationId: 'org_nope' })).rejects.toMatchObject({ status: 404 });
  });

  it('should cache tokens until skipCache or the clock moves', async () => {
    const clerk = createMockClerk(personas.personal);
    const first = await clerk.session!.getToken();
    expect(await clerk.session!.getToken()).toBe(first);
    const fresh = await clerk.session!.getToken({ skipCache: true });
    expect(fresh).not.toBe(first);
    clerk.mock.advance(120_000);
    expect(decodeToken((await clerk.session!.getToken())!).iat).toBe(decodeToken(first!).iat + 120);
  });

  it('should sign RS256 with a caller key, verifiable with the public key', async () => {
    const pair = await crypto.subtle.generateKey(
      { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
      true,
      ['sign', 'verify'],
    );
    const pkcs8 = btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey))));
    const pem = `-----BEGIN PRIVATE KEY-----\n${pkcs8.match(/.{1,64}/g)!.join('\n')}\n-----END PRIVATE KEY-----`;
    const clerk = createMockClerk({ ...personas.personal, signingKey: pem, keyId: 'ins_test' });
    const token = (await clerk.session!.getToken())!;
    const [header, payload, signature] = token.split('.');
    expect(JSON.parse(atob(header!))).toEqual({ alg: 'RS256', kid: 'ins_test', typ: 'JWT' });
    const sig = Uint8Array.from(atob(signature!.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    const ok = await crypto.subtle.verify('RSASSA-PKCS1-v1_5', pair.publicKey, sig, new TextEncoder().encode(`${header}.${payload}`));
    expect(ok).toBe(true);
    expect(await verifyMockToken(token)).toBeNull(); // not the mock's HS256 token
  });

  it('should give no token once the session is gone', async () => {
    const clerk = createMockClerk(personas.personal);
    const session = clerk.session!;
    await clerk.signOut();
    expect(await session.getToken()).toBeNull();
  });
});

describe('given createOrganization', () => {
  it('should add an admin membership with a deterministic id', async () => {
    const clerk = createMockClerk(personas.personal);
    const org = await clerk.createOrganization({ name: 'New Co' });
    expect(org).toMatchObject({ id: 'org_mock_0001', name: 'New Co', slug: 'new-co' });
    expect(clerk.user!.organizationMemberships.map((m) => [m.organization.id, m.role])).toEqual([['org_mock_0001', 'org:admin']]);
    await expect(clerk.createOrganization({ name: ' ' })).rejects.toMatchObject({ status: 422 });
  });
});

describe('given the call log', () => {
  it('should record every call in order with its arguments and outcome', async () => {
    const onCall = vi.fn();
    const clerk = createMockClerk({ ...personas.multiSession, onCall, failures: { signOut: 'once' } });
    await clerk.setActive({ session: 'sess_alan' });
    await expect(clerk.signOut({ sessionId: 'sess_grace' })).rejects.toThrow();
    await clerk.signOut({ sessionId: 'sess_grace' });
    expect(clerk.mock.calls.map(({ seq, action, status }) => ({ seq, action, status }))).toEqual([
      { seq: 1, action: 'setActive', status: 'ok' },
      { seq: 2, action: 'signOut', status: 'error' },
      { seq: 3, action: 'signOut', status: 'ok' },
    ]);
    expect(clerk.mock.calls[2]?.args).toEqual([{ sessionId: 'sess_grace' }]);
    expect(onCall).toHaveBeenCalledTimes(3);
    clerk.mock.clearCalls();
    expect(clerk.mock.calls).toEqual([]);
  });
});

describe('given setState', () => {
  it('should replace the state, validate it, and emit', async () => {
    const clerk = createMockClerk(personas.signedOut);
    const { result } = hook(clerk, () => useAuth());
    expect(result.current.isSignedIn).toBe(false);
    act(() => clerk.mock.setState(personas.orgMember.state!));
    expect(result.current.userId).toBe('user_ada');
    expect(() => clerk.mock.setState({ activeSessionId: 'sess_x' })).toThrow(/activeSessionId/);
    expect(result.current.userId).toBe('user_ada');
  });
});
