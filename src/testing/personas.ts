/**
 * Named personas: plain `createMockClerk` options. Spread them, merge them with `mergePersona`,
 * or pass them as they are: `<MockClerkProvider options={personas.orgAdmin}>`.
 */
import { MOCK_ACTIONS, type FailureSpec, type MockAction } from './controls';
import type { CreateMockClerkOptions } from './mock-clerk-types';
import { adminOfAcme, devices, memberOfAcme, memberOfGlobex, minutesAgo, organizations, users } from './persona-data';
import type { MockMembership, MockSession } from './state';
import { DEFAULT_ACTIVITY } from './state-entities';

export { devices, organizations, users } from './persona-data';

export type Persona = CreateMockClerkOptions;

const session = (id: string, userId: string, extra: Partial<MockSession> = {}): MockSession => ({
  id,
  userId,
  createdAt: minutesAgo(60 * 26),
  lastActiveAt: minutesAgo(1),
  // The mock leaves activity fields undefined unless given, as Clerk does: personas give this
  // browser a desktop Chrome in Berlin.
  latestActivity: { ...DEFAULT_ACTIVITY },
  ...extra,
});

/** Signed out: no session on this browser. */
export const signedOut: Persona = { state: { users: [], sessions: [], activeSessionId: null } };

/** A signed-in user with no organizations (personal account). */
export const personal: Persona = {
  state: { users: [{ ...users.ada }], sessions: [session('sess_ada', users.ada.id)] },
};

/** A member of Acme (active) and Globex: can read invoices, cannot manage them. */
export const orgMember: Persona = {
  state: {
    users: [{ ...users.ada, memberships: [memberOfAcme, memberOfGlobex] }],
    sessions: [session('sess_ada', users.ada.id, { activeOrganizationId: organizations.acme.id })],
  },
};

/** An admin of Acme (active), member of Globex: can read and manage invoices. */
export const orgAdmin: Persona = {
  state: {
    users: [{ ...users.ada, memberships: [adminOfAcme, memberOfGlobex] }],
    sessions: [session('sess_ada', users.ada.id, { activeOrganizationId: organizations.acme.id })],
  },
};

/** Clerk has not loaded yet (and will not until `clerk.mock.finishLoading()`). */
export const loading: Persona = { ...orgMember, loaded: false };

/**
 * Clerk could not load (offline, an ad blocker, a wrong key): `load()` rejects, so @clerk/react's
 * status becomes 'error' (`useClerk().status`, `<ClerkFailed>`) and `isLoaded` stays false.
 */
export const loadFailed: Persona = { ...orgMember, loaded: false, failures: { load: 'always' } };

/**
 * A slow network: Ada as in `orgMember`, with Clerk's load and every Clerk call (getSessions,
 * setActive, revoke…) answering after 1200 ms, so skeletons, busy buttons and pending rows stay
 * on screen long enough to look at. Why 1200 ms: one Frontend API round trip on a poor mobile
 * connection (between the latencies of Chrome DevTools' Fast 3G and Slow 3G presets, 562.5 ms
 * and 2 s); well over a glance, yet a story settles in about 2.5 s (load, then the first fetch).
 * It stays under the kit's 8 s "Taking longer than usual…" notice on purpose: a fixed latency
 * that long would make every click wait 8 s. To see the notice, hold one call longer:
 * `mergePersona(personas.slowNetwork, { latency: { load: 9000 } })` (latency objects merge).
 * `loadDelay: 0` starts the mock not loaded, so `load()` is a call that waits its latency too
 * (one latency for everything; the Playwright fixture, which sets `loadDelay: 0` itself, keeps it).
 */
export const slowNetwork: Persona = { ...orgMember, loadDelay: 0, latency: { default: 1200 } };

/** Three accounts signed in on this browser (multi-session); Ada's is active. */
export const multiSession: Persona = {
  state: {
    users: [{ ...users.ada, memberships: [memberOfAcme] }, { ...users.grace }, { ...users.alan }],
    sessions: [
      session('sess_ada', users.ada.id, { activeOrganizationId: organizations.acme.id }),
      session('sess_grace', users.grace.id, { lastActiveAt: minutesAgo(45) }),
      session('sess_alan', users.alan.id, { lastActiveAt: minutesAgo(60 * 5) }),
    ],
    activeSessionId: 'sess_ada',
  },
};

/** Ada signed in here and on seven other devices. */
export const manyDevices: Persona = {
  state: {
    users: [{ ...users.ada, memberships: [memberOfAcme], devices }],
    sessions: [session('sess_ada', users.ada.id, { activeOrganizationId: organizations.acme.id })],
  },
};

/** A member of `n` organizations (`org_0001`…), the first one active. Cheap even at 10,000. */
export function manyOrgs(n: number): Persona {
  const memberships: MockMembership[] = Array.from({ length: n }, (_, i) => {
    const k = String(i + 1).padStart(4, '0');
    return {
      organization: {
        id: `org_${k}`,
        name: `Organization ${k}`,
        slug: `organization-${k}`,
        membersCount: (i % 50) + 1,
      },
      role: i % 3 === 0 ? 'org:admin' : 'org:member',
      permissions: ['org:invoices:read'],
    };
  });
  return {
    state: {
      users: [{ ...users.ada, memberships }],
      sessions: [session('sess_ada', users.ada.id, { activeOrganizationId: memberships[0]?.organization.id ?? null })],
    },
  };
}

/** A support agent (user_support) impersonating Ada: the session carries an `actor`. */
export const impersonated: Persona = {
  state: {
    users: [{ ...users.ada, memberships: [memberOfAcme] }],
    sessions: [
      session('sess_ada', users.ada.id, {
        activeOrganizationId: organizations.acme.id,
        actor: { sub: 'user_support' },
      }),
    ],
  },
};

/**
 * Signed in, pending a task: personal accounts are off and Ada, a member of Acme and Globex, has
 * not chosen an organization yet (`currentTask: { key: 'choose-organization' }`). Clerk's hooks
 * treat her as signed out by default; `setActive({ organization })` resolves the task.
 */
export const pendingSession: Persona = {
  state: {
    users: [{ ...users.ada, memberships: [memberOfAcme, memberOfGlobex] }],
    sessions: [session('sess_ada', users.ada.id, { status: 'pending', tasks: [{ key: 'choose-organization' }] })],
  },
};

/** This browser's only session has expired: signed out, with the expired session on record. */
export const expiredSession: Persona = {
  state: {
    users: [{ ...users.ada }],
    sessions: [session('sess_ada', users.ada.id, { status: 'expired', expireAt: minutesAgo(30) })],
    activeSessionId: null,
  },
};

/**
 * Clerk could not list the user's devices: `user.getSessions()` resolves `[]` (clerk-js swallows
 * the error) and keeps answering `[]` from its cache on that user object.
 */
export const sessionsUnavailable: Persona = { ...manyDevices, failures: { getSessions: 'always' } };

/**
 * Loaded, but degraded: clerk-js could not reach Clerk on load and runs on cached resources.
 * `useClerk().status` is 'degraded' and `<ClerkDegraded>` renders.
 */
export const degraded: Persona = { ...orgMember, degraded: true };

/** Ada's devices in every status Clerk has; `getSessions()` lists only the active and pending ones. */
export const deviceStatuses: Persona = {
  state: {
    users: [
      {
        ...users.ada,
        memberships: [memberOfAcme],
        // The first seven devices, one per status.
        devices: (['pending', 'revoked', 'ended', 'removed', 'expired', 'abandoned', 'replaced'] as const).flatMap((status, i) => {
          const device = devices[i];
          return device ? [{ ...device, id: `sess_dev_${status}`, status }] : [];
        }),
      },
    ],
    sessions: [session('sess_ada', users.ada.id, { activeOrganizationId: organizations.acme.id })],
  },
};

const failOnce = (actions: readonly MockAction[]) => {
  const failures: Partial<Record<MockAction, FailureSpec>> = {};
  for (const action of actions) failures[action] = 'once';
  return failures;
};

/** Every action except loading fails once, then works: for retry paths. */
export const flaky: Persona = {
  ...manyDevices,
  failures: failOnce(MOCK_ACTIONS.filter((a) => a !== 'load')),
};

export const personas = {
  signedOut,
  loading,
  loadFailed,
  slowNetwork,
  personal,
  orgMember,
  orgAdmin,
  multiSession,
  manyDevices,
  /**
   * Ada in 60 organizations, `org_0001` active: three of the OrgSwitcher's pages of 20, so
   * scrolling loads the next page and a search fetches the rest. `manyOrgs(n)` for another count.
   */
  manyOrgs: manyOrgs(60),
  impersonated,
  pendingSession,
  expiredSession,
  flaky,
  sessionsUnavailable,
  degraded,
  deviceStatuses,
} as const;

export type PersonaName = keyof typeof personas;

const mergeById = <T extends { id: string }>(base: T[] = [], over: T[] = []) => {
  const merged = base.map((item) => ({ ...item, ...over.find((o) => o.id === item.id) }));
  return [...merged, ...over.filter((o) => !base.some((b) => b.id === o.id))];
};

/**
 * Merges personas left to right: options are overridden, users and sessions are merged by id
 * (fields of a later entry win), failures and latency objects are merged.
 */
export function mergePersona(...parts: Persona[]): Persona {
  return parts.reduce<Persona>((acc, part) => {
    const latency =
      typeof acc.latency === 'object' && typeof part.latency === 'object'
        ? { ...acc.latency, ...part.latency }
        : (part.latency ?? acc.latency);
    return {
      ...acc,
      ...part,
      latency,
      failures: { ...acc.failures, ...part.failures },
      state: {
        ...acc.state,
        ...part.state,
        users: mergeById(acc.state?.users, part.state?.users),
        sessions: mergeById(acc.state?.sessions, part.state?.sessions),
      },
    };
  }, {});
}
