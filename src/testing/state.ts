/**
 * Validation of the mock's state (types in state-types.ts). `normalizeState` turns user input
 * into the strict internal shape or throws a MockClerkConfigError that names the field and the
 * fix, so bad input fails when the mock is created, never deep inside a Clerk hook.
 */
import {
  isSignedInStatus,
  SESSION_STATUSES,
  type DateInput,
  type MockActivity,
  type MockClerkState,
  type MockDeviceSession,
  type MockMembership,
  type NDevice,
  type NMembership,
  type NSession,
  type NState,
  type NUser,
} from './state-types';

export * from './state-types';

/** Thrown for state a real Clerk could never be in. The message names the field and the fix. */
export class MockClerkConfigError extends Error {
  override name = 'MockClerkConfigError';
}

const fail = (field: string, problem: string, fix: string): never => {
  throw new MockClerkConfigError(`createMockClerk: ${field} ${problem}. ${fix}`);
};

export function toEpoch(value: DateInput, field: string): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    fail(
      field,
      `is not a valid date (${JSON.stringify(value)})`,
      'Use a Date, an ISO 8601 string such as "2026-01-15T12:00:00Z", or epoch milliseconds.',
    );
  }
  return ms;
}

const optDate = (value: DateInput | undefined, field: string, fallback: number) => (value === undefined ? fallback : toEpoch(value, field));

const DAY = 86_400_000;

/** A desktop Chrome in Berlin: what the personas give this browser's sessions. */
export const DEFAULT_ACTIVITY: Required<MockActivity> = {
  browserName: 'Chrome',
  browserVersion: '142.0.0.0',
  deviceType: 'Macintosh',
  ipAddress: '192.0.2.10',
  city: 'Berlin',
  country: 'DE',
  isMobile: false,
};

const slugify = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

export const prefixRole = (role: string) => role.replace(/^(org:)*/, 'org:');

function checkUnique(ids: string[], field: string) {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (typeof id !== 'string' || id === '') fail(`${field}[${i}].id`, 'is missing', 'Give every entry a non-empty string id.');
    if (seen.has(id)) fail(`${field}[${i}].id`, `duplicates the id "${id}"`, 'Ids must be unique; rename one of them.');
    seen.add(id);
  });
}

/** The membership clerk-js gives the creator of a new organization: admin, with the system permissions. */
export function newAdminMembership(id: string, { name, slug }: { name: string; slug?: string }, now: number): NMembership {
  return {
    id: `orgmem_${id}`,
    organization: {
      id,
      name,
      slug: slug ?? name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      imageUrl: '',
      membersCount: 1,
      features: [],
      plans: [],
      createdAt: now,
    },
    role: prefixRole('admin'),
    permissions: [
      'org:sys_memberships:read',
      'org:sys_memberships:manage',
      'org:sys_profile:manage',
      'org:sys_profile:delete',
      'org:sys_domains:read',
      'org:sys_domains:manage',
    ],
    createdAt: now,
  };
}

function normalizeMembership(m: MockMembership, field: string, now: number, index: number): NMembership {
  const org = m.organization;
  if (!org || typeof org.id !== 'string' || !org.id) {
    fail(`${field}.organization.id`, 'is missing', 'Every membership needs an organization with an id.');
  }
  if (typeof m.role !== 'string' || m.role.trim() === '') {
    fail(
      `${field}.role`,
      'is missing',
      "Give the membership a role such as 'org:member' or 'org:admin' (Clerk's hooks throw for a membership without one).",
    );
  }
  const permissions = m.permissions ?? [];
  permissions.forEach((p, j) => {
    if (typeof p !== 'string' || !/^org:[^:]+:[^:]+$/.test(p)) {
      fail(
        `${field}.permissions[${j}]`,
        `is ${JSON.stringify(p)}, not an organization permission`,
        "Write permissions as 'org:<feature>:<action>', e.g. 'org:invoices:read'.",
      );
    }
  });
  return {
    id: `orgmem_${org.id}_${index}`,
    organization: {
      id: org.id,
      name: org.name ?? org.id,
      slug: org.slug ?? slugify(org.name ?? org.id),
      imageUrl: org.imageUrl ?? '',
      membersCount: org.membersCount ?? 1,
      features: org.features ?? [],
      plans: org.plans ?? [],
      createdAt: optDate(org.createdAt, `${field}.organization.createdAt`, now - 90 * DAY),
    },
    role: prefixRole(m.role),
    permissions: [...permissions],
    createdAt: optDate(m.createdAt, `${field}.createdAt`, now - 60 * DAY),
  };
}

function checkStatus(status: string, field: string) {
  if (!(SESSION_STATUSES as readonly string[]).includes(status)) {
    fail(
      field,
      `is ${JSON.stringify(status)}`,
      `Use one of Clerk's session statuses: ${SESSION_STATUSES.map((x) => `'${x}'`).join(', ')}.`,
    );
  }
}

function normalizeDevice(d: MockDeviceSession, field: string, now: number): NDevice {
  const lastActiveAt = toEpoch(d.lastActiveAt, `${field}.lastActiveAt`);
  checkStatus(d.status ?? 'active', `${field}.status`);
  return {
    id: d.id,
    status: d.status ?? 'active',
    lastActiveAt,
    expireAt: optDate(d.expireAt, `${field}.expireAt`, now + 7 * DAY),
    abandonAt: optDate(d.abandonAt, `${field}.abandonAt`, now + 30 * DAY),
    actor: d.actor ?? null,
    // Clerk sends what it knows: a field not given stays undefined, as in clerk-js.
    latestActivity: { ...d.latestActivity },
  };
}

/** Validates user input and fills defaults. `now` is the mock's frozen clock. */
export function normalizeState(input: MockClerkState, now: number): NState {
  const usersIn = input.users ?? [];
  const sessionsIn = input.sessions ?? [];
  if (!Array.isArray(usersIn)) fail('state.users', 'is not a list', 'Pass an array of users.');
  if (!Array.isArray(sessionsIn)) fail('state.sessions', 'is not a list', 'Pass an array of sessions.');
  checkUnique(
    usersIn.map((u) => u?.id),
    'state.users',
  );
  checkUnique(
    sessionsIn.map((s) => s?.id),
    'state.sessions',
  );

  const users: NUser[] = usersIn.map((u, i) => {
    const field = `state.users[${i}]`;
    if ('permissions' in u || 'role' in u) {
      fail(
        `${field}.permissions`,
        'is set on a user, outside any organization',
        `Permissions and roles belong to an organization membership: move them to ${field}.memberships[n] ({ organization, role, permissions }).`,
      );
    }
    const memberships = (u.memberships ?? []).map((m, j) => normalizeMembership(m, `${field}.memberships[${j}]`, now, j));
    checkUnique(
      memberships.map((m) => m.organization.id),
      `${field}.memberships[].organization`,
    );
    const devices = (u.devices ?? []).map((d, j) => normalizeDevice(d, `${field}.devices[${j}]`, now));
    checkUnique(
      devices.map((d) => d.id),
      `${field}.devices`,
    );
    return {
      id: u.id,
      firstName: u.firstName ?? null,
      lastName: u.lastName ?? null,
      username: u.username ?? null,
      imageUrl: u.imageUrl ?? '',
      emailAddress: u.emailAddress ?? null,
      createdAt: optDate(u.createdAt, `${field}.createdAt`, now - 365 * DAY),
      memberships,
      features: u.features ?? [],
      plans: u.plans ?? [],
      devices,
    };
  });
  const userById = new Map(users.map((u) => [u.id, u]));

  const sessions: NSession[] = sessionsIn.map((s, i) => {
    const field = `state.sessions[${i}]`;
    const user = userById.get(s.userId);
    if (!user) {
      fail(
        `${field}.userId`,
        `is "${s.userId}", which is not in state.users`,
        `Add a user with id "${s.userId}" to state.users, or point the session at an existing user.`,
      );
    }
    const status = s.status ?? 'active';
    checkStatus(status, `${field}.status`);
    const orgId = s.activeOrganizationId ?? null;
    if (orgId !== null && !user!.memberships.some((m) => m.organization.id === orgId)) {
      fail(
        `${field}.activeOrganizationId`,
        `is "${orgId}", but user "${s.userId}" has no membership in it`,
        `Add a membership with organization.id "${orgId}" to that user's memberships, or set activeOrganizationId to null (personal account).`,
      );
    }
    const lastActiveAt = optDate(s.lastActiveAt, `${field}.lastActiveAt`, now);
    return {
      id: s.id,
      userId: s.userId,
      status,
      activeOrganizationId: orgId,
      actor: s.actor ?? null,
      createdAt: optDate(s.createdAt, `${field}.createdAt`, now - 2 * DAY),
      lastActiveAt,
      expireAt: optDate(s.expireAt, `${field}.expireAt`, status === 'expired' ? now - DAY : now + 7 * DAY),
      abandonAt: optDate(s.abandonAt, `${field}.abandonAt`, status === 'abandoned' ? now - DAY : now + 30 * DAY),
      latestActivity: { ...s.latestActivity },
    };
  });

  // This browser's sessions are also sessions "on a device": getSessions() lists them.
  for (const s of sessions) {
    if (!isSignedInStatus(s.status)) continue;
    const user = userById.get(s.userId)!;
    if (user.devices.some((d) => d.id === s.id)) continue;
    if (users.some((u) => u !== user && u.devices.some((d) => d.id === s.id))) {
      fail(
        `state.sessions (id "${s.id}")`,
        "appears among another user's devices",
        'A session belongs to one user: remove it from the other user’s devices.',
      );
    }
    user.devices.unshift({
      id: s.id,
      status: s.status,
      lastActiveAt: s.lastActiveAt,
      expireAt: s.expireAt,
      abandonAt: s.abandonAt,
      actor: s.actor,
      latestActivity: s.latestActivity,
    });
  }

  let activeSessionId: string | null;
  if (input.activeSessionId === undefined) {
    activeSessionId = sessions.find((s) => isSignedInStatus(s.status))?.id ?? null;
  } else {
    activeSessionId = input.activeSessionId;
    if (activeSessionId !== null) {
      const active = sessions.find((s) => s.id === activeSessionId);
      if (!active) {
        fail(
          'state.activeSessionId',
          `is "${activeSessionId}", which is not a session of this browser's client`,
          `Add a session with id "${activeSessionId}" to state.sessions, or set activeSessionId to null (signed out).`,
        );
      }
      if (!isSignedInStatus(active!.status)) {
        fail(
          'state.activeSessionId',
          `points at the ${active!.status} session "${activeSessionId}"`,
          "Clerk keeps only an active or pending session active: set activeSessionId to null (signed out) or make the session 'active'.",
        );
      }
    }
  }
  return { users, sessions, activeSessionId };
}
