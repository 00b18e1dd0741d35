/**
 * createSessionMiddleware: deny-by-default route protection on Clerk's clerkMiddleware.
 * One route policy compiled at creation; each path normalized once; APIs answered with JSON.
 * Edge-safe: imports only next/server, @clerk/nextjs/server and the kit's plain-TypeScript core.
 */
import { clerkMiddleware, type ClerkMiddlewareAuth, type ClerkMiddlewareOptions } from '@clerk/nextjs/server';
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import type { RateLimitDecision, RateLimiter } from '../core/rate-limit-contract';
import { isAuthorized, type HasFn } from '../core/requirements';
import { compileRoutePolicy, type RouteDecision, type RoutePolicy, type RoutePolicyOptions } from '../core/route-policy';
import { warnSystemPermissions } from './dev';
import { IDENTITY_HEADER_NAMES, IDENTITY_HEADERS } from './identity';
import { copyHeaders, forbiddenPage, jsonError, redirectTo } from './responses';

type Decided = Extract<RouteDecision, { ok: true }>;

export interface ForbiddenInfo {
  /** The normalized path. */
  path: string;
  /** The index in `rules` of the first rule the user does not meet. */
  rule: number;
}

export interface SessionMiddlewareOptions extends RoutePolicyOptions {
  /** The response for a document that misses a requirement. Default: a plain 403 HTML page. */
  forbidden?: (request: NextRequest, info: ForbiddenInfo) => Response | Promise<Response>;
  /** Adds `x-csk-user-id`, `x-csk-org-id`, `x-csk-org-role` to the request the app sees. Default false. */
  identityHeaders?: boolean;
  /**
   * CORS preflights (OPTIONS with `Access-Control-Request-Method`) carry no credentials, and an
   * attacker is not a browser: an OPTIONS that skipped authentication would run any OPTIONS
   * handler (a catch-all's included) for anyone.
   * - `'protect'` (default): an OPTIONS request is like any other (a signed-out preflight to a
   *   protected path gets 401; public paths pass).
   * - `{ origins, … }`: the middleware answers preflights to API routes itself (204 with the CORS
   *   headers below for a listed origin, 403 otherwise); they never reach your handlers.
   * - `'pass'`: your OPTIONS handlers answer preflights to API routes, with no identity. Opt in
   *   only when every OPTIONS handler on those routes is safe for anyone.
   */
  preflight?: 'protect' | 'pass' | PreflightOptions;
  /** A rate limiter (see rate-limit-contract): checked once per request after auth is resolved. */
  rateLimit?: RateLimiter;
  /** Clerk's own options (publishableKey, jwtKey, authorizedParties, …), or a function of the request. */
  clerk?: ClerkMiddlewareOptions | ((request: NextRequest) => ClerkMiddlewareOptions | Promise<ClerkMiddlewareOptions>);
  /** Called when auth resolution throws (the request is then refused). Default: console.error in development. */
  onError?: (error: unknown, request: NextRequest) => void;
}

/**
 * CORS preflights answered by the middleware (see `preflight`). For a listed origin the answer
 * allows the method and headers the browser asks for (`Access-Control-Request-*`), for 10 minutes.
 */
export interface PreflightOptions {
  /** Origins allowed to call your APIs from a browser, e.g. `['https://app.example']`. */
  origins: readonly string[];
  /** Sends `Access-Control-Allow-Credentials: true` (cookies cross-origin). Default false. */
  credentials?: boolean;
}

export type SessionMiddleware = (request: NextRequest, event: NextFetchEvent) => Promise<Response>;

const URL_PARTS = /^([a-z][a-z\d+.-]*:\/\/[^/?#]*)([^?#]*)(\?[^#]*)?/i;

/** Answers a CORS preflight without reaching the app: 204 allowing what a listed origin asks for, 403 otherwise. */
function corsPreflight({ origins, credentials }: PreflightOptions) {
  if (!Array.isArray(origins) || !origins.every((o) => /^https?:\/\/[^/]+$/.test(o))) {
    throw new TypeError(
      `createSessionMiddleware: preflight.origins must be origins like "https://app.example"; got ${JSON.stringify(origins)}.`,
    );
  }
  return ({ headers }: NextRequest) => {
    const origin = headers.get('origin');
    if (!origin || !origins.includes(origin)) return new NextResponse(null, { status: 403, headers: { vary: 'Origin' } });
    const allow = new Headers({
      vary: 'Origin',
      'access-control-allow-origin': origin,
      'access-control-max-age': '600',
    });
    // Called only for a preflight: the browser said which method it wants.
    const method = headers.get('access-control-request-method');
    if (method) allow.set('access-control-allow-methods', method);
    const asked = headers.get('access-control-request-headers');
    if (asked) allow.set('access-control-allow-headers', asked);
    if (credentials) allow.set('access-control-allow-credentials', 'true');
    return new NextResponse(null, { status: 204, headers: allow });
  };
}

/** Who the request is from, as far as the identity headers go. */
type Identity = { userId: string | null; orgId?: string | null; orgRole?: string | null };

/**
 * Lets the request through (NextResponse.next()): identity headers a client sent are removed, ours
 * are set when `identityHeaders` is on and someone is signed in, and `extra` goes on the response.
 */
function pass(request: NextRequest, identity: Identity | null, extra: Headers | undefined, identityHeaders: boolean) {
  const userId = identityHeaders ? identity?.userId : null;
  let res: NextResponse;
  if (userId || IDENTITY_HEADER_NAMES.some((name) => request.headers.has(name))) {
    const headers = new Headers(request.headers);
    for (const name of IDENTITY_HEADER_NAMES) headers.delete(name);
    if (userId) {
      headers.set(IDENTITY_HEADERS.userId, userId);
      if (identity?.orgId) headers.set(IDENTITY_HEADERS.orgId, identity.orgId);
      if (identity?.orgRole) headers.set(IDENTITY_HEADERS.orgRole, identity.orgRole);
    }
    res = NextResponse.next({ request: { headers } });
  } else {
    res = NextResponse.next();
  }
  if (extra) copyHeaders(extra, res.headers);
  return res;
}

/** Where a signed-out user or a user without an organization is sent, on this origin (a path without a listed locale: the first one). */
const inApp = (policy: RoutePolicy, target: string, d: Decided) => {
  const locale = d.locale ?? policy.defaultLocale;
  return `${policy.basePath}${locale ? `/${locale}` : ''}${target}`;
};

/** What clerkMiddleware runs once it resolved auth: the rate limit, then the route's decision. */
function createHandler(policy: RoutePolicy, options: SessionMiddlewareOptions, decisions: WeakMap<Request, Decided>) {
  const { identityHeaders = false, preflight = 'protect', rateLimit, forbidden } = options;
  return async (auth: ClerkMiddlewareAuth, request: NextRequest): Promise<Response> => {
    const d = decisions.get(request);
    if (!d) throw new Error('clerk-session-kit: no route decision'); // never: set before clerk() runs
    const state = await auth({ treatPendingAsSignedOut: true });
    const userId = state.userId ?? null;
    let limit: RateLimitDecision | undefined;
    if (rateLimit) {
      limit = await rateLimit.check({ request, userId, path: d.path.toLowerCase() });
      if (!limit.allowed) return limit.response ?? new NextResponse(null, { status: 429, headers: limit.headers });
    }
    const json = d.api || request.headers.has('next-action');
    const extra = limit?.headers;
    const apiExtra = d.api ? extra : undefined;
    if (d.api && preflight === 'pass' && request.method === 'OPTIONS' && request.headers.has('access-control-request-method')) {
      return pass(request, null, apiExtra, identityHeaders);
    }
    if (d.public) return pass(request, state, apiExtra, identityHeaders);
    const [, origin = '', path = '/', search = ''] = URL_PARTS.exec(request.url) ?? [];
    // The way back, as a path on this origin: leading slashes collapsed so it never reads as `//host`;
    // for a data or RSC request, the page it belongs to.
    const back = /\/_next\/data\/|\.rsc$|\.segments\//.test(path) ? inApp(policy, d.path, d) : `/${path.replace(/^[/\\]+/, '')}${search}`;
    if (!userId) {
      if (json) return jsonError('unauthenticated', extra);
      return redirectTo(origin, policy.signIn ? inApp(policy, policy.signIn, d) : policy.signInUrl, back);
    }
    if (d.organization && !state.orgId) {
      if (json) return jsonError('organization_required', extra);
      return redirectTo(origin, policy.orgSelection ? inApp(policy, policy.orgSelection, d) : policy.orgSelectionUrl, back);
    }
    const has: HasFn = (params) => state.has(params);
    for (const rule of d.rules) {
      if (isAuthorized(rule.checks, rule.match, has)) continue;
      if (json) return jsonError('forbidden', extra);
      return forbidden ? forbidden(request, { path: d.path, rule: rule.index }) : forbiddenPage();
    }
    return pass(request, state, apiExtra, identityHeaders);
  };
}

export function createSessionMiddleware(options: SessionMiddlewareOptions = {}): SessionMiddleware {
  const policy = compileRoutePolicy(options);
  for (const rule of policy.rules) warnSystemPermissions(rule.checks, 'createSessionMiddleware');
  const answerPreflight = typeof options.preflight === 'object' ? corsPreflight(options.preflight) : null;
  const decisions = new WeakMap<Request, Decided>();
  const handler = createHandler(policy, options, decisions);

  const clerkOptions = options.clerk;
  const clerk =
    typeof clerkOptions === 'function'
      ? clerkMiddleware((auth, request) => handler(auth, request), clerkOptions)
      : clerkMiddleware((auth, request) => handler(auth, request), {
          signInUrl: options.signInUrl,
          signUpUrl: options.signUpUrl,
          ...clerkOptions,
        });

  return async (request: NextRequest, event: NextFetchEvent): Promise<Response> => {
    const [, , rawPath = '/'] = URL_PARTS.exec(request.url) ?? [];
    const d = policy.decide(rawPath);
    if (!d.ok) return jsonError('bad_request');
    if (answerPreflight && d.api && !d.public && request.method === 'OPTIONS' && request.headers.has('access-control-request-method')) {
      return answerPreflight(request);
    }
    decisions.set(request, d);
    try {
      const res = await clerk(request, event);
      if (!res) throw new Error('clerk-session-kit: no response');
      return res;
    } catch (error) {
      // Fail closed: a request whose auth could not be resolved is never passed through.
      if (options.onError) options.onError(error, request);
      else if (process.env.NODE_ENV !== 'production')
        console.error('clerk-session-kit: the middleware refused the request: auth failed.', error);
      return jsonError('auth_unavailable');
    }
  };
}
