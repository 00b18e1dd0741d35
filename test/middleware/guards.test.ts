// @vitest-environment node
/**
 * The guards call Clerk's real auth(), which reads the request headers through next/headers.
 * A request that went through the middleware carries Clerk's signed auth headers; one that did
 * not (a path the matcher skips, or a middleware bypass) carries none, or forged ones.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RateLimiter } from '../../src/core/rate-limit-contract';
import { createSessionMiddleware, isSessionAuthError, requireAuth, SessionAuthError, withAuth } from '../../src/middleware';
import { admin, clerkOptions, member, page, personal, request, signToken } from '../support/clerk';
import { event, forwardedRequest, inRequestScope, inStaticGeneration } from './support/next';

const middleware = createSessionMiddleware({
  publicRoutes: ['/', '/contact', '/admin/report.csv'],
  clerk: clerkOptions,
});

/** Runs the middleware, then (if it passed) `handler` as Next would: in a request scope with the forwarded headers. */
async function throughMiddleware(req: ReturnType<typeof request>, handler: (req: ReturnType<typeof request>) => Promise<Response>) {
  const res = await middleware(req, event);
  if (res.headers.get('x-middleware-rewrite') === null && res.headers.get('x-middleware-next') === null) return res;
  const forwarded = forwardedRequest(res, req);
  return inRequestScope(forwarded.headers, () => handler(forwarded));
}

/** Runs `handler` for a request the middleware never saw. */
const withoutMiddleware = (req: ReturnType<typeof request>, handler: (req: ReturnType<typeof request>) => Promise<Response>) =>
  inRequestScope(req.headers, () => handler(req));

const reportHandler = withAuth(async (_req, _ctx, auth) => Response.json({ report: 'q1', for: auth.userId }), {
  role: 'admin',
});
const call = (req: ReturnType<typeof request>) => reportHandler(req, {});

afterEach(() => vi.restoreAllMocks());

describe('given withAuth on a route handler', () => {
  it('should run the handler for an admin and hand it Clerk’s auth object', async () => {
    const res = await throughMiddleware(request('/admin/report.csv', { bearer: await signToken(admin) }), call);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ report: 'q1', for: 'user_admin' });
  });

  it('should answer a member with 403 JSON and a signed-out visitor with 401 JSON', async () => {
    const forbidden = await throughMiddleware(request('/admin/report.csv', { bearer: await signToken(member) }), call);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ error: 'forbidden' });
    const signedOut = await throughMiddleware(request('/admin/report.csv'), call);
    expect(signedOut.status).toBe(401);
    expect(signedOut.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('should answer 401 on a path the matcher skips (the middleware never ran), even for a valid token', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const path of ['/admin/report.csv', '/admin/opengraph-image.png', '/acme.css/settings']) {
      const res = await withoutMiddleware(request(path, { bearer: await signToken(admin) }), call);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'unauthenticated' });
    }
  });

  it('should answer 401 for forged Clerk headers when the middleware was bypassed (x-middleware-subrequest)', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const token = await signToken(admin);
    const forged = request('/admin/report.csv', {
      headers: {
        'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware',
        'x-clerk-auth-status': 'signed-in',
        'x-clerk-auth-token': token,
        'x-clerk-auth-signature': 'forged',
        'x-clerk-auth-reason': 'session-token-and-uat-match',
      },
    });
    expect((await withoutMiddleware(forged, call)).status).toBe(401);
    // Clerk refused the forged verdict itself: its signature over the token does not verify.
    expect(String(logged.mock.calls[0]?.[1])).toMatch(/signature/i);
  });

  it('should answer 401 for a pending session', async () => {
    const res = await throughMiddleware(request('/admin/report.csv', { bearer: await signToken({ ...admin, sts: 'pending' }) }), call);
    expect(res.status).toBe(401);
  });

  it('should check the rate limiter once with the user and copy its headers onto the handler’s response', async () => {
    const calls: (string | null)[] = [];
    const limiter: RateLimiter = {
      async check({ userId, path }) {
        calls.push(`${userId}:${path}`);
        return { allowed: true, headers: new Headers({ RateLimit: '"api";r=4;t=60' }) };
      },
    };
    const handler = withAuth(async () => Response.redirect('https://app.test/done', 303), undefined, {
      rateLimit: limiter,
    });
    const res = await throughMiddleware(request('/Contact/', { bearer: await signToken(member) }), (req) => handler(req, {}));
    expect(res.status).toBe(303);
    expect(res.headers.get('ratelimit')).toBe('"api";r=4;t=60');
    expect(calls).toEqual(['user_member:/contact']);
  });

  it('should read the path as the middleware does (basePath and locale stripped), so both count the same rule', async () => {
    const paths: string[] = [];
    const limiter: RateLimiter = {
      async check({ path }) {
        paths.push(path);
        return { allowed: true, headers: new Headers() };
      },
    };
    const routing = { basePath: '/docs', locales: ['en', 'fr'] };
    const mw = createSessionMiddleware({ ...routing, rateLimit: limiter, clerk: clerkOptions });
    const handler = withAuth(async () => new Response('ok'), undefined, { ...routing, rateLimit: limiter });
    const req = request('/docs/fr/api/Reports', { bearer: await signToken(member) });
    const res = await mw(req, event);
    expect(res.headers.get('x-middleware-rewrite') ?? res.headers.get('x-middleware-next')).not.toBeNull();
    const forwarded = forwardedRequest(res, req);
    expect((await inRequestScope(forwarded.headers, () => handler(forwarded, {}))).status).toBe(200);
    expect(paths).toEqual(['/api/reports', '/api/reports']);
  });

  it('should return the limiter’s 429 without running the handler, and 400 for a path it cannot normalize', async () => {
    let ran = 0;
    const limiter: RateLimiter = {
      async check() {
        const headers = new Headers({ 'Retry-After': '30' });
        return {
          allowed: false,
          headers,
          response: Response.json({ error: 'rate_limited' }, { status: 429, headers }),
        };
      },
    };
    const handler = withAuth(async () => new Response(String(++ran)), undefined, { rateLimit: limiter });
    const limited = await throughMiddleware(request('/contact', { bearer: await signToken(member) }), (req) => handler(req, {}));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('30');
    expect(ran).toBe(0);
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // no middleware ran for this one
    const odd = await inRequestScope(new Headers(), () => handler(request('/api/%zz'), {}));
    expect(odd.status).toBe(400);
  });

  it('should answer 403 organization_required when the requirement names an organization', async () => {
    const handler = withAuth(async () => Response.json({ ok: true }), { organization: true });
    const res = await throughMiddleware(request('/contact', { bearer: await signToken(personal) }), (req) => handler(req, {}));
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: 'organization_required' });
  });
});

describe('given requireAuth in a server action or server component', () => {
  const deleteInvoice = async () => {
    const auth = await requireAuth({ permission: 'org:invoices:manage' });
    return Response.json({ deletedBy: auth.userId });
  };

  it('should reject a signed-out server action POST to a public page with a 401 SessionAuthError', async () => {
    const action = request('/contact', { method: 'POST', headers: { 'next-action': 'abc123' } });
    const error = await throughMiddleware(action, deleteInvoice).catch((e: unknown) => e);
    expect(isSessionAuthError(error)).toBe(true);
    expect(error).toMatchObject({ status: 401, reason: 'signed-out', name: 'SessionAuthError' });
  });

  it('should reject a member with 403 and let an admin act', async () => {
    const asMember = request('/contact', {
      method: 'POST',
      cookie: await signToken(member),
      headers: { 'next-action': 'abc' },
    });
    await expect(throughMiddleware(asMember, deleteInvoice)).rejects.toMatchObject({
      status: 403,
      reason: 'forbidden',
    });
    const asAdmin = request('/contact', {
      method: 'POST',
      cookie: await signToken(admin),
      headers: { 'next-action': 'abc' },
    });
    const res = await throughMiddleware(asAdmin, deleteInvoice);
    expect(await res.json()).toEqual({ deletedBy: 'user_admin' });
  });

  it('should fail closed with a 401 “unavailable” error when the middleware did not run', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const error = await withoutMiddleware(page('/contact', { cookie: await signToken(admin) }), deleteInvoice).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SessionAuthError);
    expect(error).toMatchObject({ status: 401, reason: 'unavailable' });
    expect((error as SessionAuthError).cause).toBeInstanceOf(Error);
    expect(String((error as SessionAuthError).cause)).toContain("can't detect usage of clerkMiddleware()");
  });

  it('should accept a function of has and an active-organization requirement', async () => {
    const check = () =>
      requireAuth((has) => has({ plan: 'pro' }) && has({ feature: 'u:beta' })).then((a) => Response.json({ id: a.userId }));
    const res = await throughMiddleware(request('/contact', { bearer: await signToken(admin) }), check);
    expect(await res.json()).toEqual({ id: 'user_admin' });
    await expect(throughMiddleware(request('/contact', { bearer: await signToken(member) }), check)).rejects.toMatchObject({ status: 403 });
    const org = () => requireAuth({ organization: true }).then(() => new Response('ok'));
    await expect(throughMiddleware(request('/contact', { bearer: await signToken(personal) }), org)).rejects.toMatchObject({
      reason: 'organization-required',
      status: 403,
    });
  });

  it('should warn in development when a check names an org:sys_* permission', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const check = () => requireAuth({ permission: 'org:sys_billing:manage' }).then(() => new Response('ok'));
    await expect(throughMiddleware(request('/contact', { bearer: await signToken(admin) }), check)).rejects.toMatchObject({ status: 403 });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('requireAuth checks the system permission "org:sys_billing:manage"'));
  });

  it('should let Next’s own bail-out from static generation through, not turn it into a 401', async () => {
    const error = await inStaticGeneration(() => requireAuth()).catch((e: unknown) => e);
    expect(isSessionAuthError(error)).toBe(false);
    expect(error).toMatchObject({ digest: 'DYNAMIC_SERVER_USAGE' });
  });

  it('should throw a clear error for a malformed requirement instead of granting', async () => {
    await expect(requireAuth({ role: '' })).rejects.toThrow('requireAuth: every `role` must be a non-empty string');
    expect(() => withAuth(async () => new Response(), { permission: [] })).toThrow('withAuth: `permission` must be a non-empty string');
  });
});
