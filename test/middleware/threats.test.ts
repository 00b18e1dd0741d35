// @vitest-environment node
/**
 * Every input in shared/notes/middleware-threats.md against the real clerkMiddleware, with
 * tokens signed in the test and verified offline through jwtKey.
 */
import { describe, expect, it } from 'vitest';
import { createSessionMiddleware } from '../../src/middleware';
import { admin, clerkOptions, member, page, request, signToken, ORIGIN } from '../support/clerk';
import { event, forwardedHeaders } from './support/next';

const middleware = createSessionMiddleware({
  publicRoutes: ['/', '/sign-in', '/sign-in/*', '/pricing'],
  rules: [{ routes: ['/admin/*', '/api/admin/*'], require: { permission: 'org:reports:manage' } }],
  clerk: clerkOptions,
});
const run = (req: Parameters<typeof middleware>[0]) => middleware(req, event);

/**
 * The request continues to the app: NextResponse.next() marks `x-middleware-next`, which Clerk turns
 * into a rewrite to the same URL (carrying its auth headers).
 */
const passedThrough = (res: Response) =>
  res.headers.get('x-middleware-next') === '1' || res.headers.get('x-middleware-rewrite')?.startsWith(ORIGIN) === true;

async function expectJson(res: Response, status: number, error: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('location')).toBeNull();
  expect(res.headers.get('content-type')).toContain('application/json');
  expect(await res.json()).toMatchObject({ error });
}

function expectSignInRedirect(res: Response, back: string) {
  expect(res.status).toBe(307);
  const location = new URL(res.headers.get('location')!);
  expect(location.origin).toBe(ORIGIN);
  expect(location.pathname).toBe('/sign-in');
  expect(location.searchParams.get('redirect_url')).toBe(back);
}

describe('given a signed-out visitor', () => {
  it('should answer an API route with 401 JSON, WWW-Authenticate and no Location', async () => {
    const res = await run(request('/api/admin/x'));
    await expectJson(res, 401, 'unauthenticated');
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
  });

  it.each(['/API/admin', '/Api/Admin/x'])('should treat %s as the protected API', async (path) => {
    await expectJson(await run(request(path)), 401, 'unauthenticated');
  });

  it.each(['/Admin', '/admin/', '/admin'])('should redirect %s to sign-in', async (path) => {
    expectSignInRedirect(await run(page(path)), path);
  });

  it.each(['/api/%61dmin/x', '/api/admin%00/x'])('should answer %s with 401, never pass it', async (path) => {
    await expectJson(await run(request(path)), 401, 'unauthenticated');
  });

  // Next reads an encoded slash as a slash for a static route and inside the value of a [param]
  // for a dynamic one: no single reading is safe, so the answer is 400 (issue 19's reproductions).
  it.each([
    '/api%2Fadmin/x',
    '/api/foo%2f..%2fadmin',
    '/admin/users/x%2F..%2F..%2F..',
    '/admin/users/%2e%2e%2f%2e%2e%2f%2e%2e',
    '/api/admin/users/x%2F..%2F..%2F..%2Fwebhooks%2Fstripe',
    '/billing/invoices/x%5C..%5C..%5C..%5Cpricing',
    '/sign-in/x%2F..%2F..%2Fadmin',
  ])('should answer %s with 400, never pass it', async (path) => {
    const res = await run(request(path));
    await expectJson(res, 400, 'bad_request');
    expect(passedThrough(res)).toBe(false);
  });

  it('should answer malformed encoding with 400, never 500 and never through', async () => {
    const res = await run(request('/api/%zz'));
    await expectJson(res, 400, 'bad_request');
    expect(passedThrough(res)).toBe(false);
  });

  it.each(['/x/../admin', '/x/%2e%2e/admin', '//admin', '\\admin', '/x/%2E%2E/%61dmin'])('should protect %s', async (path) => {
    const res = await run(page(path));
    expect(res.status).toBe(307);
    expect(new URL(res.headers.get('location')!).pathname).toBe('/sign-in');
  });

  it.each(['/sign-inX', '/sign-in-secret', '/sign-in.evil', '/pricing-internal'])('should not treat %s as public', async (path) => {
    expect((await run(page(path))).status).toBe(307);
  });

  it('should let /sign-in, /sign-in/factor-one and the public home through without a loop', async () => {
    for (const path of ['/sign-in', '/sign-in/factor-one', '/', '/pricing', '/sign-in/']) {
      const res = await run(page(path));
      expect(res.status).toBe(200);
      expect(passedThrough(res)).toBe(true);
      expect(res.headers.get('location')).toBeNull();
    }
  });

  // Next is case-sensitive: /Sign-In/settings is app/[org]/settings, not the public sign-in page.
  // Next matches dynamic routes on the path as sent: /s%69gn-in/settings is app/[org]/settings too.
  it.each(['/Sign-In/settings', '/SIGN-IN', '/Pricing', '/sign-In/factor-one', '/s%69gn-in/settings', '/%73ign-in'])(
    'should not read %s as the public path it folds or decodes to',
    async (path) => {
      const res = await run(page(path));
      expect(res.status).toBe(307);
      expect(passedThrough(res)).toBe(false);
    },
  );

  // `.segments` and `.rsc` are unwrapped only by Next in minimal mode; `next start` routes them as
  // sent (app/[org]/settings with org "pricing.segments"), so the literal reading must be public too.
  it.each([
    '/pricing.segments/settings',
    '/.segments/settings',
    '/pricing.rsc/settings',
    '/sign-in.segments/x',
    '/pricing.segments/_tree.segment.rsc',
  ])('should not read %s as public by stripping a wrapper', async (path) => {
    const res = await run(page(path));
    expect(res.status).toBe(307);
    expect(passedThrough(res)).toBe(false);
  });

  it('should protect a Next data route with x-nextjs-data, sending back to its page after sign-in', async () => {
    const res = await run(request('/_next/data/BUILD/admin.json', { headers: { 'x-nextjs-data': '1' } }));
    expectSignInRedirect(res, '/admin');
    expect(passedThrough(res)).toBe(false);
  });

  it.each<Record<string, string>>([
    { rsc: '1', 'next-url': '/admin' },
    { 'next-router-prefetch': '1', rsc: '1' },
    { purpose: 'prefetch' },
    { 'next-router-segment-prefetch': '/_tree' },
  ])('should still gate RSC navigation and prefetches (%o), never skip auth on a client header', async (headers) => {
    const res = await run(request('/admin', { headers }));
    expect(res.status).toBe(307);
    expect(passedThrough(res)).toBe(false);
  });

  it('should gate RSC payload and segment prefetch paths as their page', async () => {
    for (const path of ['/admin.rsc', '/admin.segments/_tree.segment.rsc'])
      expect((await run(request(path, { headers: { rsc: '1' } }))).status).toBe(307);
  });

  it('should answer a server action POST to a protected page with 401 JSON, not a redirect', async () => {
    const res = await run(
      request('/admin', {
        method: 'POST',
        headers: { 'next-action': 'abc123', 'content-type': 'text/plain' },
        body: '[]',
      }),
    );
    await expectJson(res, 401, 'unauthenticated');
  });

  it('should grant nothing for spoofed x-middleware-subrequest and Clerk auth headers', async () => {
    const headers = {
      'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware',
      'x-clerk-auth-status': 'signed-in',
      'x-clerk-auth-token': await signToken(admin),
      'x-clerk-auth-reason': 'session-token-and-uat-match',
    };
    await expectJson(await run(request('/api/admin/x', { headers })), 401, 'unauthenticated');
    expect((await run(page('/admin', { headers }))).status).toBe(307);
    // On a public page the request goes on, but with Clerk's own verdict replacing the spoofed one.
    const req = page('/', { headers });
    const res = await run(req);
    expect(passedThrough(res)).toBe(true);
    const seen = forwardedHeaders(res, req);
    expect(seen.get('x-clerk-auth-status')).toBe('signed-out');
    expect(seen.get('x-clerk-auth-token')).toBe('');
  });

  it('should never point Location at x-forwarded-host', async () => {
    const res = await run(
      page('/admin', {
        headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', 'x-forwarded-port': '443' },
      }),
    );
    expect(res.status).toBe(307);
    expect(new URL(res.headers.get('location')!).host).toBe('app.test');
    expect(res.headers.get('location')).not.toContain('evil.example');
  });

  it('should send a page request to sign-in with a same-origin path as redirect_url, query kept', async () => {
    expectSignInRedirect(await run(page('/settings/profile?tab=2')), '/settings/profile?tab=2');
  });

  it('should never write a protocol-relative redirect_url for a //path request', async () => {
    const res = await run(page('//evil.com/admin'));
    expect(res.status).toBe(307);
    expect(new URL(res.headers.get('location')!).searchParams.get('redirect_url')).toBe('/evil.com/admin');
  });

  it('should treat HEAD like GET', async () => {
    expect((await run(page('/admin', { method: 'HEAD' }))).status).toBe(307);
    await expectJson(await run(request('/api/admin/x', { method: 'HEAD' })), 401, 'unauthenticated');
  });

  // An attacker is not a browser: a preflight that skipped authentication would run any OPTIONS
  // handler (a catch-all's included) for anyone.
  it('should answer a signed-out CORS preflight to a protected API with 401 by default, never reaching the app', async () => {
    const preflight = await run(
      request('/api/admin/x', {
        method: 'OPTIONS',
        headers: { origin: 'https://other.test', 'access-control-request-method': 'POST' },
      }),
    );
    await expectJson(preflight, 401, 'unauthenticated');
    expect(passedThrough(preflight)).toBe(false);
    await expectJson(await run(request('/api/admin/x', { method: 'OPTIONS' })), 401, 'unauthenticated');
  });

  it('should answer preflights itself from the configured origins, never reaching the app', async () => {
    const cors = createSessionMiddleware({
      preflight: { origins: ['https://app.example'], credentials: true },
      clerk: clerkOptions,
    });
    const headers = {
      origin: 'https://app.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
    };
    const ok = await cors(request('/api/admin/x', { method: 'OPTIONS', headers }), event);
    expect(ok.status).toBe(204);
    expect(passedThrough(ok)).toBe(false);
    expect(Object.fromEntries(ok.headers)).toMatchObject({
      'access-control-allow-origin': 'https://app.example',
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'authorization, content-type',
      vary: 'Origin',
    });
    const other = await cors(
      request('/api/admin/x', { method: 'OPTIONS', headers: { ...headers, origin: 'https://evil.example' } }),
      event,
    );
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    // A bare OPTIONS (no Access-Control-Request-Method) is not a preflight: authenticated as usual.
    await expectJson(
      await cors(request('/api/admin/x', { method: 'OPTIONS', headers: { origin: 'https://app.example' } }), event),
      401,
      'unauthenticated',
    );
    expect(() => createSessionMiddleware({ preflight: { origins: ['app.example'] } })).toThrow('preflight.origins must be origins');
  });

  it('should pass preflights to the app only when asked to, with no identity', async () => {
    const open = createSessionMiddleware({ preflight: 'pass', clerk: clerkOptions });
    const res = await open(request('/api/x', { method: 'OPTIONS', headers: { 'access-control-request-method': 'POST' } }), event);
    expect(passedThrough(res)).toBe(true);
  });

  it('should answer an invalid bearer token with 401', async () => {
    await expectJson(await run(request('/api/admin/x', { bearer: 'not.a.jwt' })), 401, 'unauthenticated');
    const expired = await signToken({ ...admin, exp: Math.floor(Date.now() / 1000) - 120 });
    await expectJson(await run(request('/api/reports', { bearer: expired })), 401, 'unauthenticated');
  });

  it('should count a pending session as signed out', async () => {
    const pending = await signToken({ ...admin, sts: 'pending' });
    await expectJson(await run(request('/api/reports', { bearer: pending })), 401, 'unauthenticated');
    expect((await run(page('/dashboard', { cookie: pending }))).status).toBe(307);
  });
});

describe('given signed-in users through v2 claims', () => {
  it('should answer a member on the admin API with 403 JSON', async () => {
    await expectJson(await run(request('/api/admin/x', { bearer: await signToken(member) })), 403, 'forbidden');
    await expectJson(await run(request('/api/%61dmin/x', { bearer: await signToken(member) })), 403, 'forbidden');
    await expectJson(await run(request('/API/Admin/x', { bearer: await signToken(member) })), 403, 'forbidden');
  });

  // Next serves app/orgs/[id]/settings with id "acme/x"; read as /orgs/acme/x/settings no rule would match.
  it('should never let an encoded slash slip a member past a rule on a dynamic segment', async () => {
    const mw = createSessionMiddleware({
      rules: [{ routes: '/orgs/:id/settings', require: { role: 'org:admin' } }],
      clerk: clerkOptions,
    });
    const cookie = await signToken(member);
    expect((await mw(page('/orgs/acme/settings', { cookie }), event)).status).toBe(403);
    await expectJson(await mw(page('/orgs/acme%2Fx/settings', { cookie }), event), 400, 'bad_request');
    expect((await mw(page('/Orgs/acme/Settings', { cookie }), event)).status).toBe(403);
  });

  it('should show a member a 403 forbidden page on admin pages, not Clerk’s 404 rewrite', async () => {
    for (const path of ['/admin', '/Admin/users', '/x/../admin', '/admin.rsc']) {
      const res = await run(page(path, { cookie: await signToken(member) }));
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.headers.get('x-middleware-rewrite')).toBeNull();
      expect(res.headers.get('x-clerk-auth-reason')).not.toBe('protect-rewrite');
      expect(await res.text()).toContain('403 Forbidden');
    }
  });

  it('should answer a member’s server action on an admin page with 403 JSON', async () => {
    const res = await run(request('/admin', { method: 'POST', cookie: await signToken(member), headers: { 'next-action': 'abc' } }));
    await expectJson(res, 403, 'forbidden');
  });

  it('should pass an admin through, by cookie and by bearer token', async () => {
    expect(passedThrough(await run(page('/admin', { cookie: await signToken(admin) })))).toBe(true);
    expect(passedThrough(await run(request('/api/admin/x', { bearer: await signToken(admin) })))).toBe(true);
  });

  it('should pass a signed-in user on a route no rule covers (signed in is enough)', async () => {
    expect(passedThrough(await run(page('/settings', { cookie: await signToken(member) })))).toBe(true);
  });
});

describe('given auth resolution that throws', () => {
  it('should fail closed with 500 when a verified token’s claims break Clerk’s parser', async () => {
    const broken = await signToken({ ...admin, fea: 'no-scope-here' });
    const errors: unknown[] = [];
    const mw = createSessionMiddleware({ clerk: clerkOptions, onError: (e) => errors.push(e) });
    await expectJson(await mw(request('/api/x', { bearer: broken }), event), 500, 'auth_unavailable');
    const doc = await mw(page('/dashboard', { bearer: broken }), event);
    expect(doc.status).toBe(500);
    expect(passedThrough(doc)).toBe(false);
    expect(errors).toHaveLength(2);
    expect(String(errors[0])).toContain('Invalid claim element');
    // By cookie, Clerk itself catches the same error and calls the visitor signed out.
    const cookie = await mw(page('/dashboard', { cookie: broken }), event);
    expect(cookie.status).toBe(307);
    expect(cookie.headers.get('x-clerk-auth-reason')).toBe('unexpected-error');
  });

  it('should fail closed when Clerk’s options cannot be resolved', async () => {
    const mw = createSessionMiddleware({
      clerk: () => {
        throw new Error('secret store unreachable');
      },
      onError: () => undefined,
    });
    await expectJson(await mw(request('/api/x'), event), 500, 'auth_unavailable');
    const res = await mw(page('/'), event);
    expect(res.status).toBe(500);
    expect(passedThrough(res)).toBe(false);
  });
});
