/**
 * A fake Clerk instance for the real `ClerkProvider` (its `Clerk` prop). The real @clerk/react
 * hooks read it exactly as they read clerk-js: `loaded`, `addListener`, the stable
 * `__internal_lastEmittedResources` snapshot, and the resource objects' methods.
 * State is plain data (see state.ts); every action changes that data, then emits a new snapshot.
 */
import type { ClientResource, OrganizationResource, SessionResource, UserResource } from '../clerk';
import { createControls, MockClerkAPIError, type ControlOptions, type FailureSpec, type Latency, type MockAction, type MockCall } from './controls';
import { normalizeState, prefixRole, type DateInput, type MockClerkState, type NDevice, type NMembership, type NSession, type NState, type NUser } from './state';
import { buildClaims, createSigner, decodeToken, type SessionClaims, type SigningKey } from './token';

export interface CreateMockClerkOptions extends ControlOptions {
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
  /** Arms (or with null, disarms) a failure for one action. */
  fail(action: MockAction, spec?: FailureSpec | null): void;
  /**
   * Makes the tokens getToken() holds in its cache expired by the mock's clock (issued 61 s ago),
   * as after a tab slept past their `exp` or for a server whose clock runs ahead: the next
   * getToken() hands out such a token, an API that checks `exp` answers 401 (the MSW handlers do
   * when given `now`), and getToken({ skipCache: true }) signs a fresh one.
   */
  expireTokens(): void;
}

/** What Clerk's listeners receive: one snapshot of the resources, replaced on every emit. */
export interface MockResources {
  client: ClientResource;
  session: SessionResource | null;
  user: UserResource | null;
  organization: OrganizationResource | null;
}
type Listener = (resources: MockResources) => void;

export interface SetActiveArgs {
  session?: string | SessionResource | null;
  /** An organization id, slug or resource; null is the personal account. */
  organization?: string | OrganizationResource | null;
  navigate?: (args: { session: SessionResource | null }) => unknown;
  redirectUrl?: string;
}

/**
 * The fake Clerk instance: the part of Clerk's browser API that @clerk/react's hooks and the
 * kit's components use, plus `mock`, the test-facing controls.
 */
export interface MockClerk {
  readonly mock: MockControls;
  readonly loaded: boolean;
  readonly client: ClientResource;
  readonly session: SessionResource | null;
  readonly user: UserResource | null;
  readonly organization: OrganizationResource | null;
  readonly isSignedIn: boolean;
  readonly __internal_lastEmittedResources: MockResources;
  load(): Promise<void>;
  addListener(listener: Listener, options?: { skipInitialEmit?: boolean }): () => void;
  setActive(params?: SetActiveArgs): Promise<void>;
  /** `signOut()` signs every session on this browser out; `signOut({ sessionId })` that one. */
  signOut(options?: { sessionId?: string; redirectUrl?: string }): Promise<void>;
  createOrganization(params: { name: string; slug?: string }): Promise<OrganizationResource>;
}

const ADMIN_PERMISSIONS = [
  'org:sys_memberships:read',
  'org:sys_memberships:manage',
  'org:sys_profile:manage',
  'org:sys_profile:delete',
  'org:sys_domains:read',
  'org:sys_domains:manage',
];

const noUi = (method: string): never => {
  throw new Error(`Mock Clerk: ${method}() opens Clerk's hosted UI, which the mock does not render. Stub it in your test if your code calls it.`);
};

const notFound = (what: string, id: unknown) =>
  new MockClerkAPIError(`Mock Clerk: no ${what} "${String(id)}".`, { code: 'resource_not_found', status: 404 });

function buildOrganization(m: NMembership['organization']) {
  return {
    id: m.id,
    name: m.name,
    slug: m.slug,
    imageUrl: m.imageUrl,
    hasImage: m.imageUrl !== '',
    membersCount: m.membersCount,
    pendingInvitationsCount: 0,
    publicMetadata: {},
    adminDeleteEnabled: true,
    maxAllowedMemberships: 0,
    createdAt: new Date(m.createdAt),
    updatedAt: new Date(m.createdAt),
  };
}

function buildMembership(m: NMembership, user: NUser) {
  return {
    id: m.id,
    organization: buildOrganization(m.organization),
    role: m.role,
    roleName: m.role.replace(/^org:/, '').replace(/^\w/, (c) => c.toUpperCase()),
    permissions: m.permissions,
    publicMetadata: {},
    publicUserData: publicUserData(user),
    createdAt: new Date(m.createdAt),
    updatedAt: new Date(m.createdAt),
  };
}

function publicUserData(user: NUser) {
  return {
    userId: user.id,
    firstName: user.firstName,
    lastName: user.lastName,
    imageUrl: user.imageUrl,
    hasImage: user.imageUrl !== '',
    identifier: user.emailAddress ?? user.username ?? user.id,
  };
}

type BuildUserDeps = {
  getSessions: (userId: string) => Promise<unknown[]>;
  getOrganizationMemberships: (userId: string, params?: { initialPage?: number; pageSize?: number }) => Promise<unknown>;
};

function buildUser(user: NUser, deps: BuildUserDeps) {
  const email = user.emailAddress ? { id: `idn_${user.id}`, emailAddress: user.emailAddress, toString: () => user.emailAddress! } : null;
  const fullName = [user.firstName, user.lastName].filter(Boolean).join(' ') || null;
  return {
    id: user.id,
    firstName: user.firstName,
    lastName: user.lastName,
    fullName,
    username: user.username,
    imageUrl: user.imageUrl,
    hasImage: user.imageUrl !== '',
    primaryEmailAddressId: email?.id ?? null,
    primaryEmailAddress: email,
    emailAddresses: email ? [email] : [],
    phoneNumbers: [],
    web3Wallets: [],
    externalAccounts: [],
    publicMetadata: {},
    unsafeMetadata: {},
    twoFactorEnabled: false,
    createdAt: new Date(user.createdAt),
    updatedAt: new Date(user.createdAt),
    organizationMemberships: user.memberships.map((m) => buildMembership(m, user)),
    // Clerk's hooks call these unbound, so they close over the id instead of using `this`.
    getSessions: () => deps.getSessions(user.id),
    getOrganizationMemberships: (params?: { initialPage?: number; pageSize?: number }) =>
      deps.getOrganizationMemberships(user.id, params),
  };
}

function buildClient(sessions: SessionResource[], activeSessionId: string | null) {
  const signedIn = sessions.filter((s) => s.status === 'active' || s.status === 'pending');
  return {
    id: 'client_mock',
    sessions,
    signedInSessions: signedIn,
    activeSessions: signedIn.filter((s) => s.status === 'active'),
    lastActiveSessionId: activeSessionId,
    isEligibleForTouch: () => false,
  };
}

/** Creates a fake Clerk instance for `<ClerkProvider Clerk={…}>`, or use `<MockClerkProvider>`. */
export function createMockClerk(options: CreateMockClerkOptions = {}): MockClerk {
  const controls = createControls(options);
  const sign = createSigner(options.signingKey, options.keyId);
  let state: NState = normalizeState(options.state ?? {}, controls.now());
  let loaded = options.loaded !== false && options.loadDelay === undefined;
  let finishLoading: () => void = () => {};
  const listeners = new Set<Listener>();
  const tokenCache = new Map<string, Promise<string>>();

  const userById = (id: string) => state.users.find((u) => u.id === id);
  const membershipOf = (user: NUser, orgId: string | null) =>
    orgId === null ? undefined : user.memberships.find((m) => m.organization.id === orgId);
  const inClient = (s: NSession) => s.status !== 'expired';

  /** Drops sessions (by id) from this browser's client and from their user's devices. */
  const removeSessions = (ids: Set<string>) => {
    state = {
      users: state.users.map((u) => ({ ...u, devices: u.devices.filter((d) => !ids.has(d.id)) })),
      sessions: state.sessions.filter((s) => !ids.has(s.id)),
      activeSessionId: state.activeSessionId !== null && ids.has(state.activeSessionId) ? null : state.activeSessionId,
    };
  };
  const patchSession = (id: string, patch: Partial<NSession>) => {
    state = { ...state, sessions: state.sessions.map((s) => (s.id === id ? { ...s, ...patch } : s)) };
  };

  const claimsFor = (session: NSession, orgId: string | null, jti: string) => {
    const user = userById(session.userId)!;
    return buildClaims({ session, user, membership: membershipOf(user, orgId), now: controls.now(), jti });
  };

  const getToken = (sessionId: string, opts: { template?: string; organizationId?: string | null; skipCache?: boolean } = {}) =>
    controls.run('getToken', [sessionId, opts], async () => {
      const session = state.sessions.find((s) => s.id === sessionId);
      if (!session || session.status === 'expired') return null;
      const user = userById(session.userId)!;
      const orgId = opts.organizationId === undefined ? session.activeOrganizationId : opts.organizationId;
      if (orgId !== null && !membershipOf(user, orgId)) throw notFound('membership of this user in organization', orgId);
      const template = opts.template;
      const extend = template === undefined ? undefined : options.templates?.[template];
      if (template !== undefined && !extend) {
        throw new MockClerkAPIError(`Mock Clerk: no JWT template named "${template}". Pass it in createMockClerk({ templates }).`, { code: 'resource_not_found', status: 404 });
      }
      const key = [sessionId, orgId, template, controls.now()].join('|');
      let token = opts.skipCache ? undefined : tokenCache.get(key);
      if (!token) {
        const claims = claimsFor(session, orgId, controls.nextId('jti'));
        token = sign(extend ? { ...claims, ...extend(claims) } : claims);
        tokenCache.set(key, token);
      }
      return token;
    });

  const buildSession = (s: NSession, users: Map<string, ReturnType<typeof buildUser>>): SessionResource => {
    const user = users.get(s.userId)!;
    const claims = inClient(s) ? claimsFor(s, s.activeOrganizationId, 'jti_last_active') : null;
    const resource = {
      id: s.id,
      object: 'session',
      status: s.status,
      user,
      actor: s.actor,
      publicUserData: publicUserData(userById(s.userId)!),
      lastActiveOrganizationId: s.activeOrganizationId,
      lastActiveToken: claims ? { jwt: { claims, header: { alg: 'RS256', kid: 'ins_mock', typ: 'JWT' } }, getRawString: () => '' } : null,
      factorVerificationAge: claims?.fva ?? null,
      tasks: null,
      currentTask: undefined,
      createdAt: new Date(s.createdAt),
      updatedAt: new Date(s.lastActiveAt),
      lastActiveAt: new Date(s.lastActiveAt),
      expireAt: new Date(s.expireAt),
      abandonAt: new Date(s.abandonAt),
      getToken: (opts?: Parameters<typeof getToken>[1]) => getToken(s.id, opts),
      remove: () => endSession('session.remove', s.id),
      end: () => endSession('session.end', s.id),
      touch: () =>
        controls.run('session.touch', [s.id], () => {
          patchSession(s.id, { lastActiveAt: controls.now() });
          emit();
          return resources.session;
        }),
    };
    return resource as unknown as SessionResource;
  };

  const buildDevice = (d: NDevice, userId: string) => ({
    id: d.id,
    status: d.status,
    lastActiveAt: new Date(d.lastActiveAt),
    expireAt: new Date(d.expireAt),
    abandonAt: new Date(d.abandonAt),
    actor: d.actor,
    latestActivity: { id: `sess_activity_${d.id}`, ...d.latestActivity },
    revoke: () =>
      controls.run('revoke', [d.id], () => {
        const device = userById(userId)?.devices.find((x) => x.id === d.id);
        if (!device) throw notFound('session', d.id);
        removeSessions(new Set([d.id]));
        emit();
        return { ...buildDevice(device, userId), status: 'revoked' };
      }),
  });

  const deps: BuildUserDeps = {
    getSessions: (userId) =>
      controls.run('getSessions', [userId], () => {
        const user = userById(userId);
        if (!user) throw notFound('user', userId);
        return user.devices.map((d) => buildDevice(d, userId));
      }),
    getOrganizationMemberships: (userId, params = {}) =>
      controls.run('getOrganizationMemberships', [params], () => {
        const user = userById(userId);
        if (!user) throw notFound('user', userId);
        const page = Math.max(1, params.initialPage ?? 1);
        const size = Math.max(1, params.pageSize ?? 10);
        const slice = user.memberships.slice((page - 1) * size, page * size);
        return { data: slice.map((m) => buildMembership(m, user)), total_count: user.memberships.length };
      }),
  };

  const buildResources = (): MockResources => {
    const users = new Map(state.users.map((u) => [u.id, buildUser(u, deps)]));
    const sessions = state.sessions.map((s) => buildSession(s, users));
    const active = sessions.find((s) => s.id === state.activeSessionId) ?? null;
    const activeData = state.sessions.find((s) => s.id === state.activeSessionId);
    const activeUser = activeData ? userById(activeData.userId)! : undefined;
    const membership = activeUser && activeData ? membershipOf(activeUser, activeData.activeOrganizationId) : undefined;
    return {
      client: buildClient(sessions, state.activeSessionId) as unknown as ClientResource,
      session: active,
      user: activeData ? (users.get(activeData.userId)! as unknown as UserResource) : null,
      organization: membership ? (buildOrganization(membership.organization) as unknown as OrganizationResource) : null,
    };
  };

  // One snapshot per emit: Clerk's hooks read it through useSyncExternalStore, so it must stay
  // the same object between emits.
  let resources = buildResources();
  const emit = () => {
    resources = buildResources();
    for (const listener of [...listeners]) listener(resources);
  };

  const endSession = (action: 'session.remove' | 'session.end', id: string) =>
    controls.run(action, [id], () => {
      if (!state.sessions.some((s) => s.id === id)) throw notFound('session on this client', id);
      removeSessions(new Set([id]));
      emit();
      return undefined as unknown as SessionResource;
    });

  const resolveOrgId = (user: NUser, org: unknown): string | null => {
    if (org === null) return null;
    const key = typeof org === 'string' ? org : (org as { id?: string })?.id;
    const membership = user.memberships.find((m) => m.organization.id === key || m.organization.slug === key);
    if (!membership) throw notFound('organization membership for', key);
    return membership.organization.id;
  };

  const mock: MockControls = {
    get state() {
      return state;
    },
    calls: controls.calls,
    clearCalls: () => {
      controls.calls.length = 0;
    },
    setState: (next) => {
      state = normalizeState(typeof next === 'function' ? next(state) : next, controls.now());
      tokenCache.clear();
      emit();
    },
    finishLoading: () => finishLoading(),
    now: controls.now,
    setNow: controls.setNow,
    advance: controls.advance,
    setLatency: controls.setLatency,
    fail: (action, spec = 'always') => controls.setFailure(action, spec),
    expireTokens: () => {
      const exp = Math.floor(controls.now() / 1000) - 1;
      for (const [key, token] of tokenCache) {
        tokenCache.set(key, token.then((jwt) => sign({ ...decodeToken(jwt), iat: exp - 60, nbf: exp - 65, exp })));
      }
    },
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
      return loaded;
    },
    get __internal_lastEmittedResources() {
      return resources;
    },
    get client() {
      return resources.client;
    },
    get session() {
      return resources.session;
    },
    get user() {
      return resources.user;
    },
    get organization() {
      return resources.organization;
    },
    get isSignedIn() {
      return resources.session !== null && resources.session.status === 'active';
    },
    load: () =>
      controls.run('load', [], async () => {
        if (!loaded) {
          await new Promise<void>((resolve) => {
            finishLoading = resolve;
            if (options.loadDelay !== undefined) setTimeout(resolve, options.loadDelay);
          });
        }
        loaded = true;
        emit();
      }),
    addListener: (listener: Listener, opts?: { skipInitialEmit?: boolean }) => {
      listeners.add(listener);
      if (loaded && !opts?.skipInitialEmit) listener(resources);
      return () => listeners.delete(listener);
    },
    setActive: (params: SetActiveArgs = {}) =>
      controls.run('setActive', [params], async () => {
        let sessionId = state.activeSessionId;
        if (params.session !== undefined) {
          sessionId = typeof params.session === 'string' || params.session === null ? params.session : params.session.id;
          const target = state.sessions.find((s) => s.id === sessionId);
          if (sessionId !== null && (!target || !inClient(target))) throw notFound('signed-in session on this client', sessionId);
        }
        let orgId: string | null | undefined;
        if (params.organization !== undefined) {
          const session = state.sessions.find((s) => s.id === sessionId);
          if (!session) throw new MockClerkAPIError('Mock Clerk: setActive({ organization }) needs a signed-in session.', { code: 'session_not_found', status: 404 });
          orgId = resolveOrgId(userById(session.userId)!, params.organization);
        }
        state = { ...state, activeSessionId: sessionId };
        if (sessionId !== null) {
          patchSession(sessionId, { lastActiveAt: controls.now(), ...(orgId !== undefined && { activeOrganizationId: orgId }) });
        }
        emit();
        await params.navigate?.({ session: resources.session });
      }),
    signOut: (...args: unknown[]) => {
      const opts = (typeof args[0] === 'function' ? args[1] : args[0]) as { sessionId?: string; redirectUrl?: string } | undefined;
      return controls.run('signOut', args.filter((a) => typeof a !== 'function'), () => {
        const signedIn = state.sessions.filter(inClient);
        if (opts?.sessionId && signedIn.length > 1) {
          // clerk-js 6 removes the session if the client holds it, and quietly does nothing if not.
          removeSessions(new Set(signedIn.filter((s) => s.id === opts.sessionId).map((s) => s.id)));
        } else {
          // Clerk: no sessionId (or the only session) signs every session on this browser out.
          removeSessions(new Set(state.sessions.map((s) => s.id)));
        }
        emit();
      });
    },
    createOrganization: (params: { name: string; slug?: string }) =>
      controls.run('createOrganization', [params], () => {
        const userId = resources.user?.id;
        if (!userId) throw new MockClerkAPIError('Mock Clerk: createOrganization needs a signed-in user.', { code: 'authentication_invalid', status: 401 });
        if (!params?.name?.trim()) throw new MockClerkAPIError('Mock Clerk: an organization needs a name.', { code: 'form_param_missing', status: 422 });
        const id = controls.nextId('org');
        const user = userById(userId)!;
        const membership: NMembership = {
          id: `orgmem_${id}`,
          organization: {
            id,
            name: params.name,
            slug: params.slug ?? params.name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
            imageUrl: '',
            membersCount: 1,
            features: [],
            plans: [],
            createdAt: controls.now(),
          },
          role: prefixRole('admin'),
          permissions: ADMIN_PERMISSIONS,
          createdAt: controls.now(),
        };
        state = { ...state, users: state.users.map((u) => (u === user ? { ...u, memberships: [...u.memberships, membership] } : u)) };
        emit();
        return buildOrganization(membership.organization) as unknown as OrganizationResource;
      }),
    // Clerk's own UI is not part of the mock: say so instead of failing with "not a function".
    openSignIn: () => noUi('openSignIn'),
    openUserProfile: () => noUi('openUserProfile'),
    redirectToSignIn: async () => noUi('redirectToSignIn'),
    telemetry: undefined,
    __internal_attemptToEnableEnvironmentSetting: () => ({ isEnabled: true }),
  };
  return clerk;
}


/** Any syntactically valid key works with a `Clerk` instance passed in: nothing is fetched. */
export const MOCK_PUBLISHABLE_KEY = `pk_test_${btoa('clerk.mock.invalid$')}`;
