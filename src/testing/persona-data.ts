/**
 * The fixtures the personas (personas.ts) are made of: organizations, memberships, users and the
 * devices of "many devices", with dates relative to the mock's default clock (DEFAULT_NOW).
 */
import { DEFAULT_NOW } from './controls';
import type { MockDeviceSession, MockMembership, MockUser } from './state';

const now = Date.parse(DEFAULT_NOW);
export const minutesAgo = (m: number) => new Date(now - m * 60_000).toISOString();

export const organizations = {
  acme: { id: 'org_acme', name: 'Acme Inc', slug: 'acme', membersCount: 42, features: ['analytics'], plans: ['pro'] },
  globex: { id: 'org_globex', name: 'Globex', slug: 'globex', membersCount: 7, plans: ['free'] },
} as const satisfies Record<string, MockMembership['organization']>;

export const memberOfAcme: MockMembership = {
  organization: {
    ...organizations.acme,
    features: [...organizations.acme.features],
    plans: [...organizations.acme.plans],
  },
  role: 'org:member',
  permissions: ['org:invoices:read', 'org:sys_memberships:read'],
};
export const adminOfAcme: MockMembership = {
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
export const memberOfGlobex: MockMembership = {
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
