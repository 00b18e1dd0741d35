// @vitest-environment node
/**
 * The route audit against a small node:http app that plays a Next app: a guard in front of a
 * router. Leaky, it serves one route to anyone (/open, not in publicRoutes) and guards /admin
 * case-sensitively in front of a router that folds case (/ADMIN gets through). Fixed, both are
 * guarded and the router is case-sensitive.
 */
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditRoutes,
  formatAuditTable,
  readNextRoutes,
  runRouteAuditCli,
  type RouteAuditOptions,
  type RouteAuditResult,
} from '../../src/middleware/testing';

const PAGES = ['/', '/sign-in', '/open', '/admin', '/orgs/acme/settings'];
const personas = [{ name: 'signed-out' }, { name: 'member', cookie: 'session=member' }];

function playApp(leaky: boolean) {
  return (req: IncomingMessage, res: ServerResponse) => {
    // The path as sent (new URL() would read `//admin` as a host).
    const [pathname = '/', query = ''] = (req.url ?? '/').split('?');
    // RSC cache busting as Next 16 does it: an RSC request without `_rsc` is sent back with it.
    if (req.headers.rsc === '1' && !new URLSearchParams(query).has('_rsc')) {
      res.writeHead(307, { location: `${pathname}?_rsc=abc` }).end();
      return;
    }
    const signedIn = req.headers.cookie === 'session=member';
    const guarded = pathname.startsWith('/admin') || pathname.startsWith('/orgs/') || (!leaky && pathname === '/open');
    if (guarded && !signedIn) {
      res.writeHead(307, { location: `/sign-in?redirect_url=${encodeURIComponent(pathname)}` }).end();
      return;
    }
    const routed = leaky ? pathname.toLowerCase() : pathname;
    res.writeHead(PAGES.includes(routed) ? 200 : 404, { 'content-type': 'text/html' }).end(`<p>${routed}</p>`);
  };
}

const servers: Server[] = [];
async function serve(leaky: boolean): Promise<string> {
  const server = createServer(playApp(leaky)).listen(0, '127.0.0.1');
  servers.push(server);
  await once(server, 'listening');
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

let leakyUrl = '';
let fixedUrl = '';
beforeAll(async () => {
  [leakyUrl, fixedUrl] = await Promise.all([serve(true), serve(false)]);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

const audit = (baseUrl: string, extra: Partial<RouteAuditOptions> = {}) =>
  auditRoutes({
    baseUrl,
    routes: ['/', '/sign-in', '/open', '/admin', '/orgs/[orgSlug]/settings'],
    personas,
    publicRoutes: ['/'],
    params: { orgSlug: 'acme' },
    ...extra,
  });
const kinds = (result: RouteAuditResult) => result.findings.map((f) => `${f.kind} ${f.route} ${f.variant} ${f.persona}`);

describe('given an app with an unguarded route and a guard that a variant slips past', () => {
  it('should flag the route served to a signed-out visitor that publicRoutes does not list', async () => {
    const result = await audit(leakyUrl);
    expect(kinds(result)).toContain('unlisted-public /open plain signed-out');
    expect(result.findings.filter((f) => f.kind === 'unlisted-public')).toHaveLength(1);
  });

  it('should flag the variant that answers 200 where the plain path redirects to sign-in', async () => {
    const result = await audit(leakyUrl);
    expect(kinds(result)).toEqual(
      expect.arrayContaining([
        'more-permissive-variant /admin upper-case signed-out',
        'more-permissive-variant /orgs/[orgSlug]/settings upper-case signed-out',
      ]),
    );
    expect(result.findings.filter((f) => f.kind === 'more-permissive-variant').map((f) => f.variant)).toEqual(['upper-case', 'upper-case']);
    const row = result.rows.find((r) => r.route === '/admin' && r.variant === 'upper-case');
    expect(row).toMatchObject({
      path: '/ADMIN',
      answers: { 'signed-out': { status: 200 }, member: { status: 200 } },
      differs: ['signed-out'],
    });
  });

  it('should print one table with the plain answers, the differing variants marked, and the findings', async () => {
    const table = formatAuditTable(await audit(leakyUrl));
    const line = (start: string) => table.split('\n').find((l) => l.startsWith(start)) ?? '';
    expect(line('route')).toMatch(/^route\s+signed-out\s+member$/);
    expect(line('/admin ')).toMatch(/^\/admin\s+307 → \/sign-in\s+200$/);
    expect(line('  ↳ upper-case')).toMatch(/^ {2}↳ upper-case\s+200 !\s+=$/);
    expect(line('/open ')).toMatch(/^\/open\s+200 !\s+200$/);
    expect(table).toContain('3 finding(s):');
    expect(table).toContain('✗ unlisted-public: /open answers 200 to signed-out, and publicRoutes does not list it');
  });
});

describe('given an app where every route is guarded on every variant', () => {
  it('should find nothing', async () => {
    const result = await audit(fixedUrl);
    expect(result.findings).toEqual([]);
    expect(formatAuditTable(result)).toContain('No findings.');
  });

  it('should follow the RSC cache-busting redirect to the answer behind it', async () => {
    const result = await audit(fixedUrl, { routes: ['/'], variants: ['rsc-header'] });
    expect(result.rows.map((r) => [r.variant, r.answers['signed-out']])).toEqual([
      ['plain', { status: 200 }],
      ['rsc-header', { status: 200 }],
    ]);
  });

  it('should count the sign-in page as public, as the middleware does', async () => {
    const result = await audit(fixedUrl, { publicRoutes: [] });
    expect(kinds(result)).toEqual(['unlisted-public / plain signed-out']);
  });
});

describe('given an app that does not answer', () => {
  it('should report every request as a finding, never a clean audit', async () => {
    const server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    const address = server.address();
    await new Promise((resolve) => server.close(resolve));
    const port = address && typeof address === 'object' ? address.port : 0;
    const result = await audit(`http://127.0.0.1:${port}`, { routes: ['/admin'], variants: [] });
    expect(kinds(result)).toEqual(['no-answer /admin plain signed-out', 'no-answer /admin plain member']);
    expect(formatAuditTable(result)).toMatch(/^\/admin\s+no answer !\s+no answer !$/m);
  });

  it('should refuse two personas with one name', async () => {
    await expect(audit(fixedUrl, { personas: [{ name: 'a' }, { name: 'a', cookie: 'session=member' }] })).rejects.toThrow(TypeError);
  });
});

describe('given a dynamic route without params', () => {
  it('should request it with the placeholder x and say so in the table', async () => {
    const result = await audit(fixedUrl, { routes: ['/orgs/[orgSlug]/settings'], params: {}, variants: [] });
    expect(result.rows).toMatchObject([{ path: '/orgs/x/settings', placeholders: ['orgSlug'] }]);
    expect(formatAuditTable(result)).toContain('/orgs/[orgSlug]/settings (orgSlug)');
  });

  it('should prefer a prerendered path of the route to the placeholder', async () => {
    const result = await audit(fixedUrl, {
      routes: ['/orgs/[orgSlug]/settings'],
      params: {},
      samples: { '/orgs/[orgSlug]/settings': '/orgs/acme/settings' },
      variants: [],
    });
    expect(result.rows).toMatchObject([{ path: '/orgs/acme/settings', placeholders: [], answers: { member: { status: 200 } } }]);
  });
});

describe('given the manifests of a next build', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'csk-route-audit-'));
    // The shapes next build 16 writes (trimmed).
    const page = (p: string) => ({ page: p, regex: '', routeKeys: {}, namedRegex: '' });
    await writeFile(
      join(dir, 'routes-manifest.json'),
      JSON.stringify({
        version: 3,
        basePath: '',
        staticRoutes: ['/', '/_global-error', '/_not-found', '/sign-in', '/open', '/admin'].map(page),
        dynamicRoutes: [page('/orgs/[orgSlug]/settings')],
      }),
    );
    await writeFile(
      join(dir, 'app-path-routes-manifest.json'),
      JSON.stringify({ '/page': '/', '/admin/page': '/admin', '/_not-found/page': '/_not-found' }),
    );
    await writeFile(
      join(dir, 'prerender-manifest.json'),
      JSON.stringify({ version: 4, routes: { '/': { srcRoute: '/' }, '/orgs/acme/settings': { srcRoute: '/orgs/[orgSlug]/settings' } } }),
    );
    await writeFile(join(dir, 'BUILD_ID'), 'build-1\n');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('should read the routes, without Next’s own pages, with a prerendered sample and the build id', async () => {
    expect(await readNextRoutes({ readFile, dir })).toEqual({
      routes: ['/', '/admin', '/open', '/orgs/[orgSlug]/settings', '/sign-in'],
      samples: { '/orgs/[orgSlug]/settings': '/orgs/acme/settings' },
      basePath: '',
      buildId: 'build-1',
    });
  });

  it('should say to run next build when there is no manifest', async () => {
    await expect(readNextRoutes({ readFile, dir: join(dir, 'missing') })).rejects.toThrow(/run next build first/);
  });

  it('should run from the command line: the table printed, exit code 1 with findings and 0 without', async () => {
    const printed: string[] = [];
    const argv = ['--dir', dir, '--public', '/', '--persona', 'signed-out', '--persona', 'member=session=member'];
    const log = (text: string) => printed.push(text);
    expect(await runRouteAuditCli(['--url', leakyUrl, ...argv], { readFile, log })).toBe(1);
    expect(printed.join('\n')).toContain('✗ unlisted-public: /open answers 200 to signed-out');
    expect(await runRouteAuditCli(['--url', fixedUrl, ...argv], { readFile, log })).toBe(0);
    expect(printed.at(-1)).toContain('No findings.');
    expect(await runRouteAuditCli(['--bogus', 'x'], { readFile, log })).toBe(2);
  });
});
