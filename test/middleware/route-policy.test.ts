// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compileRoutePatterns, normalizePath } from '../../src/core/route-pattern';
import { explainRoute } from '../../src/core/route-explain';
import { compileRoutePolicy } from '../../src/core/route-policy';

describe('given request paths in every disguise', () => {
  it.each([
    ['/Admin', '/Admin'],
    ['/admin/', '/admin'],
    ['//admin', '/admin'],
    ['/x/../admin', '/admin'],
    ['/api/%61dmin/x', '/api/admin/x'],
    ['/api/%2561dmin', '/api/%61dmin'],
    ['/../../etc', '/etc'],
    ['/%C3%89T%C3%89', '/ÉTÉ'],
    ['/ÉTÉ', '/ÉTÉ'],
    ['/', '/'],
  ])('should read %j as %j: decoded once per segment, case kept, as Next finds static routes', (raw, path) => {
    expect(normalizePath(raw)).toMatchObject({ ok: true, path });
  });

  it('should keep the encoded reading too, on which Next matches dynamic routes', () => {
    expect(normalizePath('/s%69gn-in/x/../settings')).toEqual({
      ok: true,
      path: '/sign-in/settings',
      encoded: '/s%69gn-in/settings',
    });
    expect(normalizePath('/sign-in/settings')).toEqual({ ok: true, path: '/sign-in/settings' });
  });

  // Next has two readings of these (a slash for static routes, part of a [param] for dynamic ones).
  it.each(['/api%2Fadmin/x', '/api/foo%2f..%2fadmin', '/a%5cb', '/\\admin', '/x/%2e%2e/admin', '/x/.%2E/admin', '/x/%2e'])(
    'should refuse %j as ambiguous',
    (raw) => {
      expect(normalizePath(raw)).toEqual({ ok: false, reason: 'ambiguous' });
    },
  );

  it('should reject malformed percent-encoding and non-paths without throwing', () => {
    expect(normalizePath('/api/%zz')).toEqual({ ok: false, reason: 'bad-encoding' });
    expect(normalizePath('/%E0%A4%A')).toEqual({ ok: false, reason: 'bad-encoding' });
    expect(normalizePath('/%C0%AF')).toEqual({ ok: false, reason: 'bad-encoding' });
    expect(normalizePath('')).toEqual({ ok: false, reason: 'not-a-path' });
    expect(normalizePath('admin')).toEqual({ ok: false, reason: 'not-a-path' });
  });
});

describe('given the documented pattern syntax', () => {
  const match = compileRoutePatterns(['/', '/sign-in', '/sign-in/*', '/orgs/:id/settings', '/robots.txt']);

  it('should match case-insensitively by default (lower-cased paths), and exactly as written when case-sensitive', () => {
    const exact = compileRoutePatterns(['/sign-in/*', '/Docs'], true);
    expect(exact('/sign-in/x')).toBe(0);
    expect(exact('/Sign-In/x')).toBe(-1);
    expect(exact('/Docs')).toBe(1);
    expect(exact('/docs')).toBe(-1);
    expect(compileRoutePatterns(['/Docs'])('/docs')).toBe(0);
  });

  it('should make /sign-in and everything below it match, but not /sign-inX', () => {
    expect(match('/sign-in')).toBe(1);
    expect(match('/sign-in/factor-one')).toBe(2);
    expect(match('/sign-inx')).toBe(-1);
    expect(match('/sign-in-secret')).toBe(-1);
  });

  it('should match the root only for "/", one segment for ":id", and dots literally', () => {
    expect(match('/')).toBe(0);
    expect(match('/anything')).toBe(-1);
    expect(match('/orgs/acme/settings')).toBe(3);
    expect(match('/orgs/settings')).toBe(-1);
    expect(match('/orgs/a/b/settings')).toBe(-1);
    expect(match('/robots.txt')).toBe(4);
    expect(match('/robotsxtxt')).toBe(-1);
  });

  it('should make "/x/*" cover "/x" itself, so a rule for "/admin/*" guards the admin index', () => {
    expect(compileRoutePatterns(['/admin/*'])('/admin')).toBe(0);
  });

  it.each([
    ['/sign-in*', '"*" only as the whole last segment: write "/x" and "/x/*"'],
    ['/sign-in(.*)', 'not a regular expression'],
    ['admin', 'it must start with "/"'],
    ['/a//b', 'empty segment'],
    ['/a/../b', '"." or ".." segment'],
    ['/a/*/b', '"*" only as the whole last segment'],
    ['/%61dmin', 'bad character in "%61dmin"'],
  ])('should throw at compile time for %j, naming it', (pattern, why) => {
    expect(() => compileRoutePatterns(['/', pattern])).toThrow(`invalid route pattern ${JSON.stringify(pattern)}`);
    expect(() => compileRoutePatterns(['/', pattern])).toThrow(why);
  });
});

describe('given a policy with public routes, API routes, rules, locales and a basePath', () => {
  const options = {
    publicRoutes: ['/', '/blog/*', '/admin/help'],
    rules: [{ routes: ['/admin/*', '/api/admin/*'], require: { permission: 'org:reports:manage' } }],
    organizationRoutes: ['/team/*'],
    locales: ['en', 'fr'],
    basePath: '/app',
  };
  const policy = compileRoutePolicy(options);

  it('should add the sign-in and sign-up routes to the allowlist so sign-in never loops', () => {
    expect(policy.decide('/app/sign-in')).toMatchObject({ ok: true, public: true });
    expect(policy.decide('/app/fr/sign-in/factor-one')).toMatchObject({
      ok: true,
      public: true,
      locale: 'fr',
      path: '/sign-in/factor-one',
    });
    expect(policy.decide('/app/sign-up')).toMatchObject({ public: true });
  });

  it('should unwrap Next data routes, RSC payloads and segment prefetches before matching', () => {
    for (const raw of [
      '/app/_next/data/BUILD/admin.json',
      '/app/_next/data/BUILD/fr/admin.json',
      '/app/admin.rsc',
      '/app/admin.prefetch.rsc',
      '/app/admin.segments/_tree.segment.rsc',
    ]) {
      expect(policy.decide(raw)).toMatchObject({
        ok: true,
        path: '/admin',
        public: false,
        rules: [{ index: 0, pattern: '/admin/*' }],
      });
    }
    expect(policy.decide('/app/_next/data/BUILD/index.json')).toMatchObject({ path: '/', public: true });
  });

  it('should let rules win over public routes, and say so when explaining', () => {
    expect(policy.decide('/app/admin/help')).toMatchObject({ public: false });
    const why = explainRoute(options, '/app/admin/help');
    expect(why).toMatchObject({
      outcome: 'requirements',
      publicPattern: '/admin/help',
      rules: [{ index: 0, pattern: '/admin/*' }],
    });
    expect(why.reason).toContain('rules win over publicRoutes');
  });

  it('should explain deny-by-default, APIs, organizations and bad paths', () => {
    expect(explainRoute(options, '/app/settings')).toMatchObject({
      outcome: 'signed-in',
      kind: 'page',
      reason: 'Needs a signed-in user: no public pattern matches (deny by default).',
    });
    expect(explainRoute(options, '/app/api/admin/x')).toMatchObject({
      kind: 'api',
      apiPattern: '/api/*',
      outcome: 'requirements',
    });
    expect(explainRoute(options, '/app/en/team/x')).toMatchObject({
      outcome: 'requirements',
      organizationPattern: '/team/*',
      locale: 'en',
    });
    expect(explainRoute(options, '/app/%zz')).toMatchObject({ outcome: 'bad-request' });
    expect(explainRoute(options, '/app/en/blog/post')).toMatchObject({ outcome: 'public', publicPattern: '/blog/*' });
    // Without a listed locale, /blog/post may also be [locale]=blog + /post, which is not public.
    expect(explainRoute(options, '/app/blog/post')).toMatchObject({ outcome: 'signed-in', publicPattern: '/blog/*' });
    expect(explainRoute(options, '/app/blog/post').reason).toContain('Next may also route it as another path');
    expect(explainRoute({ ...options, unlistedLocale: 'not-found' }, '/app/blog/post')).toMatchObject({
      outcome: 'public',
    });
  });

  it('should never make a non-ASCII literal public, as browsers send it encoded (the documented cost)', () => {
    const cafe = compileRoutePolicy({ publicRoutes: ['/café', '/blog/*'] });
    expect(cafe.decide('/caf%C3%A9')).toMatchObject({ ok: true, public: false });
    expect(cafe.decide('/blog/caf%C3%A9')).toMatchObject({ ok: true, public: true });
  });

  it('should reject a basePath that is not a path and a rule without requirements', () => {
    expect(() => compileRoutePolicy({ basePath: 'app' })).toThrow('basePath must be a path');
    expect(() => compileRoutePolicy({ rules: [{ routes: '/x', require: { permission: [] } }] })).toThrow(
      'createSessionMiddleware rules[0]: `permission` must be a non-empty string',
    );
    expect(() => compileRoutePolicy({ publicRoutes: ['/docs(.*)'] })).toThrow('invalid route pattern "/docs(.*)"');
  });
});
