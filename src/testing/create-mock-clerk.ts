/**
 * A fake Clerk instance for the real `ClerkProvider` (its `Clerk` prop). The real @clerk/react
 * hooks read it exactly as they read clerk-js: `loaded`, `addListener`, the stable
 * `__internal_lastEmittedResources` snapshot, and the resource objects' methods.
 * State is plain data (see state.ts); every action changes that data, then emits a new snapshot.
 * Its types are in mock-clerk-types.ts.
 */
import { createSetActive, createSignOut } from './actions';
import { createControls, MockClerkAPIError } from './controls';
import { membershipOf, notFound, userOf, type MockCore, type MockResources, type RouterOptions } from './core';
import { loadFailureArrives } from './load-failure';
import type { CreateMockClerkOptions, Listener, MockClerk, MockClerkStatus, MockControls, StatusListener } from './mock-clerk-types';
import { environmentOf } from './environment';
import { buildClient, buildOrganization, buildUser, isSignedIn } from './resources';
import { createReverification } from './reverification';
import { buildSession, createTokenGetter } from './sessions';
import { normalizeState } from './state';
import { newAdminMembership } from './state-entities';

export type { MockResources, RouterOptions } from './core';
export type { SetActiveArgs, SignOutOptions } from './actions';
export type { CreateMockClerkOptions, MockClerk, MockClerkStatus, MockControls, MockEnvironment } from './mock-clerk-types';

type Tokens = ReturnType<typeof createTokenGetter>;

/**
 * The resources of the current state, as clerk-js builds them on every client update: new user
 * objects each time, so their getSessions() cache starts empty.
 */
function buildResources(core: MockCore, getToken: Tokens['getToken']): MockResources {
  const { state } = core;
  const users = new Map(state.users.map((u) => [u.id, buildUser(core, u)]));
  const userResource = (id: string) => {
    const user = users.get(id);
    if (!user) throw notFound('user', id);
    return user;
  };
  const sessions = state.sessions.map((s) => buildSession(core, s, userResource(s.userId), getToken));
  const activeData = state.sessions.find((s) => s.id === state.activeSessionId);
  const membership = activeData && membershipOf(userOf(core, activeData), activeData.activeOrganizationId);
  return {
    client: buildClient(sessions, state.activeSessionId),
    session: sessions.filter(isSignedIn).find((s) => s.id === state.activeSessionId) ?? null,
    user: activeData ? userResource(activeData.userId) : null,
    organization: membership ? buildOrganization(core, membership.organization) : null,
  };
}

/** The core the mock's parts share (core.ts), its token getter, and Clerk's listeners. */
function createCore(options: CreateMockClerkOptions) {
  const controls = createControls(options);
  const listeners = new Set<Listener>();
  // One snapshot per emit: Clerk's hooks read it through useSyncExternalStore, so it must stay
  // the same object between emits.
  let snapshot: MockResources;
  const state = normalizeState(options.state ?? {}, controls.now());
  const core: MockCore = {
    controls,
    templates: options.templates,
    signingKey: options.signingKey,
    keyId: options.keyId,
    azp: options.azp,
    issuer: options.issuer,
    state,
    forceOrganizationSelection:
      options.forceOrganizationSelection ?? state.sessions.some((x) => x.tasks.some((task) => task.key === 'choose-organization')),
    router: { routerPush: options.routerPush, routerReplace: options.routerReplace, afterSignOutUrl: options.afterSignOutUrl },
    loaded: options.loaded !== false && options.loadDelay === undefined,
    navigations: [],
    reverification: createReverification(
      options.requireReverification ?? false,
      () => !!snapshot.user,
      () => core.emit(),
    ),
    build: () => buildResources(core, tokens.getToken),
    emit: (next) => {
      snapshot = next ?? core.build();
      for (const listener of [...listeners]) listener(snapshot);
    },
  };
  const tokens = createTokenGetter(core);
  snapshot = core.build();
  return { core, tokens, listeners, snapshot: () => snapshot };
}

/** Clerk's load status and its listeners. clerk-js's status after a load() that rejected is 'error' until a later load() succeeds. */
function createStatus(core: MockCore, options: CreateMockClerkOptions) {
  const listeners = new Set<StatusListener>();
  let loadFailed = false;
  const current = (): MockClerkStatus => (core.loaded ? (options.degraded ? 'degraded' : 'ready') : loadFailed ? 'error' : 'loading');
  const emit = () => {
    for (const listener of [...listeners]) listener(current());
  };
  return {
    current,
    listeners,
    emit,
    failed: () => {
      loadFailed = true;
      emit();
    },
  };
}

/** `load()`, held by `loaded: false` until `finishLoading()` (or `loadDelay`), failing as clerk-js fails. */
function createLoader(core: MockCore, options: CreateMockClerkOptions, status: ReturnType<typeof createStatus>) {
  let finishLoading: () => void = () => {};
  const load = (clerk: object, loadOptions: RouterOptions = {}) => {
    // ClerkProvider passes its router props here, as it does to clerk-js.
    const { routerPush, routerReplace, afterSignOutUrl } = loadOptions;
    core.router = {
      routerPush: routerPush ?? core.router.routerPush,
      routerReplace: routerReplace ?? core.router.routerReplace,
      afterSignOutUrl: afterSignOutUrl ?? core.router.afterSignOutUrl,
    };
    return core.controls
      .run('load', [], async () => {
        if (!core.loaded) {
          await new Promise<void>((resolve) => {
            finishLoading = resolve;
            if (options.loadDelay !== undefined) setTimeout(resolve, options.loadDelay);
          });
        }
        core.loaded = true;
        core.emit();
        status.emit();
      })
      .catch(async (error: unknown) => {
        // clerk-js learns that it cannot load from failed Frontend API requests: its load()
        // rejects (and emits 'error') in a later task, once ClerkProvider has mounted and
        // subscribed to status. ClerkProvider subscribes in an effect without asking for the
        // last status, so a failure settled in the microtasks of the render would never reach
        // it (see loadFailureArrives).
        await loadFailureArrives(clerk);
        status.failed();
        throw error;
      });
  };
  return { load, finishLoading: () => finishLoading() };
}

/** `clerk.mock`: the test-facing controls. */
function createMockControls(core: MockCore, tokens: Tokens, finishLoading: () => void): MockControls {
  const { controls } = core;
  const reverification = core.reverification.controls;
  return {
    get state() {
      return core.state;
    },
    calls: controls.calls,
    callsOf: controls.callsOf,
    clearCalls: () => {
      controls.calls.length = 0;
    },
    setState: (next) => {
      core.state = normalizeState(typeof next === 'function' ? next(core.state) : next, controls.now());
      tokens.clearCache();
      core.emit();
    },
    finishLoading,
    now: controls.now,
    setNow: controls.setNow,
    advance: controls.advance,
    setLatency: controls.setLatency,
    fail: (action, spec = 'always') => controls.setFailure(action, spec),
    navigations: core.navigations,
    expireTokens: () => tokens.expireCached(),
    requireReverification: reverification.requireReverification,
    get reverification() {
      return reverification.reverification;
    },
    onReverification: reverification.onReverification,
    completeReverification: reverification.completeReverification,
    cancelReverification: reverification.cancelReverification,
  };
}

/** `clerk.createOrganization()`: the signed-in user becomes its admin, as in clerk-js. */
const createOrganization = (core: MockCore, snapshot: () => MockResources) => (params: { name: string; slug?: string }) =>
  core.controls.run('createOrganization', [params], () => {
    const userId = snapshot().user?.id;
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
    const membership = newAdminMembership(core.controls.nextId('org'), params, core.controls.now());
    core.state = {
      ...core.state,
      users: core.state.users.map((u) => (u.id === userId ? { ...u, memberships: [...u.memberships, membership] } : u)),
    };
    core.emit();
    return buildOrganization(core, membership.organization);
  });

/** Creates a fake Clerk instance for `<ClerkProvider Clerk={…}>`, or use `<MockClerkProvider>`. */
export function createMockClerk(options: CreateMockClerkOptions = {}): MockClerk {
  const { core, tokens, listeners, snapshot } = createCore(options);
  const status = createStatus(core, options);
  const loader = createLoader(core, options, status);
  // clerk-js's options: {} until load() (the first one, while not loaded) keeps what it was given,
  // ClerkProvider's props (`localization`…); __internal_getOption reads them (clerk-js core/clerk.ts).
  let clerkOptions: Record<string, unknown> = {};
  const environment = environmentOf(core);
  const clerk = {
    mock: createMockControls(core, tokens, loader.finishLoading),
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
      return status.current();
    },
    get __internal_lastEmittedResources() {
      return snapshot();
    },
    // clerk-js's environment, set by load(), under Core 3's name and Core 2's (see environmentOf).
    get __internal_environment() {
      return environment();
    },
    get __unstable__environment() {
      return environment();
    },
    get client() {
      return snapshot().client;
    },
    get session() {
      return snapshot().session;
    },
    get user() {
      return snapshot().user;
    },
    get organization() {
      return snapshot().organization;
    },
    get isSignedIn() {
      return snapshot().session?.status === 'active';
    },
    // The failed load waits for the MockClerkProvider hosting this instance (see loadFailureArrives).
    load: (loadOptions?: RouterOptions): Promise<void> => {
      if (!core.loaded) clerkOptions = { ...loadOptions };
      return loader.load(clerk, loadOptions);
    },
    __internal_getOption: (key: string): unknown => clerkOptions[key],
    addListener: (listener: Listener, opts?: { skipInitialEmit?: boolean }) => {
      listeners.add(listener);
      if (core.loaded && !opts?.skipInitialEmit) listener(snapshot());
      return () => listeners.delete(listener);
    },
    on: (_event: 'status', listener: StatusListener, opts?: { notify?: boolean }) => {
      status.listeners.add(listener);
      if (opts?.notify) listener(status.current());
    },
    off: (_event: 'status', listener: StatusListener) => {
      status.listeners.delete(listener);
    },
    setActive: createSetActive(core),
    signOut: createSignOut(core),
    createOrganization: createOrganization(core, snapshot),
    // Clerk's own UI is not part of the mock: say so instead of failing with "not a function".
    openSignIn: () => noUi('openSignIn'),
    openUserProfile: () => noUi('openUserProfile'),
    redirectToSignIn: async () => noUi('redirectToSignIn'),
    telemetry: undefined,
    __internal_attemptToEnableEnvironmentSetting: () => ({ isEnabled: true }),
    __internal_openReverification: core.reverification.open,
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
