/**
 * This browser's sessions (SessionResource) and the user's sessions on every device
 * (SessionWithActivitiesResource), with the semantics of clerk-js 6.40: `revoke()`, `end()` and
 * `remove()` resolve the same object with its new status; template tokens ignore
 * `organizationId`. Typed with `satisfies Partial<…>` (see resource-base.ts).
 */
import type { SessionResource, SessionWithActivitiesResource, TokenResource, UserResource } from '../clerk';
import { MockClerkAPIError } from './controls';
import { isSignedInStatus } from '../core/clerk-rules';
import { membershipOf, notFound, userById, userOf, type MockCore } from './core';
import { asResource, publicUserData } from './resource-base';
import type { MockSessionStatus, NDevice, NSession } from './state';
import { buildClaims, createSigner, decodeToken } from './token';

export interface MockTokenOptions {
  template?: string;
  organizationId?: string | null;
  skipCache?: boolean;
}

const claimsFor = (core: MockCore, session: NSession, orgId: string | null, jti: string) => {
  const user = userOf(core, session);
  return buildClaims({
    session,
    user,
    membership: membershipOf(user, orgId),
    now: core.controls.now(),
    jti,
    azp: core.azp,
    issuer: core.issuer,
  });
};

/** `session.getToken()`: cached per (session, template, organization) like clerk-js. */
export function createTokenGetter(core: MockCore) {
  const sign = createSigner(core.signingKey, core.keyId);
  const cache = new Map<string, Promise<string>>();
  const getToken = (sessionId: string, opts: MockTokenOptions = {}) =>
    core.controls.run('getToken', [sessionId, opts], async () => {
      const session = core.state.sessions.find((s) => s.id === sessionId);
      if (!session || !isSignedInStatus(session.status)) return null;
      const user = userOf(core, session);
      const template = opts.template;
      // clerk-js sends `organizationId` only for the plain session token; a template token is
      // minted from the session's own state (POST …/tokens/{template} has no organization).
      const requested = opts.organizationId === undefined ? session.activeOrganizationId : opts.organizationId;
      const orgId = template === undefined ? requested : session.activeOrganizationId;
      if (orgId !== null && !membershipOf(user, orgId)) throw notFound('membership of this user in organization', orgId);
      const extend = template === undefined ? undefined : core.templates?.[template];
      if (template !== undefined && !extend) {
        throw new MockClerkAPIError(`Mock Clerk: no JWT template named "${template}". Pass it in createMockClerk({ templates }).`, {
          code: 'resource_not_found',
          status: 404,
        });
      }
      const key = [sessionId, requested, template, core.controls.now()].join('|');
      let token = opts.skipCache ? undefined : cache.get(key);
      if (!token) {
        const claims = claimsFor(core, session, orgId, core.controls.nextId('jti'));
        token = sign(extend ? { ...claims, ...extend(claims) } : claims);
        cache.set(key, token);
      }
      return token;
    });
  /** Re-signs every cached token as expired by the mock's clock (issued 61 s ago). */
  const expireCached = () => {
    const exp = Math.floor(core.controls.now() / 1000) - 1;
    for (const [key, token] of cache)
      cache.set(
        key,
        token.then((jwt) => sign({ ...decodeToken(jwt), iat: exp - 60, nbf: exp - 65, exp })),
      );
  };
  return { getToken, clearCache: () => cache.clear(), expireCached };
}

/** Sets a session's status in the client and in its user's device list. */
export function setSessionStatus(core: MockCore, id: string, status: MockSessionStatus, { dropFromClient = false } = {}) {
  const s = core.state;
  core.state = {
    users: s.users.map((u) => ({ ...u, devices: u.devices.map((d) => (d.id === id ? { ...d, status } : d)) })),
    sessions: dropFromClient
      ? s.sessions.filter((x) => x.id !== id)
      : s.sessions.map((x) => (x.id === id ? { ...x, status, tasks: status === 'pending' ? x.tasks : [] } : x)),
    activeSessionId: s.activeSessionId === id && (dropFromClient || !isSignedInStatus(status)) ? null : s.activeSessionId,
  };
}

export function buildSession(
  core: MockCore,
  s: NSession,
  user: UserResource,
  getToken: (id: string, o?: MockTokenOptions) => Promise<string | null>,
): SessionResource {
  const claims = isSignedInStatus(s.status) ? claimsFor(core, s, s.activeOrganizationId, 'jti_last_active') : null;
  // end() and remove(): clerk-js resolves this same object, updated from the response.
  const finish = (action: 'session.end' | 'session.remove', status: MockSessionStatus): Promise<SessionResource> =>
    core.controls.run(action, [s.id], () => {
      if (!core.state.sessions.some((x) => x.id === s.id)) throw notFound('session on this client', s.id);
      setSessionStatus(core, s.id, status, { dropFromClient: true });
      self.status = status;
      core.emit();
      return asResource<SessionResource>(self);
    });
  // Typed, not inferred: its methods return it (`satisfies` cannot type a self-reference).
  const self: Partial<SessionResource> = {
    id: s.id,
    status: s.status,
    user,
    actor: s.actor,
    publicUserData: publicUserData(userOf(core, s)),
    lastActiveOrganizationId: s.activeOrganizationId,
    lastActiveToken: claims
      ? asResource<TokenResource>({
          jwt: {
            claims: { ...claims, __raw: '' },
            header: { alg: 'RS256', kid: 'ins_mock', typ: 'JWT' },
            encoded: { header: '', payload: '', signature: '' },
          },
          getRawString: () => '',
        } satisfies Partial<TokenResource>)
      : null,
    factorVerificationAge: claims?.fva ?? null,
    // clerk-js: `tasks` as the Frontend API sends them, `currentTask` the first of them.
    tasks: s.tasks.length ? s.tasks : null,
    currentTask: s.tasks[0],
    createdAt: new Date(s.createdAt),
    updatedAt: new Date(s.lastActiveAt),
    lastActiveAt: new Date(s.lastActiveAt),
    expireAt: new Date(s.expireAt),
    abandonAt: new Date(s.abandonAt),
    getToken: (opts?: MockTokenOptions) => getToken(s.id, opts),
    remove: () => finish('session.remove', 'removed'),
    end: () => finish('session.end', 'ended'),
    touch: () =>
      core.controls.run('session.touch', [s.id], () => {
        core.state = {
          ...core.state,
          sessions: core.state.sessions.map((x) => (x.id === s.id ? { ...x, lastActiveAt: core.controls.now() } : x)),
        };
        core.emit();
        return asResource<SessionResource>(self);
      }),
  };
  return asResource<SessionResource>(self);
}

/** A session of the user on some device, as `user.getSessions()` lists it. */
export function buildDevice(core: MockCore, d: NDevice, userId: string): SessionWithActivitiesResource {
  const a = d.latestActivity;
  const self: Partial<SessionWithActivitiesResource> = {
    id: d.id,
    status: d.status,
    lastActiveAt: new Date(d.lastActiveAt),
    expireAt: new Date(d.expireAt),
    abandonAt: new Date(d.abandonAt),
    actor: d.actor,
    latestActivity: {
      id: `sess_activity_${d.id}`,
      browserName: a.browserName,
      browserVersion: a.browserVersion,
      deviceType: a.deviceType,
      ipAddress: a.ipAddress,
      city: a.city,
      country: a.country,
      isMobile: a.isMobile,
    },
    // clerk-js: POST …/revoke, then `this.fromJSON(response)`: the same object, now 'revoked'.
    revoke: () =>
      core.controls.run('revoke', [d.id], () => {
        core.reverification.guard(); // the Frontend API refuses before anything changes
        const device = userById(core, userId)?.devices.find((x) => x.id === d.id);
        if (!device) throw notFound('session', d.id);
        setSessionStatus(core, d.id, 'revoked');
        self.status = 'revoked';
        core.emit();
        return asResource<SessionWithActivitiesResource>(self);
      }),
  };
  return asResource<SessionWithActivitiesResource>(self);
}
