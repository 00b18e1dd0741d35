/**
 * A fake Clerk instance for the real `ClerkProvider` (its `Clerk` prop). The real @clerk/react
 * hooks read it exactly as they read clerk-js: `loaded`, `addListener`, the stable
 * `__internal_lastEmittedResources` snapshot, and the resource objects' methods.
 * State is plain data (see state.ts); every action changes that data, then emits a new snapshot.
 */
import type { ClientResource, OrganizationResource, SignedInSessionResource, UserResource } from '../clerk';
import { createSetActive, createSignOut, type SetActiveArgs, type SignOutCallback, type SignOutOptions } from './actions';
import {
  createControls,
  MockClerkAPIError,
  type ControlOptions,
  type FailureSpec,
  type Latency,
  type MockAction,
  type MockCall,
} from './controls';
import type { MockCore, MockResources, RouterOptions } from './core';
import { buildClient, buildOrganization, buildUser, isSignedIn } from './resources';
import { buildSession, createTokenGetter } from './sessions';
import { newAdminMembership, normalizeState, type DateInput, type MockClerkState, type NState } from './state';
import type { SessionClaims, SigningKey } from './token';
import { loadFailureArrives } from './load-failure';

export type { MockResources, RouterOptions } from './core';
export type { SetActiveArgs, SignOutOptions } from './actions';

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
  /** Milliseconds until load finishes (a slow network). */
  loadDelay?: number;
  /** An RSA private key (PKCS#8 PEM or CryptoKey): tokens are then RS256, verifiable server-side. */
  signingKey?: SigningKey;
  /** The `kid` header of signed tokens. */
  keyId?: string;
  /** JWT templates for `getToken({ template })`: extra claims from the session's claims. */
  templates?: Record<string, (claims: SessionClaims) => Record<string, unknown>>;
  /**
   * Loaded, but degraded: clerk-js could not reach the Frontend API on load and fell back to
   * cached resources. `clerk.status` is `'degraded'` (`<ClerkDegraded>` renders).
   */
  degraded?: boolean;
}

/** The test-facing controls, at `clerk.mock`. */
export interface MockControls {
  /** The current state, normalized. Read-only: change it with `setState`. */
  readonly state: NState;
  /** Every Clerk method called on the mock, in order. */
  readonly calls: readonly MockCall[];
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
}

type Listener = (resources: MockResources) => void;
type StatusListener = (status: MockClerkStatus) => void;

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
}

/** Creates a fake Clerk instance for `<ClerkProvider Clerk={…}>`, or use `<MockClerkProvider>`. */
export function createMockClerk(options: CreateMockClerkOptions = {}): MockClerk {
  const controls = createControls(options);
  const listeners = new Set<Listener>();
  const statusListeners = new Set<StatusListener>();
  let finishLoading: () => void = () => {};
  let snapshot: MockResources;

  const core: MockCore = {
    controls,
    templates: options.templates,
    signingKey: options.signingKey,
    keyId: options.keyId,
    state: normalizeState(options.state ?? {}, controls.now()),
    router: {
      routerPush: options.routerPush,
      routerReplace: options.routerReplace,
      afterSignOutUrl: options.afterSignOutUrl,
    },
    loaded: options.loaded !== false && options.loadDelay === undefined,
    navigations: [],
    resources: () => snapshot,
    build: () => build(),
    emit: (next) => {
      snapshot = next ?? build();
      for (const listener of [...listeners]) listener(snapshot);
    },
  };
  const tokens = createTokenGetter(core);

  // New user objects on every build, as clerk-js builds new ones on every client update: their
  // getSessions() cache starts empty.
  const build = (): MockResources => {
    const { state } = core;
    const users = new Map(state.users.map((u) => [u.id, buildUser(core, u)]));
    const sessions = state.sessions.map((s) => buildSession(core, s, users.get(s.userId)!, tokens.getToken));
    const active = sessions.filter(isSignedIn).find((s) => s.id === state.activeSessionId) ?? null;
    const activeData = state.sessions.find((s) => s.id === state.activeSessionId);
    const activeUser = activeData ? state.users.find((u) => u.id === activeData.userId) : undefined;
    const membership = activeUser?.memberships.find((m) => m.organization.id === activeData?.activeOrganizationId);
    return {
      client: buildClient(sessions, state.activeSessionId),
      session: active,
      user: activeData ? users.get(activeData.userId)! : null,
      organization: membership ? buildOrganization(core, membership.organization) : null,
    };
  };
  // One snapshot per emit: Clerk's hooks read it through useSyncExternalStore, so it must stay
  // the same object between emits.
  snapshot = build();

  // clerk-js's status after a load() that rejected is 'error' until a later load() succeeds.
  let loadFailed = false;
  const status = (): MockClerkStatus => (core.loaded ? (options.degraded ? 'degraded' : 'ready') : loadFailed ? 'error' : 'loading');
  const emitStatus = () => {
    for (const listener of [...statusListeners]) listener(status());
  };

  const mock: MockControls = {
    get state() {
      return core.state;
    },
    calls: controls.calls,
    clearCalls: () => {
      controls.calls.length = 0;
    },
    setState: (next) => {
      core.state = normalizeState(typeof next === 'function' ? next(core.state) : next, controls.now());
      tokens.clearCache();
      core.emit();
    },
    finishLoading: () => finishLoading(),
    now: controls.now,
    setNow: controls.setNow,
    advance: controls.advance,
    setLatency: controls.setLatency,
    fail: (action, spec = 'always') => controls.setFailure(action, spec),
    navigations: core.navigations,
    expireTokens: () => tokens.expireCached(),
  };

  const clerk = {
    mock,
    version: 'mock',
    sdkMetadata: { name: 'clerk-session-kit/testing', version: 'mock' },
    instanceType: 'development',
    frontendApi: 'clerk.mock.invalid',
    publishableKey: MOCK_PUBLISHABLE_KEY,
    isSatellite: false,
    isStandardBrowser: true,
    get loaded() {
      return core.loaded;
    },
    get status() {
      return status();
    },
    get __internal_lastEmittedResources() {
      return snapshot;
    },
    get client() {
      return snapshot.client;
    },
    get session() {
      return snapshot.session;
    },
    get user() {
      return snapshot.user;
    },
    get organization() {
      return snapshot.organization;
    },
    get isSignedIn() {
      return snapshot.session?.status === 'active';
    },
    load: (loadOptions: RouterOptions = {}) => {
      // ClerkProvider passes its router props here, as it does to clerk-js.
      const { routerPush, routerReplace, afterSignOutUrl } = loadOptions;
      core.router = {
        routerPush: routerPush ?? core.router.routerPush,
        routerReplace: routerReplace ?? core.router.routerReplace,
        afterSignOutUrl: afterSignOutUrl ?? core.router.afterSignOutUrl,
      };
      return controls
        .run('load', [], async () => {
          if (!core.loaded) {
            await new Promise<void>((resolve) => {
              finishLoading = resolve;
              if (options.loadDelay !== undefined) setTimeout(resolve, options.loadDelay);
            });
          }
          core.loaded = true;
          core.emit();
          emitStatus();
        })
        .catch(async (error: unknown) => {
          // clerk-js learns that it cannot load from failed Frontend API requests: its load()
          // rejects (and emits 'error') in a later task, once ClerkProvider has mounted and
          // subscribed to status. ClerkProvider subscribes in an effect without asking for the
          // last status, so a failure settled in the microtasks of the render would never reach
          // it (see loadFailureArrives).
          await loadFailureArrives(clerk);
          loadFailed = true;
          emitStatus();
          throw error;
        });
    },
    addListener: (listener: Listener, opts?: { skipInitialEmit?: boolean }) => {
      listeners.add(listener);
      if (core.loaded && !opts?.skipInitialEmit) listener(snapshot);
      return () => listeners.delete(listener);
    },
    on: (_event: 'status', listener: StatusListener, opts?: { notify?: boolean }) => {
      statusListeners.add(listener);
      if (opts?.notify) listener(status());
    },
    off: (_event: 'status', listener: StatusListener) => {
      statusListeners.delete(listener);
    },
    setActive: createSetActive(core),
    signOut: createSignOut(core),
    createOrganization: (params: { name: string; slug?: string }) =>
      controls.run('createOrganization', [params], () => {
        const userId = snapshot.user?.id;
        if (!userId)
          throw new MockClerkAPIError('Mock Clerk: createOrganization needs a signed-in user.', {
            code: 'authentication_invalid',
            status: 401,
          });
        if (!params?.name?.trim())
          throw new MockClerkAPIError('Mock Clerk: an organization needs a name.', {
            code: 'form_param_missing',
            status: 422,
          });
        const membership = newAdminMembership(controls.nextId('org'), params, controls.now());
        core.state = {
          ...core.state,
          users: core.state.users.map((u) => (u.id === userId ? { ...u, memberships: [...u.memberships, membership] } : u)),
        };
        core.emit();
        return buildOrganization(core, membership.organization);
      }),
    // Clerk's own UI is not part of the mock: say so instead of failing with "not a function".
    openSignIn: () => noUi('openSignIn'),
    openUserProfile: () => noUi('openUserProfile'),
    redirectToSignIn: async () => noUi('redirectToSignIn'),
    telemetry: undefined,
    __internal_attemptToEnableEnvironmentSetting: () => ({ isEnabled: true }),
  } satisfies MockClerk & Record<string, unknown>;
  return clerk;
}

const noUi = (method: string): never => {
  throw new Error(
    `Mock Clerk: ${method}() opens Clerk's hosted UI, which the mock does not render. Stub it in your test if your code calls it.`,
  );
};

/** The clerk-js release whose behaviour the mock copies (checked by the differential suite). */
export const MOCK_FOLLOWS_CLERK_JS = '6.40.0';

/** Any syntactically valid key works with a `Clerk` instance passed in: nothing is fetched. */
export const MOCK_PUBLISHABLE_KEY = `pk_test_${btoa('clerk.mock.invalid$')}`;
