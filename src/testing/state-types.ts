/**
 * The mock's state as plain data: what a persona can say (Mock*) and the strict internal shape
 * (N*) that `normalizeState` (state.ts) produces from it.
 */
import type { DateInput } from '../core/dates';

export type { DateInput } from '../core/dates';

export interface MockOrganization {
  id: string;
  name: string;
  slug?: string;
  imageUrl?: string;
  membersCount?: number;
  /** Billing features of the organization's plan (the `o:` part of the `fea` claim). */
  features?: string[];
  /** Billing plans of the organization (the `o:` part of the `pla` claim). */
  plans?: string[];
  createdAt?: DateInput;
}

export interface MockMembership {
  organization: MockOrganization;
  /** `'org:admin'`; a bare `'admin'` is prefixed with `org:` as Clerk does. */
  role: string;
  /** Organization permissions, `'org:<feature>:<action>'`. */
  permissions?: string[];
  createdAt?: DateInput;
}

/** What Clerk records of the browser and place a session was last used from. */
export interface MockActivity {
  browserName?: string;
  browserVersion?: string;
  deviceType?: string;
  ipAddress?: string;
  city?: string;
  country?: string;
  isMobile?: boolean;
}

/** A session of the user on any device, as `user.getSessions()` lists it. */
export interface MockDeviceSession {
  id: string;
  /** Clerk's session status. `getSessions()` lists only active and pending ones. */
  status?: MockSessionStatus;
  lastActiveAt: DateInput;
  expireAt?: DateInput;
  abandonAt?: DateInput;
  actor?: MockActor | null;
  latestActivity?: MockActivity;
}

export interface MockActor {
  /** The user id of the impersonator. */
  sub: string;
  [claim: string]: unknown;
}

export interface MockUser {
  id: string;
  firstName?: string | null;
  lastName?: string | null;
  username?: string | null;
  imageUrl?: string;
  /** Primary email address. */
  emailAddress?: string;
  createdAt?: DateInput;
  memberships?: MockMembership[];
  /** Billing features of the user's own plan (the `u:` part of the `fea` claim). */
  features?: string[];
  /** Billing plans of the user (the `u:` part of the `pla` claim). */
  plans?: string[];
  /** Sessions on other devices. This browser's sessions of the user are added automatically. */
  devices?: MockDeviceSession[];
}

/** Every status a Clerk session can have (`SessionStatus` of @clerk/shared 4). */
export type MockSessionStatus = 'active' | 'pending' | 'expired' | 'abandoned' | 'ended' | 'removed' | 'replaced' | 'revoked';

export const SESSION_STATUSES: readonly MockSessionStatus[] = [
  'active',
  'pending',
  'expired',
  'abandoned',
  'ended',
  'removed',
  'replaced',
  'revoked',
];

/** Whether a string is one of Clerk's session statuses. */
export const isSessionStatus = (status: string): status is MockSessionStatus => SESSION_STATUSES.some((known) => known === status);

/** What a `pending` session must do before it is active (`SessionTask` of @clerk/shared 4). */
export interface MockSessionTask {
  /** `'choose-organization'`: personal accounts are off and no organization is active yet. */
  key: 'choose-organization' | 'reset-password' | 'setup-mfa';
}

/** A session held by this browser's client (multi-session apps hold several). */
export interface MockSession {
  id: string;
  userId: string;
  status?: MockSessionStatus;
  /**
   * The tasks of a `pending` session, first one current. Default for a pending session:
   * `[{ key: 'choose-organization' }]`; only a pending session has tasks, as in Clerk.
   */
  tasks?: MockSessionTask[];
  /** The organization active in this session; null or absent is the personal account. */
  activeOrganizationId?: string | null;
  actor?: MockActor | null;
  createdAt?: DateInput;
  lastActiveAt?: DateInput;
  expireAt?: DateInput;
  abandonAt?: DateInput;
  /** This browser, as other tabs and `user.getSessions()` see it. */
  latestActivity?: MockActivity;
}

export interface MockClerkState {
  users?: MockUser[];
  sessions?: MockSession[];
  /** The session this tab uses; null is signed out. Defaults to the first active session. */
  activeSessionId?: string | null;
}

// ---------------------------------------------------------------------------------------------
// Internal, normalized shape: dates as epoch ms, every optional field filled.

export interface NOrganization {
  id: string;
  name: string;
  slug: string;
  imageUrl: string;
  membersCount: number;
  features: string[];
  plans: string[];
  createdAt: number;
}
export interface NMembership {
  id: string;
  organization: NOrganization;
  role: string;
  permissions: string[];
  createdAt: number;
}
export interface NDevice {
  id: string;
  status: MockSessionStatus;
  lastActiveAt: number;
  expireAt: number;
  abandonAt: number;
  actor: MockActor | null;
  /** As Clerk sends it: a field not given stays undefined. */
  latestActivity: MockActivity;
}
export interface NUser {
  id: string;
  firstName: string | null;
  lastName: string | null;
  username: string | null;
  imageUrl: string;
  emailAddress: string | null;
  createdAt: number;
  memberships: NMembership[];
  features: string[];
  plans: string[];
  devices: NDevice[];
}
export interface NSession {
  id: string;
  userId: string;
  status: MockSessionStatus;
  tasks: MockSessionTask[];
  activeOrganizationId: string | null;
  actor: MockActor | null;
  createdAt: number;
  lastActiveAt: number;
  expireAt: number;
  abandonAt: number;
  latestActivity: MockActivity;
}
export interface NState {
  users: NUser[];
  sessions: NSession[];
  activeSessionId: string | null;
}
