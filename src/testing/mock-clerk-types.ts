/**
 * The mock Clerk's types: its options, the test-facing controls at `clerk.mock`, and the part of
 * Clerk's browser API it implements (create-mock-clerk.ts builds it).
 */
import type { ClientResource, OrganizationResource, SignedInSessionResource, UserResource } from '../clerk';
import type { SetActiveArgs, SignOutCallback, SignOutOptions } from './actions';
import type { ControlOptions, FailureSpec, Latency, MockAction, MockCall } from './controls';
import type { MockResources, RouterOptions } from './core';
import type { MockReverificationRequest, ReverificationProps } from './reverification';
import type { DateInput, MockClerkState, NState } from './state';
import type { SessionClaims, SigningKey } from './token';

/** Clerk's load status (`useClerk().status`). */
export type MockClerkStatus = 'loading' | 'ready' | 'degraded' | 'error';

export interface CreateMockClerkOptions extends ControlOptions, RouterOptions {
  /** Users, this browser's sessions and the active one. Omit for signed out. */
  state?: MockClerkState;
  /**
   * `true` (default): loaded from the first render. `false`: stays loading until
   * `clerk.mock.finishLoading()`. Use `loadDelay` for a slow load that finishes by itself.
   */
  loaded?: boolean;
  /**
   * A load that finishes by itself: the mock starts not loaded, and `load()` (ClerkProvider calls
   * it) resolves this many milliseconds after its `load` latency. `0`: not loaded on the first
   * render, then loaded once `load()` has waited its latency (the `slowNetwork` persona).
   */
  loadDelay?: number;
  /** An RSA private key (PKCS#8 PEM or CryptoKey): tokens are then RS256, verifiable server-side. */
  signingKey?: SigningKey;
  /** The `kid` header of signed tokens. */
  keyId?: string;
  /** The `azp` claim of session tokens: the app's origin, which a server may check (`authorizedParties`). */
  azp?: string;
  /**
   * The `iss` claim of session tokens. For a server that verifies them (clerkMiddleware), the
   * frontend API of its publishable key (`https://clerk.example.com`): Clerk ignores other issuers.
   */
  issuer?: string;
  /** JWT templates for `getToken({ template })`: extra claims from the session's claims. */
  templates?: Record<string, (claims: SessionClaims) => Record<string, unknown>>;
  /**
   * Loaded, but degraded: clerk-js could not reach the Frontend API on load and fell back to
   * cached resources. `clerk.status` is `'degraded'` (`<ClerkDegraded>` renders).
   */
  degraded?: boolean;
  /**
   * Personal accounts are off (Clerk Dashboard: "Allow personal accounts" disabled, clerk-js's
   * `organizationSettings.forceOrganizationSelection`): `setActive({ organization: null })`, or a
   * slug the user is not a member of, returns without doing anything, as in clerk-js. Default: on
   * when a session of the initial state has a `choose-organization` task (Clerk gives that task
   * only then).
   */
  forceOrganizationSelection?: boolean;
  /**
   * The session needs step-up verification, as when its last verification is older than Clerk
   * allows: a device's `revoke()` rejects with the Frontend API's 403
   * `session_reverification_required` until `clerk.mock.completeReverification()`. Default: false.
   */
  requireReverification?: boolean;
}

/** The test-facing controls, at `clerk.mock`. */
export interface MockControls {
  /** The current state, normalized. Read-only: change it with `setState`. */
  readonly state: NState;
  /** Every Clerk method called on the mock, in order. */
  readonly calls: readonly MockCall[];
  /**
   * The calls of one action, in order: `clerk.mock.callsOf('revoke')` is
   * `clerk.mock.calls.filter((c) => c.action === 'revoke')`. A new array on each call, holding the
   * log's own entries (a pending call's `status` changes in place). An action the mock does not
   * have (a typo, an untyped caller) throws a TypeError that lists the known ones (`MOCK_ACTIONS`),
   * rather than matching nothing and letting `toHaveLength(0)` pass.
   */
  callsOf(action: MockAction): MockCall[];
  clearCalls(): void;
  /** Replaces the state (validated like the initial one) and emits to Clerk's listeners. */
  setState(next: MockClerkState | ((current: NState) => MockClerkState)): void;
  /** Finishes a load held by `loaded: false`. */
  finishLoading(): void;
  now(): number;
  setNow(value: DateInput): void;
  advance(ms: number): void;
  setLatency(value: Latency): void;
  /**
   * Arms (or with null, disarms) a failure for one action. A failing `getSessions` resolves `[]`
   * instead of rejecting, as clerk-js does (the call is logged as an error).
   */
  fail(action: MockAction, spec?: FailureSpec | null): void;
  /** Every navigation clerk-js would have made (absolute URLs), in order. */
  readonly navigations: readonly string[];
  /**
   * Makes the tokens getToken() holds in its cache expired by the mock's clock (issued 61 s ago),
   * as after a tab slept past their `exp` or for a server whose clock runs ahead: the next
   * getToken() hands out such a token, an API that checks `exp` answers 401 (the MSW handlers do
   * when given `now`), and getToken({ skipCache: true }) signs a fresh one.
   */
  expireTokens(): void;
  /** Requires step-up verification from now on (`false`: no longer), as the `requireReverification` option. */
  requireReverification(required?: boolean): void;
  /** The reverification flow Clerk's `useReverification` opened (`__internal_openReverification`), or null. */
  readonly reverification: MockReverificationRequest | null;
  /** Told when the flow opens or closes (null); returns the unsubscribe. For a story's stand-in modal. */
  onReverification(listener: (request: MockReverificationRequest | null) => void): () => void;
  /** The user verified: guarded actions pass from now on, Clerk emits, then the flow's `afterVerification` runs. Throws when no flow is open. */
  completeReverification(): void;
  /** The user closed the flow: nothing changes, its `afterVerificationCancelled` runs. Throws when no flow is open. */
  cancelReverification(): void;
}

export type Listener = (resources: MockResources) => void;
export type StatusListener = (status: MockClerkStatus) => void;

/** The part of clerk-js's `EnvironmentResource` the mock answers with. */
export interface MockEnvironment {
  readonly organizationSettings: { readonly enabled: boolean; readonly forceOrganizationSelection: boolean };
  readonly commerceSettings: {
    readonly billing: { readonly user: { readonly enabled: boolean }; readonly organization: { readonly enabled: boolean } };
  };
}

/**
 * The fake Clerk instance: the part of Clerk's browser API that @clerk/react's hooks and the
 * kit's components use, plus `mock`, the test-facing controls.
 */
export interface MockClerk {
  readonly mock: MockControls;
  readonly loaded: boolean;
  readonly client: ClientResource;
  /** `undefined` only while setActive/signOut navigate between two sessions, as in clerk-js. */
  readonly session: SignedInSessionResource | null | undefined;
  readonly user: UserResource | null | undefined;
  readonly organization: OrganizationResource | null | undefined;
  readonly isSignedIn: boolean;
  readonly status: MockClerkStatus;
  readonly __internal_lastEmittedResources: MockResources;
  /** clerk-js's environment once loaded (undefined before): the settings Clerk's hooks and the kit read. */
  readonly __internal_environment: MockEnvironment | undefined;
  /** The same under Core 2's name (clerk-js 5 and `@clerk/clerk-react` 5 read this one). */
  readonly __unstable__environment: MockEnvironment | undefined;
  load(options?: RouterOptions): Promise<void>;
  addListener(listener: Listener, options?: { skipInitialEmit?: boolean }): () => void;
  on(event: 'status', listener: StatusListener, options?: { notify?: boolean }): void;
  off(event: 'status', listener: StatusListener): void;
  setActive(params?: SetActiveArgs): Promise<void>;
  /**
   * `signOut()` signs every session on this browser out and navigates to `redirectUrl` (or
   * `afterSignOutUrl`, or '/'), or calls the callback instead; `signOut({ sessionId })` that one.
   */
  signOut(callbackOrOptions?: SignOutCallback | SignOutOptions, options?: SignOutOptions): Promise<void>;
  createOrganization(params: { name: string; slug?: string }): Promise<OrganizationResource>;
  /** What Clerk's `useReverification` calls to open Clerk's verification modal: see `clerk.mock.reverification`. */
  __internal_openReverification(props?: ReverificationProps): void;
}
