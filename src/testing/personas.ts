/**
 * Named personas: plain `createMockClerk` options. Spread them, merge them with `mergePersona`,
 * or pass them as they are: `<MockClerkProvider options={personas.orgAdmin}>`.
 */
import type { CreateMockClerkOptions } from './create-mock-clerk';
import { MOCK_ACTIONS, DEFAULT_NOW, type FailureSpec, type MockAction } from './controls';
import { DEFAULT_ACTIVITY, type MockDeviceSession, type MockMembership, type MockSession, type MockUser } from './state';

export type Persona = CreateMockClerkOptions;

const now = Date.parse(DEFAULT_NOW);
const minutesAgo = (m: number) => new Date(now - m * 60_000).toISOString();

export const organizations = {
  acme: { id: 'org_acme', name: 'Acme Inc', slug: 'acme', membersCount: 42, features: ['analytics'], plans: ['pro'] },
  globex: { id: 'org_globex', name: 'Globex', slug: 'globex', membersCount: 7, plans: ['free'] },
} as const satisfies Record<string, MockMembership['organization']>;

const memberOfAcme: MockMembership = {
  organization: {
    ...organizations.acme,
    features: [...organizations.acme.features],
    plans: [...organizations.acme.plans],
  },
  role: 'org:member',
  permissions: ['org:invoices:read', 'org:sys_memberships:read'],
};
const adminOfAcme: MockMembership = {
  ...memberOfAcme,
  role: 'org:admin',
  permissions: [
    'org:invoices:read',
    'org:invoices:manage',
    'org:sys_memberships:read',
    'org:sys_memberships:manage',
    'org:sys_profile:manage',
  ],
};
const memberOfGlobex: MockMembership = {
  organization: { ...organizations.globex, plans: [...organizations.globex.plans] },
  role: 'org:member',
  permissions: ['org:reports:read'],
};

export const users = {
  ada: {
    id: 'user_ada',
    firstName: 'Ada',
    lastName: 'Lovelace',
    username: 'ada',
    emailAddress: 'ada@example.com',
    createdAt: '2025-03-02T09:00:00.000Z',
    features: ['early_access'],
    plans: ['free'],
  },
  grace: {
    id: 'user_grace',
    firstName: 'Grace',
    lastName: 'Hopper',
    username: 'grace',
    emailAddress: 'grace@example.org',
    createdAt: '2025-05-20T09:00:00.000Z',
  },
  alan: {
    id: 'user_alan',
    firstName: 'Alan',
    lastName: 'Turing',
    username: 'alan',
    emailAddress: 'alan@example.net',
    createdAt: '2025-07-11T09:00:00.000Z',
  },
} as const satisfies Record<string, MockUser>;

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

/** Eight sessions on devices: this browser plus seven others, one mobile, one unknown browser. */
export const devices: MockDeviceSession[] = [
  {
    id: 'sess_dev_iphone',
    lastActiveAt: minutesAgo(12),
    latestActivity: {
      browserName: 'Safari',
      browserVersion: '19.1',
      deviceType: 'iPhone',
      isMobile: true,
      city: 'Lisbon',
      country: 'PT',
      ipAddress: '198.51.100.23',
    },
  },
  {
    id: 'sess_dev_windows',
    lastActiveAt: minutesAgo(60 * 3),
    latestActivity: {
      browserName: 'Edge',
      browserVersion: '141.0',
      deviceType: 'Windows',
      city: 'Munich',
      country: 'DE',
      ipAddress: '198.51.100.41',
    },
  },
  {
    id: 'sess_dev_linux',
    lastActiveAt: minutesAgo(60 * 20),
    latestActivity: {
      browserName: 'Firefox',
      browserVersion: '145.0',
      deviceType: 'Linux',
      city: 'Paris',
      country: 'FR',
      ipAddress: '203.0.113.7',
    },
  },
  {
    id: 'sess_dev_ipad',
    lastActiveAt: minutesAgo(60 * 24 * 2),
    latestActivity: {
      browserName: 'Safari',
      browserVersion: '18.6',
      deviceType: 'iPad',
      isMobile: true,
      city: 'London',
      country: 'GB',
      ipAddress: '203.0.113.88',
    },
  },
  {
    id: 'sess_dev_android',
    lastActiveAt: minutesAgo(60 * 24 * 4),
    latestActivity: {
      browserName: 'Chrome Mobile',
      browserVersion: '142.0',
      deviceType: 'Android',
      isMobile: true,
      city: 'São Paulo',
      country: 'BR',
      ipAddress: '192.0.2.200',
    },
  },
  {
    id: 'sess_dev_unknown',
    lastActiveAt: minutesAgo(60 * 24 * 6),
    latestActivity: {
      browserName: '',
      browserVersion: '',
      deviceType: '',
      isMobile: false,
      city: '',
      country: '',
      ipAddress: '192.0.2.99',
    },
  },
  {
    id: 'sess_dev_mac_old',
    lastActiveAt: minutesAgo(60 * 24 * 9),
    latestActivity: {
      browserName: 'Safari',
      browserVersion: '18.2',
      deviceType: 'Macintosh',
      city: 'Berlin',
      country: 'DE',
      ipAddress: '198.51.100.5',
    },
  },
];

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

/** Signed in but with a pending task (Clerk treats pending as signed out by default). */
export const pendingSession: Persona = {
  state: { users: [{ ...users.ada }], sessions: [session('sess_ada', users.ada.id, { status: 'pending' })] },
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
        devices: (['pending', 'revoked', 'ended', 'removed', 'expired', 'abandoned', 'replaced'] as const).map((status, i) => ({
          ...devices[i]!,
          id: `sess_dev_${status}`,
          status,
        })),
      },
    ],
    sessions: [session('sess_ada', users.ada.id, { activeOrganizationId: organizations.acme.id })],
  },
};

/** Every action except loading fails once, then works: for retry paths. */
export const flaky: Persona = {
  ...manyDevices,
  failures: Object.fromEntries(MOCK_ACTIONS.filter((a) => a !== 'load').map((a) => [a, 'once'])) as Partial<
    Record<MockAction, FailureSpec>
  >,
};

export const personas = {
  signedOut,
  loading,
  loadFailed,
  personal,
  orgMember,
  orgAdmin,
  multiSession,
  manyDevices,
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
