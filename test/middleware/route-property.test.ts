// @vitest-environment node
/**
 * The route policy alone, against a model of Next's App Router: for every generated path and every
 * variant of it, the kit's decision must be at least as strict as the requirement of the route file
 * Next would serve. The model follows next 16's server (read in node_modules/next/dist/server):
 * - the URL is parsed as WHATWG URLs are (`.`/`..` and `%2e` segments resolved); a raw `\` or
 *   `//` is answered with a 308 before routing (base-server, resolve-routes);
 * - a static route is found by the whole path decoded once (filesystem.js: `%2F` is a slash);
 * - dynamic routes match the encoded path segment by segment, case-sensitively, static segments
 *   before `[x]` before `[...x]` before `[[...x]]`; their values are decoded afterwards;
 * - a trailing slash is a 308; `.rsc` and `.segments/….segment.rsc` are unwrapped only in minimal
 *   mode (the model checks both modes).
 * `scripts/check-routes.mjs` checks the same thing against the real `next start`.
 */
import { describe, expect, it } from 'vitest';
import { compileRoutePolicy, type RoutePolicyOptions } from '../../src/core/route-policy';

type Need = 'public' | 'signed-in' | 'admin';
interface RouteFile {
  file: string;
  /** Segments as in the app folder: `x`, `[x]`, `[...x]`, `[[...x]]` (route groups left out). */
  segments: string[];
  need: Need;
}

const ROOT_ROUTES: RouteFile[] = [
  { file: 'app/page.tsx', segments: [], need: 'public' },
  { file: 'app/pricing/page.tsx', segments: ['pricing'], need: 'public' },
  { file: 'app/(marketing)/about/page.tsx', segments: ['about'], need: 'public' },
  { file: 'app/docs/[[...slug]]/page.tsx', segments: ['docs', '[[...slug]]'], need: 'public' },
  { file: 'app/sign-in/[[...sign-in]]/page.tsx', segments: ['sign-in', '[[...sign-in]]'], need: 'public' },
  { file: 'app/admin/page.tsx', segments: ['admin'], need: 'admin' },
  { file: 'app/admin/users/[id]/page.tsx', segments: ['admin', 'users', '[id]'], need: 'admin' },
  { file: 'app/admin/[...rest]/page.tsx', segments: ['admin', '[...rest]'], need: 'admin' },
  { file: 'app/billing/invoices/[id]/page.tsx', segments: ['billing', 'invoices', '[id]'], need: 'signed-in' },
  { file: 'app/[org]/settings/page.tsx', segments: ['[org]', 'settings'], need: 'signed-in' },
  { file: 'app/orgs/[id]/settings/page.tsx', segments: ['orgs', '[id]', 'settings'], need: 'admin' },
  { file: 'app/api/admin/users/[id]/route.ts', segments: ['api', 'admin', 'users', '[id]'], need: 'admin' },
  { file: 'app/api/webhooks/stripe/route.ts', segments: ['api', 'webhooks', 'stripe'], need: 'public' },
  { file: 'app/api/me/route.ts', segments: ['api', 'me'], need: 'signed-in' },
  { file: 'app/api/[...path]/route.ts', segments: ['api', '[...path]'], need: 'signed-in' },
];
// `/api/webhooks/stripe`, not `/api/webhooks/*`: below it, Next serves the signed-in catch-all
// app/api/[...path] (this test found that): a public wildcard must only cover public files.
const ROOT_POLICY: RoutePolicyOptions = {
  publicRoutes: ['/', '/pricing', '/about', '/docs', '/docs/*', '/api/webhooks/stripe'],
  rules: [{ routes: ['/admin', '/admin/*', '/api/admin/*', '/orgs/:id/settings'], require: { role: 'org:admin' } }],
};

const LOCALE_ROUTES: RouteFile[] = [
  { file: 'app/[locale]/page.tsx', segments: ['[locale]'], need: 'public' },
  {
    file: 'app/[locale]/sign-in/[[...sign-in]]/page.tsx',
    segments: ['[locale]', 'sign-in', '[[...sign-in]]'],
    need: 'public',
  },
  { file: 'app/[locale]/admin/page.tsx', segments: ['[locale]', 'admin'], need: 'admin' },
  { file: 'app/[locale]/dashboard/page.tsx', segments: ['[locale]', 'dashboard'], need: 'signed-in' },
  { file: 'app/api/me/route.ts', segments: ['api', 'me'], need: 'signed-in' },
];
const LOCALE_POLICY: RoutePolicyOptions = {
  basePath: '/base',
  locales: ['en', 'fr'],
  publicRoutes: ['/'],
  rules: [{ routes: ['/admin', '/admin/*'], require: { role: 'org:admin' } }],
};

const rank = (segment: string) => (segment.startsWith('[[...') ? 3 : segment.startsWith('[...') ? 2 : segment.startsWith('[') ? 1 : 0);

/** Next's order: compare segment by segment, static before dynamic before catch-alls. */
function sortRoutes(routes: RouteFile[]): RouteFile[] {
  return [...routes].sort((a, b) => {
    for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
      const x = a.segments[i];
      const y = b.segments[i];
      if (x === undefined) return -1;
      if (y === undefined) return 1;
      if (rank(x) !== rank(y)) return rank(x) - rank(y);
    }
    return 0;
  });
}

function matchesEncoded(route: RouteFile, parts: string[]): boolean {
  let i = 0;
  for (const segment of route.segments) {
    const kind = rank(segment);
    if (kind === 3) return true;
    if (kind === 2) return i < parts.length;
    if (i >= parts.length) return false;
    if (kind === 0 && parts[i] !== segment) return false;
    i++;
  }
  return i === parts.length;
}

/** The route file Next serves for a request path as sent, or null (308, 404, 400). */
function nextServes(routes: RouteFile[], raw: string, options: { basePath?: string; minimal: boolean }): RouteFile | null {
  if (/\\|\/\//.test(raw.split('?')[0]!)) return null; // 308 to the cleaned URL
  let path = new URL(`http://n${raw}`).pathname;
  if (path.length > 1 && path.endsWith('/')) return null; // 308 without the trailing slash
  if (options.basePath) {
    if (path !== options.basePath && !path.startsWith(`${options.basePath}/`)) return null;
    path = path.slice(options.basePath.length) || '/';
  }
  if (options.minimal) {
    const segmentPrefetch = /^(\/.*)\.segments(\/.*)\.segment\.rsc$/.exec(path);
    if (segmentPrefetch) path = segmentPrefetch[1]!;
    else if (path.endsWith('.rsc')) path = path.slice(0, -4) || '/';
    if (path === '/index') path = '/';
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null; // DecodeError: 400
  }
  const sorted = sortRoutes(routes);
  const staticHit = sorted.find(
    (r) => r.segments.every((s) => rank(s) === 0) && `/${r.segments.join('/')}` === (decoded === '/' ? '/' : decoded),
  );
  if (staticHit) return staticHit;
  const parts = path === '/' ? [] : path.slice(1).split('/');
  return sorted.find((r) => r.segments.some((s) => rank(s) > 0) && matchesEncoded(r, parts)) ?? null;
}

/** A seeded PRNG (mulberry32): the same paths on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    int: (n: number) => Math.floor(next() * n),
  };
}

const VALUES = [
  'x',
  'acme',
  '42',
  'Sign-In',
  'sign-in',
  'pricing',
  'pricing.segments',
  '.segments',
  'a.rsc',
  'x%2F..%2F..',
  '%2e%2e',
  '..',
  '.',
  'en',
  'EN',
  'xx',
  'admin',
  'Admin',
  'ſign-in',
  'ａdmin',
  'a;b',
  'a%252Fb',
  '%C3%A9',
  'webhooks',
  'users',
  'settings',
  'docs',
];

type Rng = ReturnType<typeof prng>;

/** A concrete path for a route: its segments with values for the dynamic ones. */
function instantiate(route: RouteFile, rng: Rng, prefix: string): string {
  const out: string[] = [];
  for (const segment of route.segments) {
    const kind = rank(segment);
    if (kind === 0) out.push(segment);
    else if (kind === 1) out.push(rng.pick(VALUES));
    else for (let n = kind === 3 ? rng.int(3) : 1 + rng.int(2); n > 0; n--) out.push(rng.pick(VALUES));
  }
  return `${prefix}/${out.join('/')}`;
}

const encodeChar = (c: string) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`;

/** The variant families of issue 19, applied to one path. */
const VARIANTS: Record<string, (path: string, rng: Rng) => string> = {
  as: (p) => p,
  'encode one char': (p, rng) => {
    const i = 1 + rng.int(Math.max(1, p.length - 1));
    return p[i] && /[\w.-]/.test(p[i]!) ? p.slice(0, i) + encodeChar(p[i]!) + p.slice(i + 1) : p;
  },
  'double-encode one char': (p, rng) => {
    const i = 1 + rng.int(Math.max(1, p.length - 1));
    return p[i] && /[\w.-]/.test(p[i]!) ? p.slice(0, i) + encodeChar(p[i]!).replace('%', '%25') + p.slice(i + 1) : p;
  },
  '%2F dot-dot': (p, rng) => `${p}/x${rng.pick(['%2F', '%2f', '%5C', '%5c'])}..${rng.pick(['%2F', '%5C'])}..`,
  'encoded dot segment': (p, rng) => `${p}/${rng.pick(['%2e%2e', '%2E', '.%2e', '%2e.'])}/${rng.pick(['pricing', 'sign-in', 'x'])}`,
  'upper case': (p, rng) => {
    const parts = p.split('/');
    const i = 1 + rng.int(Math.max(1, parts.length - 1));
    if (parts[i]) parts[i] = rng.next() < 0.5 ? parts[i]!.toUpperCase() : parts[i]![0]!.toUpperCase() + parts[i]!.slice(1);
    return parts.join('/');
  },
  'case-folded public prefix': (p, rng) => `/${rng.pick(['Sign-In', 'SIGN-IN', 'Pricing', 'Docs', 'sign-In'])}${p === '/' ? '' : p}`,
  '.rsc suffix': (p, rng) => `${p}${rng.pick(['.rsc', '.prefetch.rsc'])}`,
  '.segments': (p, rng) => (rng.next() < 0.5 ? `${p}.segments/_tree.segment.rsc` : `/${rng.pick(['pricing', 'sign-in', ''])}.segments${p}`),
  semicolon: (p, rng) => `${p}${rng.pick([';', ';x=y'])}`,
  'trailing slash or dot': (p, rng) => `${p}${rng.pick(['/', '.', '/.'])}`,
  'dot-dot': (p, rng) => `/${rng.pick(['sign-in', 'pricing', 'docs', 'x'])}/..${p}`,
  'look-alike': (p, rng) =>
    p.replace(/[sak]/, (c) => rng.pick([{ s: 'ſ', a: 'ａ', k: 'K' }[c]!, encodeURIComponent({ s: 'ſ', a: 'ａ', k: 'K' }[c]!)])),
  'locale prefix': (p, rng) => p.replace(/^(\/base)?/, `$1/${rng.pick(['en', 'fr', 'EN', 'xx', 'sign-in'])}`),
};

/** Is the kit's decision at least as strict as what `need` demands? A 400 is always stricter. */
function strictEnough(decision: ReturnType<ReturnType<typeof compileRoutePolicy>['decide']>, need: Need): boolean {
  if (!decision.ok || need === 'public') return true;
  if (decision.public) return false;
  return need === 'signed-in' || decision.rules.some((rule) => rule.index === 0);
}

function run(routes: RouteFile[], options: RoutePolicyOptions, seed: number, count: number) {
  const policy = compileRoutePolicy(options);
  const rng = prng(seed);
  const families = Object.keys(VARIANTS);
  const perFamily: Record<string, { sent: number; served: number }> = {};
  const violations: string[] = [];
  let served = 0;
  for (let n = 0; n < count; n++) {
    const route = rng.pick(routes);
    const family = families[n % families.length]!;
    const raw = VARIANTS[family]!(instantiate(route, rng, options.basePath ?? ''), rng);
    const counts = (perFamily[family] ??= { sent: 0, served: 0 });
    counts.sent++;
    const kit = policy.decide(new URL(`http://n${raw}`).pathname);
    for (const minimal of [false, true]) {
      const file = nextServes(routes, raw, { basePath: options.basePath, minimal });
      if (!file) continue;
      counts.served++;
      served++;
      if (!strictEnough(kit, file.need))
        violations.push(`${raw} (minimal mode: ${minimal}) → Next serves ${file.file} (${file.need}); the kit: ${JSON.stringify(kit)}`);
    }
  }
  return { perFamily, violations, served };
}

describe('given 12,000 generated paths per app and every variant family (seed 19)', () => {
  it.each([
    ['the root app (static, dynamic, catch-alls, a root [org], groups, APIs)', ROOT_ROUTES, ROOT_POLICY],
    ['the basePath app with a [locale] segment', LOCALE_ROUTES, LOCALE_POLICY],
  ] as const)('should never be less strict than the route file Next serves, in %s', (_name, routes, options) => {
    const { perFamily, violations, served } = run([...routes], options, 19, 12_000);
    console.log(`route property (${options.basePath ?? 'root'}): ${JSON.stringify(perFamily)}`);
    expect(violations.slice(0, 10)).toEqual([]);
    // Not vacuous: most variants still reach a route file in the model.
    expect(served).toBeGreaterThan(8_000);
    for (const counts of Object.values(perFamily)) expect(counts.sent).toBeGreaterThan(500);
  });

  it('should have found the bypasses of issue 19 with the old reading (the model is not blind)', () => {
    // The old reading, in short: decode everything, fold case, resolve dots, strip wrappers.
    const old = (raw: string) => {
      const path = decodeURIComponent(new URL(`http://n${raw}`).pathname)
        .toLowerCase()
        .replace(/\\/g, '/');
      return new URL(`http://n${path.replace(/\.segments(?:\/.*)?$/, '')}`).pathname.replace(/\/+$/, '') || '/';
    };
    const policy = compileRoutePolicy(ROOT_POLICY);
    for (const raw of ['/admin/users/x%2F..%2F..%2F..', '/Sign-In/settings', '/pricing.segments/settings']) {
      const file = nextServes(ROOT_ROUTES, raw, { minimal: false });
      expect(file?.need).not.toBe('public');
      expect(policy.decide(old(raw))).toMatchObject({ ok: true, public: true });
      expect(strictEnough(policy.decide(new URL(`http://n${raw}`).pathname), file!.need)).toBe(true);
    }
  });
});
