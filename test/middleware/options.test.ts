// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RateLimiter, RateLimitInput } from '../../src/core/rate-limit-contract';
import { createSessionMiddleware, IDENTITY_HEADERS } from '../../src/middleware';
import { explainRoute } from '../../src/middleware/testing';
import { admin, clerkOptions, member, page, personal, request, signToken, ORIGIN } from '../support/clerk';
import { event, forwardedHeaders } from './support/next';

const passedThrough = (res: Response) =>
  res.headers.get('x-middleware-next') === '1' || res.headers.get('x-middleware-rewrite')?.startsWith(ORIGIN) === true;
const location = (res: Response) => {
  const url = new URL(res.headers.get('location')!);
  return { origin: url.origin, path: url.pathname, back: url.searchParams.get('redirect_url') };
};

afterEach(() => vi.restoreAllMocks());

describe('given rules for role, permission, feature, plan and a function of has', () => {
  const mw = createSessionMiddleware({
    rules: [
      { routes: '/owners/*', require: { role: 'admin' } },
      { routes: '/reports/*', require: { permission: 'org:reports:read' } },
      { routes: '/beta/*', require: { feature: 'u:beta' } },
      { routes: '/pro/*', require: { plan: 'pro' } },
      { routes: '/either/*', require: { role: 'admin', plan: 'free', match: 'any' } },
      {
        routes: '/custom/*',
        require: (has) => has({ permission: 'org:invoices:manage' }) && has({ feature: 'reports' }),
      },
      { routes: '/pro/*', require: { permission: 'org:invoices:read' } },
    ],
    clerk: clerkOptions,
  });
  const outcome = async (path: string, claims: Parameters<typeof signToken>[0]) => {
    const res = await mw(page(path, { cookie: await signToken(claims) }), event);
    return passedThrough(res) ? 'pass' : res.status;
  };

  it.each([
    ['/owners', member, 403],
    ['/owners', admin, 'pass'],
    ['/reports/q1', member, 'pass'],
    ['/reports/q1', personal, 403],
    ['/beta/x', member, 403],
    ['/beta/x', admin, 'pass'],
    ['/pro/x', member, 403],
    ['/pro/x', admin, 'pass'],
    ['/either/x', member, 'pass'],
    ['/either/x', personal, 403],
    ['/custom/x', member, 403],
    ['/custom/x', admin, 'pass'],
  ] as const)('should answer %s for %o with %s', async (path, claims, expected) => {
    expect(await outcome(path, claims)).toBe(expected);
  });

  it('should require every matching rule, in any order', async () => {
    // /pro/* has two rules: plan pro AND org:invoices:read. An admin of another org with pro but no invoices fails.
    const proWithoutInvoices = {
      sub: 'user_x',
      o: { id: 'org_b', rol: 'member', slg: 'b', per: 'read', fpm: '1' },
      fea: 'o:reports',
      pla: 'o:pro',
    };
    expect(await outcome('/pro/x', proWithoutInvoices)).toBe(403);
  });

  it('should call a custom forbidden response for documents', async () => {
    const custom = createSessionMiddleware({
      rules: [{ routes: '/admin/*', require: { role: 'admin' } }],
      forbidden: (_req, info) => new Response(`no access to ${info.path} (rule ${info.rule})`, { status: 403 }),
      clerk: clerkOptions,
    });
    const res = await custom(page('/Admin/Users', { cookie: await signToken(member) }), event);
    expect(res.status).toBe(403);
    expect(await res.text()).toBe('no access to /Admin/Users (rule 0)');
  });
});

describe('given routes that need an active organization', () => {
  const mw = createSessionMiddleware({ organizationRoutes: ['/team/*', '/api/team/*'], clerk: clerkOptions });

  it('should send a user without an active organization to the selection page, with the way back', async () => {
    const res = await mw(page('/team/billing', { cookie: await signToken(personal) }), event);
    expect(res.status).toBe(307);
    expect(location(res)).toEqual({ origin: ORIGIN, path: '/select-organization', back: '/team/billing' });
  });

  it('should answer the API with 403 organization_required and let members through', async () => {
    const res = await mw(request('/api/team/x', { bearer: await signToken(personal) }), event);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: 'organization_required' });
    expect(passedThrough(await mw(page('/team/billing', { cookie: await signToken(member) }), event))).toBe(true);
  });

  it('should never require an organization on the selection page itself', async () => {
    const loop = createSessionMiddleware({
      organizationRoutes: ['/*'],
      organizationSelectionUrl: '/orgs/select',
      clerk: clerkOptions,
    });
    expect(passedThrough(await loop(page('/orgs/select', { cookie: await signToken(personal) }), event))).toBe(true);
    expect((await loop(page('/anything', { cookie: await signToken(personal) }), event)).status).toBe(307);
  });
});

describe('given locale prefixes and a basePath', () => {
  it('should protect /fr/admin and /en/admin, keep /en/sign-in public, and redirect within the locale', async () => {
    const mw = createSessionMiddleware({
      locales: ['en', 'fr'],
      rules: [{ routes: '/admin/*', require: { role: 'admin' } }],
      clerk: clerkOptions,
    });
    const fr = await mw(page('/fr/admin'), event);
    expect(location(fr)).toEqual({ origin: ORIGIN, path: '/fr/sign-in', back: '/fr/admin' });
    expect((await mw(page('/en/admin', { cookie: await signToken(member) }), event)).status).toBe(403);
    expect(passedThrough(await mw(page('/en/sign-in'), event))).toBe(true);
    expect(passedThrough(await mw(page('/fr/sign-in/factor-one'), event))).toBe(true);
  });

  it('should read a first segment that is not a listed locale both ways, and send its visitors to the first locale', async () => {
    const mw = createSessionMiddleware({
      locales: ['en', 'fr'],
      publicRoutes: ['/'],
      rules: [{ routes: '/admin/*', require: { role: 'admin' } }],
      clerk: clerkOptions,
    });
    // `[locale]` takes any value: Next serves /xx/admin and /EN/admin from app/[locale]/admin.
    for (const path of ['/xx/admin', '/EN/admin', '/sign-in/admin']) {
      expect((await mw(page(path, { cookie: await signToken(member) }), event)).status).toBe(403);
    }
    // /sign-in/settings is also app/[locale]/settings (locale "sign-in"): public only if /settings is.
    expect(location(await mw(page('/sign-in/settings'), event))).toEqual({
      origin: ORIGIN,
      path: '/en/sign-in',
      back: '/sign-in/settings',
    });
    // Listed locales are matched as written: /EN/Sign-In is not the public /en/sign-in.
    expect(location(await mw(page('/EN/Sign-In/factor-one'), event))).toEqual({
      origin: ORIGIN,
      path: '/en/sign-in',
      back: '/EN/Sign-In/factor-one',
    });
    // The sign-in it sends to is public, so it never loops.
    expect(passedThrough(await mw(page('/en/sign-in'), event))).toBe(true);
    expect(passedThrough(await mw(page('/sign-in'), event))).toBe(true);
  });

  it('should match below the basePath and redirect to sign-in inside it', async () => {
    const mw = createSessionMiddleware({ basePath: '/docs', clerk: clerkOptions });
    const res = await mw(page('/docs/private?x=1'), event);
    expect(location(res)).toEqual({ origin: ORIGIN, path: '/docs/sign-in', back: '/docs/private?x=1' });
    expect(passedThrough(await mw(page('/docs/sign-in'), event))).toBe(true);
  });

  it('should send to an absolute sign-in URL (an account portal) unchanged', async () => {
    const mw = createSessionMiddleware({ signInUrl: 'https://accounts.app.test/sign-in', clerk: clerkOptions });
    const res = await mw(page('/dashboard?tab=1'), event);
    expect(location(res)).toEqual({
      origin: 'https://accounts.app.test',
      path: '/sign-in',
      back: 'https://app.test/dashboard?tab=1',
    });
  });
});

describe('given identity headers', () => {
  const names = Object.values(IDENTITY_HEADERS);
  const spoofed = Object.fromEntries(names.map((n) => [n, 'user_attacker']));

  it('should add the user, organization and role for the app when enabled', async () => {
    const mw = createSessionMiddleware({ identityHeaders: true, clerk: clerkOptions });
    const req = page('/dashboard', { cookie: await signToken(admin), headers: spoofed });
    const seen = forwardedHeaders(await mw(req, event), req);
    expect(seen.get(IDENTITY_HEADERS.userId)).toBe('user_admin');
    expect(seen.get(IDENTITY_HEADERS.orgId)).toBe('org_acme');
    expect(seen.get(IDENTITY_HEADERS.orgRole)).toBe('org:admin');
  });

  it('should strip copies a client sends, whether enabled or not, and signed out or not', async () => {
    for (const mw of [
      createSessionMiddleware({ publicRoutes: ['/'], identityHeaders: true, clerk: clerkOptions }),
      createSessionMiddleware({ publicRoutes: ['/'], clerk: clerkOptions }),
    ]) {
      const req = page('/', { headers: spoofed });
      const res = await mw(req, event);
      expect(passedThrough(res)).toBe(true);
      const seen = forwardedHeaders(res, req);
      for (const name of names) expect(seen.has(name)).toBe(false);
      const signedIn = page('/dashboard', { cookie: await signToken(personal), headers: spoofed });
      const signedInRes = await mw(signedIn, event);
      expect(passedThrough(signedInRes)).toBe(true);
      const seenSignedIn = forwardedHeaders(signedInRes, signedIn);
      expect(seenSignedIn.get(IDENTITY_HEADERS.orgId)).toBeNull();
      expect([null, 'user_solo']).toContain(seenSignedIn.get(IDENTITY_HEADERS.userId));
    }
  });
});

describe('given a rate limiter', () => {
  function fakeLimiter(allowUntil: number) {
    const calls: Omit<RateLimitInput, 'request'>[] = [];
    const limiter: RateLimiter = {
      async check({ userId, path }) {
        calls.push({ userId, path });
        const headers = new Headers({
          'RateLimit-Policy': '"burst";q=2;w=60',
          RateLimit: `"burst";r=${Math.max(allowUntil - calls.length, 0)};t=60`,
        });
        if (calls.length <= allowUntil) return { allowed: true, headers };
        headers.set('Retry-After', '60');
        return {
          allowed: false,
          headers,
          response: Response.json({ error: 'rate_limited' }, { status: 429, headers }),
        };
      },
    };
    return { limiter, calls };
  }

  it('should check once per request after auth, with the user id and the normalized path', async () => {
    const { limiter, calls } = fakeLimiter(10);
    const mw = createSessionMiddleware({ locales: ['fr'], rateLimit: limiter, clerk: clerkOptions });
    await mw(request('/fr/API/%61ccount/', { bearer: await signToken(member) }), event);
    await mw(request('/api/x'), event);
    await mw(page('/sign-in'), event);
    expect(calls).toEqual([
      { userId: 'user_member', path: '/api/account' },
      { userId: null, path: '/api/x' },
      { userId: null, path: '/sign-in' },
    ]);
  });

  it('should copy the limiter headers onto API pass-throughs and the JSON it creates, not onto pages', async () => {
    const { limiter } = fakeLimiter(10);
    const mw = createSessionMiddleware({ rateLimit: limiter, clerk: clerkOptions });
    const ok = await mw(request('/api/x', { bearer: await signToken(member) }), event);
    expect(passedThrough(ok)).toBe(true);
    expect(ok.headers.get('ratelimit')).toBe('"burst";r=9;t=60');
    const denied = await mw(request('/api/x'), event);
    expect(denied.status).toBe(401);
    expect(denied.headers.get('ratelimit-policy')).toBe('"burst";q=2;w=60');
    const doc = await mw(page('/dashboard', { cookie: await signToken(member) }), event);
    expect(doc.headers.get('ratelimit')).toBeNull();
  });

  it('should answer request N+1 with the limiter’s 429 before anything else', async () => {
    const { limiter } = fakeLimiter(1);
    const mw = createSessionMiddleware({ rateLimit: limiter, clerk: clerkOptions });
    const token = await signToken(admin);
    expect(passedThrough(await mw(request('/api/x', { bearer: token }), event))).toBe(true);
    const res = await mw(request('/api/x', { bearer: token }), event);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('60');
    expect(await res.json()).toEqual({ error: 'rate_limited' });
  });
});

describe('given a misconfiguration', () => {
  it('should throw when created, naming the invalid pattern', () => {
    expect(() => createSessionMiddleware({ publicRoutes: ['/', '/sign-in(.*)'] })).toThrow('invalid route pattern "/sign-in(.*)"');
    expect(() => createSessionMiddleware({ rules: [{ routes: '/admin*', require: { role: 'admin' } }] })).toThrow(
      'invalid route pattern "/admin*"',
    );
  });

  it('should warn in development about org:sys_* permissions, which are never in the session token', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    createSessionMiddleware({
      rules: [{ routes: '/members/*', require: { permission: 'org:sys_memberships:manage' } }],
      clerk: clerkOptions,
    });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"org:sys_memberships:manage"'));
    expect(warn.mock.calls[0]![0]).toContain('never in the session token');
  });

  it('should explain which rule matched and why, from the same options', () => {
    const options = { publicRoutes: ['/'], rules: [{ routes: '/admin/*', require: { role: 'admin' } }] };
    expect(explainRoute(options, '//Admin/../admin/users')).toMatchObject({
      path: '/admin/users',
      outcome: 'requirements',
      rules: [{ index: 0, pattern: '/admin/*' }],
    });
    expect(explainRoute(options, '/sign-inX').reason).toBe('Needs a signed-in user: no public pattern matches (deny by default).');
  });
});
