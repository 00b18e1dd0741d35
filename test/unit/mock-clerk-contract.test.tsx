/**
 * The contract of clerk-session-kit/testing: under MockClerkProvider, the real @clerk/react hooks
 * return coherent state for every persona. The network is disabled for the whole file.
 */
import { act, render, screen, waitFor } from '@testing-library/react';
import { useAuth, useClerk, useOrganization, useOrganizationList, useSession, useSessionList, useUser } from '@clerk/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMockClerk, decodeToken, MockClerkProvider, personas, manyOrgs, type Persona } from '../../src/testing';

beforeAll(() => {
  vi.stubGlobal('fetch', () => Promise.reject(new Error('network disabled in the contract suite')));
});
afterAll(() => vi.unstubAllGlobals());

type Snapshot = ReturnType<typeof useSnapshot>;
let latest: Snapshot | undefined;

function useSnapshot() {
  const auth = useAuth();
  const { isLoaded: userLoaded, isSignedIn: userSignedIn, user } = useUser();
  const { session } = useSession();
  const { sessions } = useSessionList();
  const { organization, membership } = useOrganization();
  const { userMemberships } = useOrganizationList({ userMemberships: { infinite: true, pageSize: 10 } });
  const clerk = useClerk();
  return {
    isLoaded: auth.isLoaded,
    isSignedIn: auth.isSignedIn,
    userId: auth.userId,
    sessionId: auth.sessionId,
    sessionStatus: session?.status,
    orgId: auth.orgId,
    orgRole: auth.orgRole,
    orgSlug: auth.orgSlug,
    actor: auth.actor ?? null,
    canReadInvoices: auth.has?.({ permission: 'org:invoices:read' }),
    canManageInvoices: auth.has?.({ permission: 'org:invoices:manage' }),
    isAdmin: auth.has?.({ role: 'admin' }),
    hasAnalytics: auth.has?.({ feature: 'analytics' }),
    hasProPlan: auth.has?.({ plan: 'pro' }),
    hasUserEarlyAccess: auth.has?.({ feature: 'u:early_access' }),
    hasFreePlan: auth.has?.({ plan: 'u:free' }),
    userLoaded,
    userSignedIn,
    userEmail: user?.primaryEmailAddress?.emailAddress,
    userMembershipCount: user?.organizationMemberships.length,
    sessionUserId: session?.user?.id,
    sessionIds: sessions?.map((s) => s.id),
    organizationName: organization?.name ?? null,
    membershipRole: membership?.role,
    memberships: userMemberships.data?.map((m) => m.organization.id),
    membershipsTotal: userMemberships.count,
    hasNextPage: userMemberships.hasNextPage,
    fetchNext: userMemberships.fetchNext,
    clerk,
  };
}

/** Hands each render's hook results to the test. */
function Probe({ onRender }: { onRender: (snapshot: Snapshot) => void }) {
  const snapshot = useSnapshot();
  onRender(snapshot);
  return <p>probe {snapshot.isLoaded ? 'loaded' : 'loading'}</p>;
}

const renderPersona = async (persona: Persona) => {
  const clerk = createMockClerk(persona);
  render(
    <MockClerkProvider clerk={clerk}>
      <Probe onRender={(snapshot) => (latest = snapshot)} />
    </MockClerkProvider>,
  );
  await screen.findByText(/probe/);
  if (latest?.isSignedIn && latest.userMembershipCount && !persona.failures) {
    await waitFor(() => expect(latest?.membershipsTotal).toBe(latest?.userMembershipCount));
  }
  return { clerk, snap: () => latest! };
};

describe('given the signedOut persona', () => {
  it('should report loaded and signed out from every hook', async () => {
    const { snap } = await renderPersona(personas.signedOut);
    expect(snap()).toMatchObject({
      isLoaded: true,
      isSignedIn: false,
      userId: null,
      sessionId: null,
      orgId: null,
      userLoaded: true,
      userSignedIn: false,
      sessionIds: [],
      canReadInvoices: false,
    });
  });
});

describe('given the loading persona', () => {
  it('should report not loaded until the mock finishes loading', async () => {
    const { clerk, snap } = await renderPersona(personas.loading);
    expect(snap()).toMatchObject({ isLoaded: false, userLoaded: false, userId: undefined });
    await act(async () => clerk.mock.finishLoading());
    await waitFor(() => expect(snap()).toMatchObject({ isLoaded: true, isSignedIn: true, userId: 'user_ada' }));
  });
});

describe('given the personal persona', () => {
  it('should be signed in with no active organization', async () => {
    const { snap } = await renderPersona(personas.personal);
    expect(snap()).toMatchObject({
      isSignedIn: true,
      userId: 'user_ada',
      sessionId: 'sess_ada',
      sessionStatus: 'active',
      orgId: null,
      organizationName: null,
      userEmail: 'ada@example.com',
      sessionUserId: 'user_ada',
      sessionIds: ['sess_ada'],
      canReadInvoices: false,
      hasAnalytics: false,
      memberships: [],
      membershipsTotal: 0,
    });
  });

  it('should answer user-level features and plans from the u: claims', async () => {
    const { snap } = await renderPersona(personas.personal);
    expect(snap()).toMatchObject({ hasUserEarlyAccess: true, hasFreePlan: true, hasProPlan: false });
  });
});

describe('given the orgMember persona', () => {
  it('should expose the Acme membership through useAuth, useOrganization and has()', async () => {
    const { snap } = await renderPersona(personas.orgMember);
    expect(snap()).toMatchObject({
      orgId: 'org_acme',
      orgRole: 'org:member',
      orgSlug: 'acme',
      organizationName: 'Acme Inc',
      membershipRole: 'org:member',
      canReadInvoices: true,
      canManageInvoices: false,
      isAdmin: false,
      hasAnalytics: true,
      hasProPlan: true,
      memberships: ['org_acme', 'org_globex'],
      membershipsTotal: 2,
      hasNextPage: false,
    });
  });
});

describe('given the orgAdmin persona', () => {
  it('should grant the admin role and manage permission', async () => {
    const { snap } = await renderPersona(personas.orgAdmin);
    expect(snap()).toMatchObject({
      orgRole: 'org:admin',
      isAdmin: true,
      canManageInvoices: true,
      canReadInvoices: true,
    });
  });
});

describe('given the multiSession persona', () => {
  it('should list three signed-in accounts with Ada active', async () => {
    const { snap } = await renderPersona(personas.multiSession);
    expect(snap()).toMatchObject({ userId: 'user_ada', sessionIds: ['sess_ada', 'sess_grace', 'sess_alan'] });
  });
});

describe('given the manyDevices persona', () => {
  it('should list eight device sessions, this browser included', async () => {
    const { snap } = await renderPersona(personas.manyDevices);
    const devices = await snap().clerk.user!.getSessions();
    expect(devices).toHaveLength(8);
    expect(devices.map((d) => d.id)).toContain('sess_ada');
    expect(devices.filter((d) => d.latestActivity.isMobile)).toHaveLength(3);
    expect(devices.find((d) => d.id === 'sess_dev_unknown')?.latestActivity.browserName).toBe('');
  });
});

describe('given the impersonated persona', () => {
  it('should carry the actor in useAuth', async () => {
    const { snap } = await renderPersona(personas.impersonated);
    expect(snap().actor).toEqual({ sub: 'user_support' });
  });
});

describe('given the pendingSession persona', () => {
  it('should treat the pending session as signed out, as Clerk does by default', async () => {
    const { snap } = await renderPersona(personas.pendingSession);
    expect(snap()).toMatchObject({ isLoaded: true, isSignedIn: false, sessionStatus: 'pending' });
  });

  it('should hold the choose-organization task with the user and memberships loaded, as clerk-js does', async () => {
    const { clerk, snap } = await renderPersona(personas.pendingSession);
    expect(clerk.session).toMatchObject({
      status: 'pending',
      tasks: [{ key: 'choose-organization' }],
      currentTask: { key: 'choose-organization' },
    });
    expect(clerk.isSignedIn).toBe(false);
    expect(snap()).toMatchObject({ userSignedIn: true, userId: null, orgId: null, organizationName: null });
    await waitFor(() => expect(snap().memberships).toEqual(['org_acme', 'org_globex']));
    expect(decodeToken((await clerk.session!.getToken())!).sts).toBe('pending');
  });

  it('should refuse the personal account without a word, as clerk-js does when personal accounts are off', async () => {
    const { clerk } = await renderPersona(personas.pendingSession);
    await act(() => clerk.setActive({ organization: null }));
    await act(() => clerk.setActive({ organization: 'no-such-slug' }));
    expect(clerk.session).toMatchObject({ status: 'pending', currentTask: { key: 'choose-organization' } });
  });

  it('should resolve the task when an organization is picked: the session is active in it', async () => {
    const { clerk, snap } = await renderPersona(personas.pendingSession);
    await act(() => clerk.setActive({ organization: 'org_globex' }));
    await waitFor(() =>
      expect(snap()).toMatchObject({ isSignedIn: true, sessionStatus: 'active', userId: 'user_ada', orgId: 'org_globex' }),
    );
    expect(clerk.session).toMatchObject({ tasks: null, currentTask: undefined });
    expect(decodeToken((await clerk.session!.getToken())!).sts).toBeUndefined();
    expect((await clerk.user!.getSessions()).map((d) => d.status)).toEqual(['active']);
  });

  it('should keep a task an organization does not resolve', async () => {
    const { clerk } = await renderPersona({
      state: {
        ...personas.pendingSession.state,
        sessions: [{ id: 'sess_ada', userId: 'user_ada', status: 'pending', tasks: [{ key: 'reset-password' }] }],
      },
    });
    await act(() => clerk.setActive({ organization: 'org_acme' }));
    expect(clerk.session).toMatchObject({
      status: 'pending',
      currentTask: { key: 'reset-password' },
      lastActiveOrganizationId: 'org_acme',
    });
  });
});

describe('given the expiredSession persona', () => {
  it('should be signed out with the expired session kept on the client', async () => {
    const { clerk, snap } = await renderPersona(personas.expiredSession);
    expect(snap()).toMatchObject({ isSignedIn: false, userId: null, sessionIds: ['sess_ada'] });
    expect(clerk.client.sessions[0]?.status).toBe('expired');
    expect(clerk.client.signedInSessions).toEqual([]);
  });
});

describe('given the flaky persona', () => {
  it('should fail each action once, then succeed', async () => {
    const { clerk, snap } = await renderPersona(personas.flaky);
    // The hook's first page request fails; Clerk's query client retries it, and the retry works.
    await waitFor(() => expect(snap().membershipsTotal).toBe(1), { timeout: 4000 });
    expect(clerk.mock.callsOf('getOrganizationMemberships').map((c) => c.status)).toEqual(['error', 'ok']);
    // clerk-js swallows a failed device list into [] and caches it on that user object…
    const user = clerk.user!;
    await expect(user.getSessions()).resolves.toEqual([]);
    await expect(user.getSessions()).resolves.toEqual([]);
    expect(clerk.mock.callsOf('getSessions').map((c) => c.status)).toEqual(['error']);
    // …and only a new user object (after a client update, e.g. user.reload()) asks again.
    await expect(user.reload()).rejects.toThrow(/user.reload failed/);
    await user.reload();
    await expect(clerk.user!.getSessions()).resolves.toHaveLength(8);
    await expect(clerk.setActive({ organization: null })).rejects.toThrow(/setActive failed/);
    await clerk.setActive({ organization: null });
    expect(clerk.organization).toBeNull();
  });
});

describe('given the manyOrgs(10_000) persona', () => {
  it('should page memberships ten at a time from total_count', async () => {
    const { snap } = await renderPersona(manyOrgs(10_000));
    expect(snap()).toMatchObject({ membershipsTotal: 10_000, hasNextPage: true, orgId: 'org_0001' });
    expect(snap().memberships).toHaveLength(10);
    await act(async () => snap().fetchNext?.());
    await waitFor(() => expect(snap().memberships).toHaveLength(20));
    expect(snap().memberships?.slice(9, 11)).toEqual(['org_0010', 'org_0011']);
  });

  it('should serve the last page and then report no next page', async () => {
    const clerk = createMockClerk(manyOrgs(10_000));
    const last = (await clerk.user!.getOrganizationMemberships({ initialPage: 1000, pageSize: 10 })) as unknown as {
      data: { organization: { id: string } }[];
      total_count: number;
    };
    expect(last.total_count).toBe(10_000);
    expect(last.data.map((m) => m.organization.id)).toEqual(Array.from({ length: 10 }, (_, i) => `org_${String(9991 + i)}`));
  });
});
