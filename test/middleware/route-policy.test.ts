// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compileRoutePatterns, normalizePath } from '../../src/core/route-pattern';
import { explainRoute } from '../../src/core/route-explain';
import { compileRoutePolicy } from '../../src/core/route-policy';

describe('given request paths in every disguise', () => {
  it.each([
    ['/Admin', '/admin'],
    ['/admin/', '/admin'],
    ['//admin', '/admin'],
    ['\\admin', '/admin'],
    ['/x/../admin', '/admin'],
    ['/x/%2e%2e/admin', '/admin'],
    ['/api/%61dmin/x', '/api/admin/x'],
    ['/api%2Fadmin/x', '/api/admin/x'],
    ['/api/foo%2f..%2fadmin', '/api/admin'],
    ['/api/%2561dmin', '/api/%61dmin'],
    ['/../../etc', '/etc'],
    ['/ÉTÉ', '/été'],
    ['/', '/'],
  ])('should normalize %j to %j', (raw, path) => {
    expect(normalizePath(raw)).toEqual({ ok: true, path });
  });

  it('should reject malformed percent-encoding without throwing', () => {
    expect(normalizePath('/api/%zz')).toEqual({ ok: false, reason: 'bad-encoding' });
    expect(normalizePath('/%E0%A4%A')).toEqual({ ok: false, reason: 'bad-encoding' });
    expect(normalizePath('')).toEqual({ ok: false, reason: 'not-a-path' });
  });
});

describe('given the documented pattern syntax', () => {
  const match = compileRoutePatterns(['/', '/sign-in', '/sign-in/*', '/orgs/:id/settings', '/robots.txt']);

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
    expect(policy.decide('/app/fr/sign-in/factor-one')).toMatchObject({ ok: true, public: true, locale: 'fr', path: '/sign-in/factor-one' });
    expect(policy.decide('/app/sign-up')).toMatchObject({ public: true });
  });

  it('should unwrap Next data routes, RSC payloads and segment prefetches before matching', () => {
    for (const raw of ['/app/_next/data/BUILD/admin.json', '/app/_next/data/BUILD/fr/admin.json', '/app/admin.rsc', '/app/admin.prefetch.rsc', '/app/admin.segments/_tree.segment.rsc']) {
      expect(policy.decide(raw)).toMatchObject({ ok: true, path: '/admin', public: false, rules: [{ index: 0, pattern: '/admin/*' }] });
    }
    expect(policy.decide('/app/_next/data/BUILD/index.json')).toMatchObject({ path: '/', public: true });
  });

  it('should let rules win over public routes, and say so when explaining', () => {
    expect(policy.decide('/app/admin/help')).toMatchObject({ public: false });
    const why = explainRoute(options, '/app/admin/help');
    expect(why).toMatchObject({ outcome: 'requirements', publicPattern: '/admin/help', rules: [{ index: 0, pattern: '/admin/*' }] });
    expect(why.reason).toContain('rules win over publicRoutes');
  });

  it('should explain deny-by-default, APIs, organizations and bad paths', () => {
    expect(explainRoute(options, '/app/settings')).toMatchObject({ outcome: 'signed-in', kind: 'page', reason: 'Needs a signed-in user: no public pattern matches (deny by default).' });
    expect(explainRoute(options, '/app/api/admin/x')).toMatchObject({ kind: 'api', apiPattern: '/api/*', outcome: 'requirements' });
    expect(explainRoute(options, '/app/en/team/x')).toMatchObject({ outcome: 'requirements', organizationPattern: '/team/*', locale: 'en' });
    expect(explainRoute(options, '/app/%zz')).toMatchObject({ outcome: 'bad-request' });
    expect(explainRoute(options, '/app/blog/post')).toMatchObject({ outcome: 'public', publicPattern: '/blog/*' });
  });

  it('should reject a basePath that is not a path and a rule without requirements', () => {
    expect(() => compileRoutePolicy({ basePath: 'app' })).toThrow('basePath must be a path');
    expect(() => compileRoutePolicy({ rules: [{ routes: '/x', require: { permission: [] } }] })).toThrow('createSessionMiddleware rules[0]: `permission` must be a non-empty string');
    expect(() => compileRoutePolicy({ publicRoutes: ['/docs(.*)'] })).toThrow('invalid route pattern "/docs(.*)"');
  });
});
