/**
 * One world, two Clerks: the same people, sessions, devices and memberships, given to the mock
 * as its state and to the real clerk-js through the Frontend API fixtures in fapi.ts.
 */
import type { MockClerkState } from '../../../src/testing';

export const NOW = Date.parse('2026-01-15T12:00:00.000Z');
export const DAY = 86_400_000;

const activity = (browserName: string, deviceType: string, city: string, isMobile = false) => ({
  browserName,
  browserVersion: '1.0',
  deviceType,
  city,
  country: 'DE',
  ipAddress: '192.0.2.1',
  isMobile,
});

const acme = { id: 'org_acme', name: 'Acme Inc', slug: 'acme' };
const globex = { id: 'org_globex', name: 'Globex', slug: 'globex' };

export const WORLD = {
  users: [
    {
      id: 'user_ada',
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      memberships: [
        { org: acme, role: 'org:admin', permissions: ['org:invoices:read', 'org:invoices:manage'] },
        { org: globex, role: 'org:member', permissions: ['org:reports:read'] },
      ],
      devices: [
        { id: 'sess_ada', lastActiveAt: NOW - 60_000, activity: activity('Chrome', 'Macintosh', 'Berlin') },
        {
          id: 'sess_dev_iphone',
          lastActiveAt: NOW - 12 * 60_000,
          activity: activity('Safari', 'iPhone', 'Lisbon', true),
        },
        // Clerk knows little about this one: the fields it does not send stay undefined.
        {
          id: 'sess_dev_windows',
          lastActiveAt: NOW - 3 * 3_600_000,
          activity: { ipAddress: '192.0.2.9' } as Partial<ReturnType<typeof activity>>,
        },
      ],
    },
    {
      id: 'user_grace',
      firstName: 'Grace',
      lastName: 'Hopper',
      email: 'grace@example.org',
      memberships: [{ org: acme, role: 'org:member', permissions: ['org:invoices:read'] }],
      devices: [{ id: 'sess_grace', lastActiveAt: NOW - 45 * 60_000, activity: activity('Firefox', 'Linux', 'Paris') }],
    },
  ],
  sessions: [
    { id: 'sess_ada', userId: 'user_ada', orgId: 'org_acme' as string | null },
    { id: 'sess_grace', userId: 'user_grace', orgId: null as string | null },
  ],
};
export type World = typeof WORLD;

/** The world with only Ada signed in on this browser. */
export const SINGLE: World = { ...WORLD, sessions: WORLD.sessions.slice(0, 1) };

/** The same world as the mock's state. */
export function toMockState(world: World): MockClerkState {
  return {
    users: world.users.map((u) => ({
      id: u.id,
      firstName: u.firstName,
      lastName: u.lastName,
      emailAddress: u.email,
      memberships: u.memberships.map((m) => ({
        organization: { ...m.org, membersCount: 1 },
        role: m.role,
        permissions: m.permissions,
      })),
      devices: u.devices.map((d) => ({ id: d.id, lastActiveAt: d.lastActiveAt, latestActivity: d.activity })),
    })),
    sessions: world.sessions.map((s) => ({ id: s.id, userId: s.userId, activeOrganizationId: s.orgId })),
    activeSessionId: world.sessions[0]?.id ?? null,
  };
}
