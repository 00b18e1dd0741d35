/**
 * One user, membership or device of the mock's state, normalized: input checked (see
 * state-validation.ts) and every optional field filled with what Clerk would have.
 */
import {
  type MockActivity,
  type MockDeviceSession,
  type MockMembership,
  type MockUser,
  type NDevice,
  type NMembership,
  type NUser,
} from './state-types';
import { checkStatus, checkUnique, DAY, fail, optDate, toEpoch } from './state-validation';

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

/**
 * The slug of an organization created without one, from its name: lower case, accents dropped,
 * every run of other characters one dash, none at either end ("Café Zürich, Inc." → "cafe-zurich-inc").
 */
export const slugify = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

const prefixRole = (role: string) => role.replace(/^(org:)*/, 'org:');

/** The membership clerk-js gives the creator of a new organization: admin, with the system permissions. */
export function newAdminMembership(id: string, { name, slug }: { name: string; slug?: string }, now: number): NMembership {
  return {
    id: `orgmem_${id}`,
    organization: {
      id,
      name,
      slug: slug ?? slugify(name),
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

function normalizeDevice(d: MockDeviceSession, field: string, now: number): NDevice {
  const lastActiveAt = toEpoch(d.lastActiveAt, `${field}.lastActiveAt`);
  return {
    id: d.id,
    status: checkStatus(d.status, `${field}.status`),
    lastActiveAt,
    expireAt: optDate(d.expireAt, `${field}.expireAt`, now + 7 * DAY),
    abandonAt: optDate(d.abandonAt, `${field}.abandonAt`, now + 30 * DAY),
    actor: d.actor ?? null,
    // Clerk sends what it knows: a field not given stays undefined, as in clerk-js.
    latestActivity: { ...d.latestActivity },
  };
}

/** `state.users[i]`: its memberships and devices normalized, each list with unique ids. */
export function normalizeUser(u: MockUser, field: string, now: number): NUser {
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
}
