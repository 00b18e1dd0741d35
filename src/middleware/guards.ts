/**
 * Guards that enforce where the work happens, because a middleware that never runs protects
 * nothing: withAuth for route handlers (401/403 JSON) and requireAuth for server actions and
 * server components (a typed error). Both call Clerk's auth() themselves and fail closed when it
 * throws, as it does when clerkMiddleware did not run for the request.
 */
import { auth } from '@clerk/nextjs/server';
import type { NextRequest } from 'next/server';
import type { RateLimitDecision, RateLimiter } from '../core/rate-limit-contract';
import { isAuthorized, toChecks, type Check, type HasFn, type Requirements } from '../core/requirements';
import { field } from '../core/field';
import { compileRoutePolicy, type RoutePolicyOptions } from '../core/route-policy';
import { warnSystemPermissions } from './dev';
import { copyHeaders, jsonError, type ErrorCode } from './responses';

/** Requirements as for PermissionGate (plus `organization: true` for an active organization), or a function of `has`. */
export type GuardRequirement = (Requirements & { organization?: boolean }) | ((has: HasFn) => boolean);

export type SessionAuth = Awaited<ReturnType<typeof auth>>;
/** Clerk's auth object for a signed-in user who met the requirement. */
export type SignedInAuth = SessionAuth & { userId: string };

export type SessionAuthReason = 'signed-out' | 'organization-required' | 'forbidden' | 'unavailable';

/** Thrown by requireAuth. `status` is what an HTTP answer would be: 401 signed out (or unknown), 403 not allowed. */
export class SessionAuthError extends Error {
  readonly status: 401 | 403;
  readonly reason: SessionAuthReason;
  constructor(reason: SessionAuthReason, options?: { cause?: unknown }) {
    // 'unavailable': auth() threw (see `cause`), as it does when clerkMiddleware did not run.
    super(`clerk-session-kit: ${reason}`, options);
    this.name = 'SessionAuthError';
    this.reason = reason;
    this.status = reason === 'signed-out' || reason === 'unavailable' ? 401 : 403;
  }
}

export const isSessionAuthError = (error: unknown): error is SessionAuthError => error instanceof SessionAuthError;

interface Compiled {
  checks: Check[];
  match: 'all' | 'any';
  organization: boolean;
}

function compile(requirement: GuardRequirement | undefined, where: string): Compiled {
  if (requirement === undefined) return { checks: [], match: 'all', organization: false };
  const req: Requirements & { organization?: boolean } = typeof requirement === 'function' ? { condition: requirement } : requirement;
  const { organization = false, ...rest } = req;
  const checks = toChecks(rest, where);
  warnSystemPermissions(checks, where);
  return { checks, match: rest.match ?? 'all', organization };
}

/** Next's own control-flow errors (dynamic usage, redirects, prerender bailouts) carry a string `digest`; they must propagate. */
const isFrameworkError = (error: unknown) => typeof field(error, 'digest') === 'string' || field(error, 'name') === 'ClerkUseCacheError';

const isSignedIn = (state: SessionAuth): state is SignedInAuth => typeof state.userId === 'string' && state.userId !== '';

type Resolved = { ok: true; auth: SignedInAuth } | { ok: false; reason: SessionAuthReason; userId: string | null; cause?: unknown };

async function resolve({ checks, match, organization }: Compiled, where: string): Promise<Resolved> {
  let state: SessionAuth;
  try {
    state = await auth({ treatPendingAsSignedOut: true });
  } catch (cause) {
    if (isFrameworkError(cause)) throw cause;
    if (process.env.NODE_ENV !== 'production') console.error(`clerk-session-kit: ${where} refused the request: auth() failed.`, cause);
    return { ok: false, reason: 'unavailable', userId: null, cause };
  }
  if (!isSignedIn(state)) return { ok: false, reason: 'signed-out', userId: null };
  if (organization && !state.orgId) return { ok: false, reason: 'organization-required', userId: state.userId };
  const has: HasFn = (params) => state.has(params);
  if (!isAuthorized(checks, match, has)) return { ok: false, reason: 'forbidden', userId: state.userId };
  return { ok: true, auth: state };
}

/**
 * For server actions and server components: returns Clerk's auth object for a signed-in user who
 * meets `requirement`, or throws a SessionAuthError (401 or 403).
 */
export async function requireAuth(requirement?: GuardRequirement): Promise<SignedInAuth> {
  const result = await resolve(compile(requirement, 'requireAuth'), 'requireAuth');
  if (result.ok) return result.auth;
  throw new SessionAuthError(result.reason, { cause: result.ok ? undefined : result.cause });
}

const CODE: Record<SessionAuthReason, ErrorCode> = {
  'signed-out': 'unauthenticated',
  unavailable: 'unauthenticated',
  'organization-required': 'organization_required',
  forbidden: 'forbidden',
};

export interface WithAuthOptions extends Pick<RoutePolicyOptions, 'basePath' | 'locales'> {
  /**
   * A rate limiter (see rate-limit-contract), checked once per request after auth is resolved.
   * It sees the path as the middleware reads it: pass the middleware's `basePath` and `locales`
   * too, so both count the same route under the same rule.
   */
  rateLimit?: RateLimiter;
}

/**
 * For route handlers: runs `handler` only for a signed-in user who meets `requirement`; otherwise
 * answers 401 (with `WWW-Authenticate`) or 403 JSON.
 */
export function withAuth<Context = unknown>(
  handler: (request: NextRequest, context: Context, auth: SignedInAuth) => Response | Promise<Response>,
  requirement?: GuardRequirement,
  options: WithAuthOptions = {},
): (request: NextRequest, context: Context) => Promise<Response> {
  const compiled = compile(requirement, 'withAuth');
  // The middleware's reading of the path (basePath and locale stripped), from the URL as sent:
  // `nextUrl.pathname` has the basePath removed already and would be read twice.
  const policy = options.rateLimit ? compileRoutePolicy({ basePath: options.basePath, locales: options.locales }) : null;
  return async (request, context) => {
    const result = await resolve(compiled, 'withAuth');
    let limit: RateLimitDecision | undefined;
    if (options.rateLimit && policy) {
      const d = policy.decide(new URL(request.url).pathname);
      if (!d.ok) return jsonError('bad_request');
      limit = await options.rateLimit.check({
        request,
        userId: result.ok ? result.auth.userId : result.userId,
        path: d.path.toLowerCase(),
      });
      if (!limit.allowed) return limit.response ?? new Response(null, { status: 429, headers: limit.headers });
    }
    if (!result.ok) return jsonError(CODE[result.reason], limit?.headers);
    const res = await handler(request, context, result.auth);
    if (!limit) return res;
    try {
      copyHeaders(limit.headers, res.headers);
      return res;
    } catch {
      // Immutable headers (Response.redirect, a proxied fetch): copy into a new response.
      const copy = new Response(res.body, res);
      copyHeaders(limit.headers, copy.headers);
      return copy;
    }
  };
}
