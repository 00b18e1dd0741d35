/**
 * The mock is exactly as unkind as clerk-js 6.40 (dist/clerk.mjs). Each expectation names the
 * clerk-js code it copies; test/unit/differential/ checks the same against the real clerk-js.
 */
import { act, renderHook, waitFor } from '@testing-library/react';
import { useAuth, useOrganization } from '@clerk/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createMockClerk, MockClerkProvider, mergePersona, personas, type MockClerk } from '../../src/testing';

const hook = <T,>(clerk: MockClerk, fn: () => T) =>
  renderHook(fn, {
    wrapper: ({ children }: { children: ReactNode }) => <MockClerkProvider clerk={clerk}>{children}</MockClerkProvider>,
  });

describe('given user.getSessions()', () => {
  it('should resolve [] when Clerk fails, and keep answering the cached [] on that user object', async () => {
    // clerk-js: SessionWithActivities.retrieve() … .catch(() => []); User.getSessions caches it.
    const clerk = createMockClerk(personas.sessionsUnavailable);
    const user = clerk.user!;
    await expect(user.getSessions()).resolves.toEqual([]);
    clerk.mock.fail('getSessions', null);
    await expect(user.getSessions()).resolves.toEqual([]);
    expect(clerk.mock.callsOf('getSessions')).toHaveLength(1);
  });

  it('should return the very same list on a second call, and fetch again only on a new user object', async () => {
    const clerk = createMockClerk(personas.manyDevices);
    const first = await clerk.user!.getSessions();
    expect(await clerk.user!.getSessions()).toBe(first);
    const old = clerk.user!;
    await expect(old.reload()).resolves.toBe(old); // clerk-js reload() resolves `this`
    expect(clerk.user).not.toBe(old);
    expect(await clerk.user!.getSessions()).not.toBe(first);
  });

  it('should list only active and pending device sessions', async () => {
    const clerk = createMockClerk(personas.deviceStatuses);
    const list = await clerk.user!.getSessions();
    expect(list.map((d) => d.status).sort()).toEqual(['active', 'pending']);
  });

  it('should leave activity fields Clerk did not send undefined', async () => {
    const clerk = createMockClerk({
      state: { users: [{ id: 'u', devices: [{ id: 'd', lastActiveAt: 0, latestActivity: { city: 'Oslo' } }] }] },
    });
    await act(async () => {});
    const user = await clerk.mock.state.users[0]!;
    expect(user.devices[0]!.latestActivity).toEqual({ city: 'Oslo' });
  });
});

describe('given revoke()', () => {
  it('should resolve the same object, now revoked, and drop it from the next list', async () => {
    const clerk = createMockClerk(personas.manyDevices);
    const [, iphone] = await clerk.user!.getSessions();
    await expect(iphone!.revoke()).resolves.toBe(iphone);
    expect(iphone!.status).toBe('revoked');
    const next = await clerk.user!.getSessions(); // revoke updated the client: a new user object
    expect(next.map((d) => d.id)).not.toContain(iphone!.id);
  });

  it('should reject with a ClerkAPIResponseError and leave the object unchanged', async () => {
    const clerk = createMockClerk(
      mergePersona(personas.manyDevices, {
        failures: { revoke: { message: 'Forbidden', status: 403, code: 'forbidden' } },
      }),
    );
    const [, iphone] = await clerk.user!.getSessions();
    await expect(iphone!.revoke()).rejects.toMatchObject({
      name: 'ClerkAPIResponseError',
      status: 403,
      message: 'Forbidden',
      errors: [{ code: 'forbidden' }],
    });
    expect(iphone!.status).toBe('active');
  });
});

describe('given signOut()', () => {
  it('should navigate to redirectUrl through routerPush before the signed-out emit', async () => {
    const order: string[] = [];
    const clerk = createMockClerk({
      ...personas.orgMember,
      routerPush: (to) => void order.push(`push ${to} signedIn=${String(clerk.isSignedIn)}`),
    });
    clerk.addListener((r) => order.push(`emit ${r.session === undefined ? 'undefined' : r.session === null ? 'null' : r.session.id}`), {
      skipInitialEmit: true,
    });
    await clerk.signOut({ redirectUrl: '/goodbye' });
    expect(order).toEqual(['emit undefined', 'emit undefined', 'push /goodbye signedIn=false', 'emit null']);
    expect(clerk.mock.navigations).toEqual([new URL('/goodbye', window.location.href).href]);
  });

  it('should call the callback form instead of navigating, and go to "/" by default', async () => {
    const callback = vi.fn();
    const clerk = createMockClerk(personas.orgMember);
    await clerk.signOut(callback);
    expect(callback).toHaveBeenCalledOnce();
    expect(clerk.mock.navigations).toEqual([]);
    const other = createMockClerk(personas.orgMember);
    await other.signOut();
    expect(other.mock.navigations).toEqual([new URL('/', window.location.href).href]);
  });

  it('should sign another account out without navigating', async () => {
    const clerk = createMockClerk(personas.multiSession);
    await clerk.signOut({ sessionId: 'sess_grace', redirectUrl: '/x' });
    expect(clerk.mock.navigations).toEqual([]);
    expect(clerk.session?.id).toBe('sess_ada');
  });
});

describe('given setActive()', () => {
  it('should sign this tab out for an unknown session id, keeping the client', async () => {
    const clerk = createMockClerk(personas.multiSession);
    await clerk.setActive({ session: 'sess_nope' });
    expect(clerk.isSignedIn).toBe(false);
    expect(clerk.client.sessions).toHaveLength(3);
  });

  it('should fall back to the personal account for an unknown slug', async () => {
    const clerk = createMockClerk(personas.orgMember);
    await clerk.setActive({ organization: 'no-such-slug' });
    expect(clerk.organization).toBeNull();
  });

  it('should throw plain Errors where clerk-js does', async () => {
    await expect(createMockClerk(personas.signedOut).setActive({ organization: null })).rejects.toThrow(
      'setActive should either be called with a session param or there should be already an active session.',
    );
    await expect(createMockClerk({ ...personas.orgMember, loaded: false }).setActive({ session: 'sess_ada' })).rejects.toThrow(
      /before the client is loaded/,
    );
  });

  it('should call navigate with decorateUrl before emitting the new organization', async () => {
    const clerk = createMockClerk(personas.orgMember);
    const seen: string[] = [];
    await clerk.setActive({
      organization: 'org_globex',
      navigate: ({ session, decorateUrl }) =>
        void seen.push(`${session.lastActiveOrganizationId} ${decorateUrl('/x')} ${String(clerk.organization?.id)}`),
    });
    expect(seen).toEqual(['org_globex /x undefined']); // clerk-js: organization undefined while navigating
    expect(clerk.organization?.id).toBe('org_globex');
  });
});

describe('given getToken()', () => {
  it('should not scope a template token to organizationId', async () => {
    const clerk = createMockClerk({ ...personas.orgMember, templates: { api: (c) => ({ org: c.o?.id ?? null }) } });
    const token = await clerk.session!.getToken({ template: 'api', organizationId: 'org_globex' });
    const payload = JSON.parse(atob(token!.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')));
    expect(payload.org).toBe('org_acme');
  });
});

describe('given paginated lists', () => {
  it('should refuse a page size over 500 or under 1 with a 422 like the Frontend API', async () => {
    const clerk = createMockClerk(personas.orgMember);
    const expected = {
      name: 'ClerkAPIResponseError',
      status: 422,
      message: '501 does not match one of the allowed values for parameter limit',
      errors: [{ code: 'form_param_value_invalid', message: 'is invalid', meta: { paramName: 'limit' } }],
    };
    await expect(clerk.user!.getOrganizationMemberships({ pageSize: 501 })).rejects.toMatchObject(expected);
    await expect(clerk.organization!.getMemberships({ pageSize: 501 })).rejects.toMatchObject(expected);
    await expect(clerk.user!.getOrganizationMemberships({ pageSize: 0 })).rejects.toMatchObject({ status: 422 });
    await expect(clerk.user!.getOrganizationMemberships({ pageSize: 500 })).resolves.toMatchObject({ total_count: 2 });
    await expect(clerk.user!.getOrganizationInvitations({ pageSize: 501 })).rejects.toMatchObject({ status: 422 });
    await expect(clerk.user!.getOrganizationSuggestions()).resolves.toEqual({ data: [], total_count: 0 });
  });

  it('should give useOrganization({ memberships }) the members of the active organization', async () => {
    const clerk = createMockClerk(personas.orgAdmin);
    const { result } = hook(clerk, () => useOrganization({ memberships: { pageSize: 5 } }));
    await waitFor(() => expect(result.current.memberships?.count).toBe(1));
    expect(result.current.memberships?.data?.[0]?.publicUserData?.userId).toBe('user_ada');
    await expect(clerk.organization!.getRoles()).resolves.toMatchObject({
      total_count: 1,
      data: [{ key: 'org:admin' }],
    });
    await expect(clerk.organization!.getInvitations()).resolves.toEqual({ data: [], total_count: 0 });
  });
});

describe('given the degraded persona', () => {
  it("should be loaded with status 'degraded'", () => {
    const clerk = createMockClerk(personas.degraded);
    const { result } = hook(clerk, () => useAuth());
    expect(result.current.isLoaded).toBe(true);
    expect(clerk.status).toBe('degraded');
  });
});
