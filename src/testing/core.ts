/**
 * What the mock's parts share: the state, the controls, the last emitted resources and `emit`.
 * create-mock-clerk.ts owns it; resources.ts, sessions.ts and actions.ts read and change it.
 */
import type { ClientResource, OrganizationResource, SignedInSessionResource, UserResource } from '../clerk';
import { MockClerkAPIError, type Controls } from './controls';
import type { createReverification } from './reverification';
import type { NMembership, NState, NUser } from './state';
import type { SessionClaims, SigningKey } from './token';

/** What Clerk's listeners receive: one snapshot of the resources, replaced on every emit. */
export interface MockResources {
  client: ClientResource;
  /** `undefined` while clerk-js is between two sessions (setActive / signOut navigating). */
  session: SignedInSessionResource | null | undefined;
  user: UserResource | null | undefined;
  organization: OrganizationResource | null | undefined;
}

/** Clerk's `RouterFn`: the path, and a way to leave the app for another origin. */
export type RouterFn = (to: string, metadata?: { windowNavigate: (to: URL | string) => void }) => unknown;

/** Router options ClerkProvider passes to `load()`, or given to `createMockClerk` directly. */
export interface RouterOptions {
  /** Called for same-origin navigations, as clerk-js calls ClerkProvider's `routerPush`. */
  routerPush?: RouterFn;
  routerReplace?: RouterFn;
  /** Where `signOut()` goes without a `redirectUrl`. Clerk's default is `'/'`. */
  afterSignOutUrl?: string | null;
}

export interface MockCore {
  readonly controls: Controls;
  readonly templates: Record<string, (claims: SessionClaims) => Record<string, unknown>> | undefined;
  readonly signingKey: SigningKey | undefined;
  readonly keyId: string | undefined;
  readonly azp: string | undefined;
  readonly issuer: string | undefined;
  state: NState;
  /** Personal accounts are off (`forceOrganizationSelection`). */
  readonly forceOrganizationSelection: boolean;
  router: RouterOptions;
  loaded: boolean;
  /** Every navigation clerk-js would have made, in order (absolute URLs). */
  readonly navigations: string[];
  /** Step-up verification: the guard of the actions Clerk guards, and its flow (reverification.ts). */
  readonly reverification: ReturnType<typeof createReverification>;
  /** Builds the resources of the current state without emitting them. */
  build(): MockResources;
  /** Publishes `next` (or a fresh build) to Clerk's listeners. */
  emit(next?: MockResources): void;
}

export const userById = (core: MockCore, id: string) => core.state.users.find((u) => u.id === id);

/** The user of a session in the state (normalizeState checks that every session has one). */
export function userOf(core: MockCore, session: { userId: string }): NUser {
  const user = userById(core, session.userId);
  if (!user) throw notFound('user', session.userId);
  return user;
}

export const membershipOf = (user: NUser, orgId: string | null): NMembership | undefined =>
  orgId === null ? undefined : user.memberships.find((m) => m.organization.id === orgId);

export const notFound = (what: string, id: unknown) =>
  new MockClerkAPIError(`Mock Clerk: no ${what} "${String(id)}".`, { code: 'resource_not_found', status: 404 });
