#!/usr/bin/env node
/**
 * The kit's route protection against Next's own router, under `next start` (issue 19, part 2).
 *
 * The middleware decides on its own reading of a path; Next routes the path as sent. Where the
 * two readings differ, a request the kit reads as public (or outside a rule) can reach a
 * protected page. This check builds two fixture apps (test/routes/fixture-root: no basePath;
 * test/routes/fixture-base: basePath `/base` and `[locale]`), whose every route answers with the
 * name of its route file and the params Next handed it, protects them with the kit as built in
 * dist/ (the published `clerk-session-kit/middleware` entry), and sends thousands of generated
 * variants of every route's path, raw (node:http, no URL normalisation), as three personas:
 * signed out, an organization member and an organization admin (session tokens signed here with
 * a fresh RSA key and verified by the real clerkMiddleware through `jwtKey`: no network).
 *
 * Oracle: a table of route file → requirement. A response that names a route file (body marker
 * or `x-route-file`; for the server action, its marker or its log line) whose requirement the
 * persona does not meet is a VIOLATION, whatever the status. Sanity: every canonical path is
 * served by its own file to a persona that may see it, and a printed share of all variants
 * reaches some route file, so the check cannot pass by refusing everything.
 *
 * The fixtures are built in place with the repo's node_modules (no install: the cheapest honest
 * way) against a copy of dist/ in test/routes/.kit; .next, next-env.d.ts and the copy are removed
 * afterwards, and every server is stopped, on failure too.
 *
 * Run after `npm run build`. Exit 1 on any violation or failed sanity check. Env:
 *   CHECK_ROUTES_DIST=<dir>       another build of the kit (e.g. an older commit's dist/)
 *   CHECK_ROUTES_SEED=<n>         another fixed-seed sample (default 0x19c5)
 *   CHECK_ROUTES_SCALE=<n>        variants per family × n (default 1: about 13,000 requests)
 *   CHECK_ROUTES_CONCURRENCY=<n>  requests in flight (default 8)
 *   CHECK_ROUTES_ONLY=root|base   one fixture
 *   CHECK_ROUTES_KEEP=1           keep .next and the copy for inspection
 *   CHECK_ROUTES_DUMP=<file>      every result as JSON lines
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join, relative, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(join(root, 'package.json'));
// Next's own `_rsc` cache-busting hash: without the right one, Next answers every RSC request with
// a 307 to the same URL plus `_rsc`, and the RSC variants would never reach a route.
const { computeCacheBustingSearchParam } = require('next/dist/shared/lib/router/utils/cache-busting-search-param.js');

const SEED = Number(process.env.CHECK_ROUTES_SEED ?? 0x19c5);
const CONCURRENCY = Number(process.env.CHECK_ROUTES_CONCURRENCY ?? 8);
const KEEP = process.env.CHECK_ROUTES_KEEP === '1';
const ONLY = process.env.CHECK_ROUTES_ONLY;
// Generous: a loaded 2-core machine renders a dynamic page in well under a second, but a CI
// neighbour can stall it; a request that times out is retried once, then fails the check.
const REQUEST_TIMEOUT_MS = 30_000;
const READY_TIMEOUT_MS = 180_000;
const HOST = '127.0.0.1';
// The share of all requests that must reach some route file (any persona): a check that refused
// everything would find no violation; this makes it fail instead. Measured: see CONTRIBUTING.md › Differential suites.
const MIN_SERVED_SHARE = { root: 0.2, base: 0.15 };
// Cases per family (sampled by the PRNG from everything the family can generate) and random
// mixes per build. CHECK_ROUTES_SCALE=10 sends (nearly) every generated variant.
const SCALE = Number(process.env.CHECK_ROUTES_SCALE ?? 1);
const PER_FAMILY = { root: Math.round(120 * SCALE), base: Math.round(60 * SCALE) };
const MIXED = { root: Math.round(400 * SCALE), base: Math.round(150 * SCALE) };
// Families sent whole whatever the scale: small, and each case is there for a reason.
const WHOLE = new Set([
  'canonical',
  'notes (threats.md)',
  'pinned regressions',
  'POST webhooks',
  'server action (fetch)',
  'server action (form)',
  'locale',
  'mixed (random transforms)',
]);
const DUMP = process.env.CHECK_ROUTES_DUMP;

const DIST = resolve(process.env.CHECK_ROUTES_DIST ?? join(root, 'dist'));
// The copy of dist/ the fixtures build against: inside the repo (Turbopack's root), so its
// imports of next and @clerk/nextjs resolve to the repo's node_modules.
const KIT = join(root, 'test/routes/.kit');
const nodeBin = join(root, 'node_modules/.bin');
const nextBin = join(nodeBin, 'next');
const baseEnv = { ...process.env, PATH: `${nodeBin}:${process.env.PATH}`, NEXT_TELEMETRY_DISABLED: '1' };

/** mulberry32: a small fixed-seed PRNG, so a run is reproducible and a violation can be re-sent. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rng = mulberry32(SEED);
const pick = (list) => list[Math.floor(rng() * list.length)];
/** Up to `n` items of `list`, chosen by the PRNG (all of them, in order, when there are fewer). */
const sample = (list, n) => {
  if (list.length <= n) return list;
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
};

// ---------------------------------------------------------------------------------------------
// The oracle: what each route file requires, and who meets what.
// ---------------------------------------------------------------------------------------------

const LEVEL = { public: 0, 'signed-in': 1, admin: 2 };
const ACTION = 'action:app/actions/actions.ts';

const BUILDS = [
  {
    id: 'root',
    title: 'build A (no basePath)',
    dir: join(root, 'test/routes/fixture-root'),
    base: '',
    files: {
      'app/page.tsx': 'public',
      'app/pricing/page.tsx': 'public',
      'app/(marketing)/about/page.tsx': 'public',
      'app/docs/[[...slug]]/page.tsx': 'public',
      'app/sign-in/[[...sign-in]]/page.tsx': 'public',
      'app/sign-up/[[...sign-up]]/page.tsx': 'public',
      'app/admin/page.tsx': 'admin',
      'app/admin/users/[id]/page.tsx': 'admin',
      'app/admin/[...rest]/page.tsx': 'admin',
      'app/billing/invoices/[id]/page.tsx': 'signed-in',
      'app/[org]/settings/page.tsx': 'signed-in',
      'app/orgs/[id]/settings/page.tsx': 'admin',
      'app/actions/page.tsx': 'signed-in',
      [ACTION]: 'signed-in',
      'app/api/admin/users/[id]/route.ts': 'admin',
      'app/api/webhooks/stripe/route.ts': 'public',
      'app/api/me/route.ts': 'signed-in',
      'app/api/[...path]/route.ts': 'signed-in',
    },
    routes: [
      { file: 'app/page.tsx', paths: ['/'] },
      { file: 'app/pricing/page.tsx', paths: ['/pricing'] },
      { file: 'app/(marketing)/about/page.tsx', paths: ['/about'] },
      { file: 'app/docs/[[...slug]]/page.tsx', paths: ['/docs', '/docs/guides/setup'] },
      { file: 'app/sign-in/[[...sign-in]]/page.tsx', paths: ['/sign-in', '/sign-in/factor-one'] },
      { file: 'app/sign-up/[[...sign-up]]/page.tsx', paths: ['/sign-up', '/sign-up/verify'] },
      { file: 'app/admin/page.tsx', paths: ['/admin'] },
      { file: 'app/admin/users/[id]/page.tsx', paths: ['/admin/users/u_1'] },
      { file: 'app/admin/[...rest]/page.tsx', paths: ['/admin/reports/2026'] },
      { file: 'app/billing/invoices/[id]/page.tsx', paths: ['/billing/invoices/in_1'] },
      { file: 'app/[org]/settings/page.tsx', paths: ['/acme/settings'] },
      { file: 'app/orgs/[id]/settings/page.tsx', paths: ['/orgs/acme/settings'] },
      { file: 'app/actions/page.tsx', paths: ['/actions'] },
      {
        file: 'app/api/admin/users/[id]/route.ts',
        paths: ['/api/admin/users/u_1'],
        api: true,
        methods: ['GET', 'HEAD', 'OPTIONS'],
      },
      {
        file: 'app/api/webhooks/stripe/route.ts',
        paths: ['/api/webhooks/stripe'],
        api: true,
        methods: ['GET', 'POST'],
      },
      { file: 'app/api/me/route.ts', paths: ['/api/me'], api: true, methods: ['GET'] },
      { file: 'app/api/[...path]/route.ts', paths: ['/api/things/t_1'], api: true, methods: ['GET', 'OPTIONS'] },
    ],
    // Public-looking paths with a tail: their variants are where a folding or stripping reader
    // lands on the allowlist while Next routes a dynamic route (`/Sign-In/settings`).
    extraSeeds: [
      '/sign-in/settings',
      '/sign-up/settings',
      '/docs/settings',
      '/pricing/settings',
      '/api/webhooks/stripe/x',
      '/api/webhooks/me',
      '/orgs/sign-in/settings',
    ],
    // Paths the kit reads as public, for traversals that end on them.
    publicTargets: ['', 'pricing', 'about', 'docs', 'docs/x', 'sign-in', 'sign-in/x', 'api/webhooks/stripe'],
    // The measured bypasses of middleware-threats.md: the check must send them.
    notes: [
      { path: '/admin/users/x%2F..%2F..%2F..' },
      { path: '/Sign-In/settings' },
      { path: '/pricing.segments/settings' },
      { path: '/orgs/acme%2Fx/settings' },
      { path: '/api/%61dmin/users/u_1' },
      { path: '/api%2Fadmin/users/u_1' },
      { path: '/api/foo%2f..%2fadmin/users/u_1' },
      { path: '/x/../admin' },
      { path: '/x/%2e%2e/admin' },
      { path: '//admin' },
      { path: '\\admin' },
      { path: '/admin/' },
      { path: '/ADMIN' },
      { path: '/API/admin/users/u_1' },
      { path: '/sign-inX' },
      { path: '/sign-in-secret' },
      { path: '/api/%zz' },
    ],
    // Bypasses this check found in the kit before the route policy was rewritten (issue 19), one
    // per class, sent on every run whatever the sampling picks.
    pinned: (ctx) => [
      { path: '/api/webhoo%E2%84%AAs/stripe' }, // Kelvin sign K, lower-cased to k by the kit
      { path: '/api/Webhooks/x' }, // case-folded onto /api/webhooks/*, served by /api/[...path]
      { path: '/s%69gn-in/settings' }, // decoded onto /sign-in/*, served by [org]
      { path: '/docs.segments/settings' },
      { path: '/api/admin/users/u_1%2F..%2F..%2F..%2F..' }, // resolved to `/`, served by the admin API
      { path: '/admin/reports/2026%2F..%2F..%2F..%2Fsign-in%2Fx', headers: { rsc: '1' } },
      { path: '/billing/invoices/..%5C..%5Csign-in%5Cx%5Cin_1' },
      { path: '/orgs/sign-in.segments/settings' },
      { path: `/_next/data/${ctx.buildId}/Sign-In/settings.json`, headers: { 'x-nextjs-data': '1' } },
      { method: 'HEAD', path: '/Docs/settings' },
    ],
  },
  {
    id: 'base',
    title: 'build B (basePath /base, locales en/fr)',
    dir: join(root, 'test/routes/fixture-base'),
    base: '/base',
    files: {
      'app/[locale]/page.tsx': 'public',
      'app/[locale]/sign-in/[[...sign-in]]/page.tsx': 'public',
      'app/[locale]/admin/page.tsx': 'admin',
      'app/[locale]/dashboard/page.tsx': 'signed-in',
      'app/api/me/route.ts': 'signed-in',
    },
    routes: [
      { file: 'app/[locale]/page.tsx', paths: ['/base/en', '/base/fr'] },
      {
        file: 'app/[locale]/sign-in/[[...sign-in]]/page.tsx',
        paths: ['/base/en/sign-in', '/base/fr/sign-in/factor-one'],
      },
      { file: 'app/[locale]/admin/page.tsx', paths: ['/base/en/admin', '/base/fr/admin'] },
      { file: 'app/[locale]/dashboard/page.tsx', paths: ['/base/en/dashboard'] },
      { file: 'app/api/me/route.ts', paths: ['/base/api/me'], api: true, methods: ['GET'] },
    ],
    extraSeeds: ['/base/en/sign-in/admin', '/base/fr/sign-in/dashboard'],
    publicTargets: ['base', 'base/en', 'base/fr/sign-in', 'base/en/sign-in/x', 'sign-in', ''],
    notes: [
      { path: '/base/en/admin' },
      { path: '/base/EN/admin' },
      { path: '/base/xx/admin' },
      { path: '/base/admin' },
      { path: '/base/fr/sign-in/../admin' },
    ],
    pinned: () => [
      { path: '/base/sign-in/admin' }, // an unlisted first segment is [locale] for Next
      { path: '/base/sign-up/dashboard' },
      { path: '/base/en;x=y/admin' },
      { path: '/base/..%2Fsign-in/dashboard' },
      { path: '/base/en%2Fsign-in/admin' },
      { path: '/base/%2565n/admin' },
      { path: '/base/e%CC%81n/admin' },
      { path: '/base/en.segments/admin' },
    ],
    locales: true,
  },
];

const PERSONAS = [
  { name: 'signed-out', level: LEVEL.public },
  {
    name: 'member',
    level: LEVEL['signed-in'],
    claims: { sub: 'user_member', o: { id: 'org_acme', rol: 'member', slg: 'acme' } },
  },
  {
    name: 'admin',
    level: LEVEL.admin,
    claims: { sub: 'user_admin', o: { id: 'org_acme', rol: 'admin', slg: 'acme' } },
  },
];

// ---------------------------------------------------------------------------------------------
// Variants. A case is one request shape; it is sent once per persona.
// ---------------------------------------------------------------------------------------------

const segsOf = (path) => path.split('/').slice(1);
const joinSegs = (segs) => `/${segs.join('/')}`;
const hex = (code, lower) => {
  const h = code.toString(16).toUpperCase().padStart(2, '0');
  return `%${lower ? h.toLowerCase() : h}`;
};
/** Percent-encodes one character (UTF-8, as a browser would); `lower` for lower-case hex digits. */
const pct = (ch, lower = false) => [...Buffer.from(ch, 'utf8')].map((b) => hex(b, lower)).join('');
const pct2 = (ch) => pct(ch).replaceAll('%', '%25');
const isLetter = (ch) => /[a-z]/i.test(ch);
const flip = (ch) => (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase());
const titleCase = (seg) => seg.replace(/(^|[-_])([a-z])/g, (_m, sep, c) => sep + c.toUpperCase());
const replaceSeg = (path, i, value) => {
  const segs = segsOf(path);
  segs[i] = value;
  return joinSegs(segs);
};
// Look-alikes: ſ upper-cases to S, the Kelvin sign lower-cases to k, ı upper-cases to I; fullwidth
// letters fold to ASCII under NFKC; a combining accent survives only a reader that strips marks.
const LOOKALIKES = { s: ['ſ'], k: ['\u212a'], K: ['\u212a'], i: ['ı', 'i\u0307'], I: ['İ'], e: ['e\u0301'] };
const fullwidth = (ch) => String.fromCodePoint(ch.codePointAt(0) + 0xfee0);
/** Sends non-ASCII as percent-encoded UTF-8 (what a browser sends). */
const encodeNonAscii = (path) => path.replace(/[\u0080-\u{10ffff}]/gu, (ch) => pct(ch));

/** Separators and dot-dot spellings for encoded traversals. */
const TRAVERSALS = [
  ['%2F', '..'],
  ['%2f', '..'],
  ['%5C', '..'],
  ['%5c', '..'],
  ['%2F', '%2e%2e'],
  ['%2F', '%2E%2E'],
  ['%2F', '.%2e'],
  ['%252F', '..'],
  ['%2F', '%252e%252e'],
  // Overlong UTF-8 for `/` and `.`: invalid, so a strict decoder refuses them; a lax one reads a slash.
  ['%C0%AF', '..'],
  ['%2F', '%C0%AE%C0%AE'],
];

/** Single transforms, each (path) => path, chosen at random: the building blocks of `mixed`. */
const TRANSFORMS = {
  pctChar: (p) => {
    const at = [...p].map((c, i) => (c === '/' ? -1 : i)).filter((i) => i >= 0);
    if (!at.length) return p;
    const i = pick(at);
    return p.slice(0, i) + pct(p[i], rng() < 0.5) + p.slice(i + 1);
  },
  pctCharDouble: (p) => {
    const at = [...p].map((c, i) => (c === '/' || c === '%' ? -1 : i)).filter((i) => i >= 0);
    if (!at.length) return p;
    const i = pick(at);
    return p.slice(0, i) + pct2(p[i]) + p.slice(i + 1);
  },
  flipLetter: (p) => {
    const at = [...p].map((c, i) => (isLetter(c) ? i : -1)).filter((i) => i >= 0);
    if (!at.length) return p;
    const i = pick(at);
    return p.slice(0, i) + flip(p[i]) + p.slice(i + 1);
  },
  caseSegment: (p) => {
    const segs = segsOf(p);
    const i = Math.floor(rng() * segs.length);
    segs[i] = rng() < 0.5 ? segs[i].toUpperCase() : titleCase(segs[i]);
    return joinSegs(segs);
  },
  dotSegment: (p) => {
    const segs = segsOf(p);
    segs.splice(Math.floor(rng() * (segs.length + 1)), 0, pick(['.', '%2e', '%2E']));
    return joinSegs(segs);
  },
  dotDot: (p) => {
    const segs = segsOf(p);
    segs.splice(
      Math.floor(rng() * (segs.length + 1)),
      0,
      pick(['x', 'pricing', 'sign-in']),
      pick(['..', '%2e%2e', '%2E%2E', '.%2e', '%2e.']),
    );
    return joinSegs(segs);
  },
  semicolon: (p) => {
    const segs = segsOf(p);
    const i = Math.floor(rng() * segs.length);
    segs[i] += pick([';', ';x=y', ';jsessionid=1', '%3B', '%3Bx=y']);
    return joinSegs(segs);
  },
  slashes: (p) => {
    const seps = [...p].map((c, i) => (c === '/' ? i : -1)).filter((i) => i >= 0);
    const i = pick(seps);
    return p.slice(0, i) + pick(['//', '\\', '/\\', '\\/', '///']) + p.slice(i + 1);
  },
  trailing: (p) => p + pick(['/', '.', '/.', '%2e', '/%2e', '%20', '%00', '~', '//', '..']),
  unicode: (p) => {
    const at = [...p].map((c, i) => (isLetter(c) ? i : -1)).filter((i) => i >= 0);
    if (!at.length) return p;
    const i = pick(at);
    const alt = LOOKALIKES[p[i]] && rng() < 0.6 ? pick(LOOKALIKES[p[i]]) : fullwidth(p[i]);
    return encodeNonAscii(p.slice(0, i) + alt + p.slice(i + 1));
  },
  segmentsInside: (p) => {
    const segs = segsOf(p);
    if (segs.length < 2) return `${p}.segments`;
    const i = Math.floor(rng() * (segs.length - 1));
    segs[i] += pick(['.segments', '.rsc', '.prefetch.rsc', '.segments/_tree.segment.rsc']);
    return joinSegs(segs);
  },
  traversal: (p, targets) => traversalVariants(p, targets, pick(TRAVERSALS), rng() < 0.5 ? 'tail' : Math.floor(rng() * segsOf(p).length)),
  encodeSlash: (p) => {
    const segs = segsOf(p);
    if (segs.length < 2) return `/${pick(['%2F', '%2f', '%5C'])}${segs[0]}`;
    const i = 1 + Math.floor(rng() * (segs.length - 1));
    return `/${segs.slice(0, i).join('/')}${pick(['%2F', '%2f', '%5C', '%5c', '%252F'])}${segs.slice(i).join('/')}`;
  },
  rscSuffix: (p) =>
    `${p === '/' ? '/index' : p}${pick(['.rsc', '.prefetch.rsc', '.segments/_tree.segment.rsc', '.segments/__PAGE__.segment.rsc'])}`,
};

/**
 * An encoded traversal the kit may resolve while Next keeps it inside one segment.
 * 'tail': the last segment gets `<sep>..` up to the root and then a public target
 *         (`/admin/users/u_1%2F..%2F..%2F..%2Fpricing`: the kit reads `/pricing`);
 * i:      segment i is prefixed with `..<sep>` up to the root, a public target and a separator
 *         (`/..%2Fsign-in%2Facme/settings`: the kit reads `/sign-in/acme/settings`).
 */
function traversalVariants(path, targets, [sep, up], where) {
  const segs = segsOf(path);
  const target = pick(targets);
  const targetEnc = target.split('/').join(sep);
  if (where === 'tail') {
    const last = segs.length - 1;
    segs[last] = segs[last] + `${sep}${up}`.repeat(segs.length) + (target ? `${sep}${targetEnc}` : '');
    return joinSegs(segs);
  }
  const i = where;
  segs[i] = `${up}${sep}`.repeat(i) + (target ? `${targetEnc}${sep}` : '') + segs[i];
  return joinSegs(segs);
}

const RSC_HEADER_SETS = [
  { rsc: '1' },
  { rsc: '1', 'next-router-prefetch': '1' },
  { rsc: '1', 'next-router-prefetch': '1', 'next-router-segment-prefetch': '/_tree' },
  { rsc: '1', 'next-router-prefetch': '1', 'next-router-segment-prefetch': '/__PAGE__' },
  { rsc: '1', 'next-url': '/pricing' },
  {
    rsc: '1',
    'next-router-state-tree': encodeURIComponent(
      JSON.stringify(['', { children: ['pricing', { children: ['__PAGE__', {}] }] }, null, null, true]),
    ),
  },
  { 'next-router-prefetch': '1' },
  { purpose: 'prefetch' },
  { 'x-middleware-prefetch': '1' },
  { rsc: '1', 'next-router-prefetch': '1', 'x-middleware-prefetch': '1' },
];

/**
 * Every case of every family, in print order: { family, method, path, headers, auth, body?,
 * action?, canonical? }. A case appearing in two families belongs to the first.
 */
function generate(build, ctx) {
  const seeds = [
    ...build.routes.flatMap((r) => r.paths.map((path) => ({ path, route: r }))),
    ...build.extraSeeds.map((path) => ({ path, route: null })),
  ];
  const isApiPath = (path) => /^(?:\/base)?\/api(?:\/|$)/i.test(path) || path.toLowerCase().includes('/api/');
  const families = new Map();
  const add = (family, list) =>
    families.set(family, [...(families.get(family) ?? []), ...(WHOLE.has(family) ? list : sample(list, PER_FAMILY[build.id]))]);
  const seedPaths = seeds.map((s) => s.path);

  // canonical: the sanity base. API routes also with a Bearer token.
  for (const { path, route } of seeds) {
    if (!route) continue;
    add('canonical', [{ path, canonical: route.file }]);
    if (route.api) add('canonical', [{ path, canonical: route.file, auth: 'bearer' }]);
  }
  add('notes (threats.md)', build.notes);
  add('pinned regressions', build.pinned(ctx));

  const perChar = (fn) =>
    seedPaths.flatMap((p) => [...p].flatMap((c, i) => (c === '/' ? [] : [{ path: p.slice(0, i) + fn(c) + p.slice(i + 1) }])));
  add(
    'pct-encode one char',
    perChar((c) => pct(c, rng() < 0.3)),
  );
  add(
    'double-encode one char',
    perChar((c) => pct2(c)),
  );
  add(
    'pct-encode a segment',
    seedPaths.flatMap((p) =>
      segsOf(p).flatMap((seg, i) =>
        seg
          ? [{ path: replaceSeg(p, i, [...seg].map((c) => pct(c)).join('')) }, { path: replaceSeg(p, i, [...seg].map(pct2).join('')) }]
          : [],
      ),
    ),
  );

  const slashCases = (seps) =>
    seedPaths.flatMap((p) => {
      const segs = segsOf(p);
      const out = [];
      for (const sep of seps) {
        out.push({ path: `/${sep}${segs.join('/')}` }); // `/%2Fadmin`
        out.push({ path: `${p}${sep}` });
        for (let i = 1; i < segs.length; i++) out.push({ path: `/${segs.slice(0, i).join('/')}${sep}${segs.slice(i).join('/')}` }); // `/api%2Fadmin/x`
        for (let i = 0; i < segs.length; i++) if (segs[i]) out.push({ path: replaceSeg(p, i, `${segs[i]}${sep}x`) }); // `/orgs/acme%2Fx/settings`
      }
      return out;
    });
  add('%2F in a segment', slashCases(['%2F', '%2f', '%252F']));
  add('%5C in a segment', slashCases(['%5C', '%5c', '%255C']));

  // Encoded traversals, per seed: the one that reads `/` from the last segment and a sample of
  // every spelling × target × position (the family is then sampled to its size like the others).
  const traversals = seedPaths.flatMap((p) => {
    const segs = segsOf(p);
    const all = [];
    for (const t of TRAVERSALS) {
      for (const target of build.publicTargets) {
        all.push({ path: traversalVariants(p, [target], t, 'tail') });
        for (let i = 0; i < segs.length; i++) all.push({ path: traversalVariants(p, [target], t, i) });
      }
    }
    const first = { path: traversalVariants(p, [''], TRAVERSALS[0], 'tail') };
    return [first, ...sample(all, 14)];
  });
  add('encoded ../ traversal', traversals);

  add(
    '. and .. segments',
    seedPaths.flatMap((p) => {
      const segs = segsOf(p);
      const out = [];
      for (let i = 0; i <= segs.length; i++) {
        for (const dot of ['.', '%2e', '%2E']) out.push({ path: joinSegs([...segs.slice(0, i), dot, ...segs.slice(i)]) });
        for (const dd of ['..', '%2e%2e', '%2E%2E', '.%2e', '%2e.']) {
          out.push({ path: joinSegs([...segs.slice(0, i), 'x', dd, ...segs.slice(i)]) });
          out.push({
            path: joinSegs([...segs.slice(0, i), pick(build.publicTargets.filter(Boolean)), dd, ...segs.slice(i)]),
          });
        }
      }
      for (const target of build.publicTargets) out.push({ path: `${p}/../${target}` }, { path: `${p}/%2e%2e/${target}` });
      return sample(out, 24);
    }),
  );

  add(
    'case changes',
    seedPaths.flatMap((p) => {
      const out = [{ path: p.toUpperCase() }];
      segsOf(p).forEach((seg, i) => {
        if (!/[a-z]/i.test(seg)) return;
        out.push({ path: replaceSeg(p, i, seg.toUpperCase()) }, { path: replaceSeg(p, i, titleCase(seg)) });
      });
      [...p].forEach((c, i) => isLetter(c) && out.push({ path: p.slice(0, i) + flip(c) + p.slice(i + 1) }));
      return out;
    }),
  );

  const RSC_SUFFIXES = [
    '.rsc',
    '.prefetch.rsc',
    '.segments/_tree.segment.rsc',
    '.segments/_full.segment.rsc',
    '.segments/__PAGE__.segment.rsc',
  ];
  add(
    '.rsc and .segments suffixes',
    seedPaths.flatMap((p) => {
      const bare = p === '/' ? '/index' : p;
      const last = segsOf(p).at(-1) || 'index';
      const out = [...RSC_SUFFIXES, `.segments/${last}/__PAGE__.segment.rsc`, `.segments/${last}.segment.rsc`].flatMap((suffix) => [
        { path: bare + suffix },
        { path: bare + suffix, headers: { rsc: '1' } },
      ]);
      return out;
    }),
  );
  add(
    '.segments inside a path',
    seedPaths.flatMap((p) => {
      const segs = segsOf(p);
      const out = [];
      for (let i = 0; i < segs.length - 1; i++) {
        for (const suffix of ['.segments', '.rsc', '.segments/_tree.segment.rsc']) out.push({ path: replaceSeg(p, i, segs[i] + suffix) });
        // `/pricing.segments/settings`: a public name before the wrapper, the route's tail after.
        for (const target of build.publicTargets.filter(Boolean)) out.push({ path: `/${target}.segments/${segs.slice(i + 1).join('/')}` });
      }
      return out.map((c) => (rng() < 0.25 ? { ...c, headers: { rsc: '1' } } : c));
    }),
  );

  add(
    '; and ;x=y',
    seedPaths.flatMap((p) =>
      segsOf(p).flatMap((seg, i) => [';', ';x=y', '%3B', '%3Bx=y'].map((s) => ({ path: replaceSeg(p, i, seg + s) }))),
    ),
  );
  add(
    '// and \\',
    seedPaths.flatMap((p) => {
      const seps = [...p].map((c, i) => (c === '/' ? i : -1)).filter((i) => i >= 0);
      return seps.flatMap((i) => ['//', '\\', '/\\', '\\\\'].map((s) => ({ path: p.slice(0, i) + s + p.slice(i + 1) })));
    }),
  );
  add(
    'trailing / and .',
    seedPaths.flatMap((p) => ['/', '//', '.', '..', '/.', '%2e', '/%2e', '%20', '%09', '%00', '~'].map((s) => ({ path: p + s }))),
  );

  // The kit reads the path up to `?` or `#`; Next's URL parser too. A raw `#` is not a fragment
  // on the wire, and `%3F` / `%23` are part of the path.
  add(
    '? and #',
    seedPaths.flatMap((p) =>
      ['?', '?x=/pricing', '?/sign-in', '#/pricing', '#', '%3F/pricing', '%23/sign-in', '/%3F', '?_rsc=1'].map((s) => ({
        path: p + s,
      })),
    ),
  );

  // The request target in absolute form (as sent to a proxy) and `*`: Next parses both itself.
  add(
    'absolute-form target',
    [...seedPaths.flatMap((p) => [`http://localhost:${ctx.port}${p}`, `http://evil.example${TRANSFORMS.flipLetter(p)}`]), '*'].map(
      (path) => ({ path }),
    ),
  );

  add(
    'Unicode look-alikes',
    seedPaths.flatMap((p) => {
      const out = [];
      [...p].forEach((c, i) => {
        const alts = [...(LOOKALIKES[c] ?? []), ...(isLetter(c) && rng() < 0.35 ? [fullwidth(c)] : [])];
        for (const alt of alts) {
          const raw = p.slice(0, i) + alt + p.slice(i + 1);
          out.push({ path: encodeNonAscii(raw) });
          // Raw UTF-8 bytes on the wire, as a careless client sends them.
          if (rng() < 0.2) out.push({ path: raw });
        }
      });
      segsOf(p).forEach(
        (seg, i) =>
          seg &&
          out.push({
            path: encodeNonAscii(replaceSeg(p, i, [...seg].map((c) => (isLetter(c) ? fullwidth(c) : c)).join(''))),
          }),
      );
      return out;
    }),
  );

  add(
    '/_next/data/…json',
    seedPaths.flatMap((p) => {
      const inner = (build.base && p.startsWith(build.base) ? p.slice(build.base.length) : p) || '/';
      const json = inner === '/' ? '/index.json' : `${inner}.json`;
      const out = [
        { path: `${build.base}/_next/data/${ctx.buildId}${json}`, headers: { 'x-nextjs-data': '1' } },
        { path: `${build.base}/_next/data/${ctx.buildId}${json}` },
        { path: `${build.base}/_next/data/development${json}`, headers: { 'x-nextjs-data': '1' } },
        { path: `/_next/data/${ctx.buildId}${p === '/' ? '/index' : p}.json`, headers: { 'x-nextjs-data': '1' } },
        {
          path: `${build.base}/_next/data/${ctx.buildId}${TRANSFORMS.caseSegment(inner)}.json`,
          headers: { 'x-nextjs-data': '1' },
        },
      ];
      return out;
    }),
  );

  add(
    'RSC and prefetch headers',
    seedPaths.flatMap((p) => RSC_HEADER_SETS.map((headers) => ({ path: p, headers }))),
  );

  // methods: HEAD (paired with the same GET), OPTIONS with and without a preflight, and the
  // methods route handlers do not export.
  add(
    'methods',
    seedPaths.flatMap((p) => [
      { method: 'HEAD', path: p },
      { method: 'HEAD', path: TRANSFORMS.flipLetter(p) },
      { method: 'OPTIONS', path: p },
      {
        method: 'OPTIONS',
        path: p,
        headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'GET' },
      },
      {
        method: 'OPTIONS',
        path: TRANSFORMS.caseSegment(p),
        headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'GET' },
      },
      { method: 'POST', path: p, headers: { 'content-type': 'application/json' }, body: '{}' },
      ...(isApiPath(p)
        ? [
            { method: 'PUT', path: p },
            { method: 'DELETE', path: p },
          ]
        : []),
    ]),
  );

  if (build.id === 'root') {
    // Webhooks: POSTed like Stripe (signed out is fine: the route is public).
    add(
      'POST webhooks',
      [
        '/api/webhooks/stripe',
        '/api/Webhooks/stripe',
        '/api/webhooks/stripe/',
        '/api/webhooks/stripe%2F..%2F..%2Fme',
        '/api/webhooks/stripe/..%2F..%2Fadmin%2Fusers%2Fu_1',
        '/api/webhoo%6Bs/stripe',
        `/api/webhoo${pct('\u212a')}s/stripe`,
        '/api/webhooks/%2e%2e/me',
        '/api/webhooks/stripe;x=y',
        '/api/webhooks/x/..%2F..%2F..%2Fadmin%2Fusers%2F1',
      ].map((path) => ({
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=0' },
        body: '{"type":"invoice.paid"}',
      })),
    );
    // The server action, POSTed as React does (a fetch action with `next-action`) and as a form
    // without JavaScript (multipart with `$ACTION_ID_…`), to /actions and its variants, and to
    // other pages (Next forwards an action to the page that has it).
    const actionPaths = [
      '/actions',
      ...Object.values(TRANSFORMS).flatMap((t) => [t('/actions', build.publicTargets), t('/actions', build.publicTargets)]),
      ...[
        '/',
        '/pricing',
        '/sign-in',
        '/docs',
        '/about',
        '/acme/settings',
        '/api/webhooks/stripe',
        '/Sign-In/settings',
        '/pricing.segments/settings',
        '/docs/x%2F..%2F..%2Factions',
      ],
      '/actions/x%2F..%2F..',
      '/Actions',
      '/ACTIONS',
      '/%61ctions',
      '/actions/',
      '/actions.',
      '/actions;x=y',
      '//actions',
      '/x/../actions',
      '/sign-in/..%2Factions',
      '/pricing/%2e%2e/actions',
    ];
    add(
      'server action (fetch)',
      [...new Set(actionPaths)].map((path) => ({ method: 'POST', path, action: 'fetch' })),
    );
    add(
      'server action (form)',
      [...new Set(actionPaths)].filter(() => rng() < 0.5).map((path) => ({ method: 'POST', path, action: 'form' })),
    );
  }

  if (build.locales) {
    const out = [];
    const LOCALE_SEGS = [
      'en',
      'fr',
      'EN',
      'Fr',
      'fR',
      'xx',
      'de',
      'sign-in',
      'sign-up',
      'Sign-In',
      'api',
      'admin',
      'en-US',
      '%65n',
      'e%6E',
      'en%2F..',
      'en.segments',
      '_next',
      'base',
      '',
      '.',
      '..',
      '%2e%2e',
      'x%2F..%2Fsign-in',
      '..%2Fsign-in',
      'en;x=y',
      'ＥＮ',
    ];
    for (const r of build.routes.filter((r) => r.file.startsWith('app/[locale]'))) {
      for (const path of r.paths) for (const loc of LOCALE_SEGS) out.push({ path: encodeNonAscii(replaceSeg(path, 1, loc)) });
    }
    out.push(
      ...[
        '/base/admin',
        '/base/dashboard',
        '/base/en/sign-in/../admin',
        '/base/fr/sign-in/../admin',
        '/base/fr/sign-in/%2e%2e/admin',
        '/base/fr/sign-in/..%2Fadmin',
        '/base/fr/sign-in/x%2F..%2F..%2Fadmin',
        '/base/en/en/admin',
        '/base/sign-in/../en/admin',
        '/base/sign-in/admin',
        '/base/sign-up/admin',
        '/base/sign-in/dashboard',
        '/admin',
        '/en/admin',
        '/base/en/admin/',
        '/base//en/admin',
        '/BASE/en/admin',
        '/base%2Fen/admin',
        '/base/en%2Fadmin',
        '/base/en/Admin',
        '/base/en/ADMIN',
        '/base/en/admin.rsc',
        '/base/en.segments/admin',
        '/base/sign-in.segments/admin',
        '/base/en/sign-in.segments/x',
        '/base/x/../en/admin',
        '/base/xx/dashboard',
        '/base/api/me',
        '/base/en/api/me',
        '/base/API/me',
        '/base/api/Me',
        '/base/api%2Fme',
        '/base/en/../api/me',
        '/api/me',
        '/base/sign-in/..%2Fapi%2Fme',
      ].map((path) => ({ path })),
    );
    add('locale', out);
  }

  add(
    'spoofed headers',
    seedPaths.flatMap((p) =>
      [
        { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' },
        { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' },
        { 'x-clerk-auth-status': 'signed-in', 'x-clerk-auth-token': ctx.tokens.admin },
        { 'x-csk-user-id': 'user_admin', 'x-csk-org-role': 'org:admin' },
        { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
        { 'x-invoke-path': '/pricing', 'x-matched-path': '/pricing' },
      ].map((headers) => ({ path: p, headers })),
    ),
  );

  // mixed: two or three random transforms on a random seed, sometimes with RSC headers or HEAD.
  const mixed = [];
  const names = Object.keys(TRANSFORMS);
  for (let n = 0; n < MIXED[build.id]; n++) {
    let path = pick(seedPaths);
    const steps = 2 + Math.floor(rng() * 2);
    // A transform may leave no leading `/` (`\admin`): that is a final form, not a seed.
    for (let s = 0; s < steps && path.startsWith('/'); s++) path = TRANSFORMS[pick(names)](path, build.publicTargets);
    const r = rng();
    mixed.push(r < 0.15 ? { path, headers: pick(RSC_HEADER_SETS) } : r < 0.22 ? { method: 'HEAD', path } : { path });
  }
  add('mixed (random transforms)', mixed);

  // Fill in what every case needs: method, headers, how it signs in.
  const seen = new Set();
  const result = [];
  for (const [family, list] of families) {
    for (const c of list) {
      const method = c.method ?? 'GET';
      const auth = c.auth ?? (isApiPath(c.path) && rng() < 0.5 ? 'bearer' : 'cookie');
      const key = `${method} ${c.path} ${JSON.stringify(c.headers ?? {})} ${auth} ${c.action ?? ''}`;
      if (seen.has(key)) continue; // the first family that produced it owns it
      seen.add(key);
      result.push({
        family,
        method,
        path: c.path,
        headers: c.headers ?? {},
        auth,
        body: c.body,
        action: c.action,
        canonical: c.canonical,
      });
    }
  }
  return { cases: result, families: [...families.keys()] };
}

/** Adds the `_rsc` search param Next expects for RSC requests (by path or header). */
async function withRscQuery(c) {
  const seg = /\.segments(\/.+)\.segment\.rsc$/.exec(c.path);
  const rsc = c.headers.rsc === '1' || /\.rsc$/.test(c.path);
  if (!rsc) return c.path;
  let prefetch = c.headers['next-router-prefetch'];
  if (!['1', '2', '3'].includes(prefetch)) prefetch = undefined;
  let segment = c.headers['next-router-segment-prefetch'];
  if (seg) {
    prefetch = '1';
    segment = seg[1];
  }
  const hash = await computeCacheBustingSearchParam(prefetch, segment, c.headers['next-router-state-tree'], c.headers['next-url']);
  return `${c.path}${c.path.includes('?') ? '&' : '?'}_rsc=${hash}`;
}

// ---------------------------------------------------------------------------------------------
// Sending raw requests and reading what answered.
// ---------------------------------------------------------------------------------------------

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

/** One request with the path exactly as given (no URL parsing); never follows a redirect. */
function send(port, { method, path, headers, body }) {
  return new Promise((resolve) => {
    // http.request refuses characters above U+00FF in the path: raw UTF-8 goes as its bytes.
    const wirePath = /[\u0100-\u{10ffff}]/u.test(path) ? Buffer.from(path, 'utf8').toString('latin1') : path;
    let req;
    try {
      req = http.request({ host: HOST, port, method, path: wirePath, headers, agent, timeout: REQUEST_TIMEOUT_MS }, (res) => {
        const chunks = [];
        let size = 0;
        res.on('data', (chunk) => {
          if (size < 512 * 1024) chunks.push(chunk);
          size += chunk.length;
        });
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (error) => resolve({ error: error.message }));
      });
    } catch (error) {
      resolve({ error: `not sent: ${error.message}` });
      return;
    }
    req.on('timeout', () => req.destroy(new Error(`timeout after ${REQUEST_TIMEOUT_MS} ms`)));
    req.on('error', (error) => resolve({ error: error.message }));
    req.end(body);
  });
}

const ROUTE_MARK = /route-file\{([^{}]+)\} route-params\{([^{}]*)\}/g;
const ACTION_MARK = 'action-ran{app/actions/actions.ts}';

/** Every route file a response names, with the params Next handed it. */
function routeFilesOf(res) {
  const found = new Map();
  const add = (file, params) => found.has(file) || found.set(file, params);
  const decode = (s) => {
    try {
      return JSON.parse(decodeURIComponent(s));
    } catch {
      return undefined;
    }
  };
  if (res.headers?.['x-route-file']) add(res.headers['x-route-file'], decode(res.headers['x-route-params'] ?? ''));
  for (const m of res.body?.matchAll(ROUTE_MARK) ?? []) add(m[1], decode(m[2]));
  if (res.body && /^\s*\{"routeFile"/.test(res.body)) {
    try {
      const json = JSON.parse(res.body);
      add(json.routeFile, json.params);
    } catch {
      /* not JSON after all */
    }
  }
  if (res.body?.includes(ACTION_MARK)) add(ACTION, undefined);
  return found;
}

const isKitRefusal = (res, build) => {
  if (res.status === 401 || res.status === 403) return true;
  if ((res.status === 400 || res.status === 500) && /^\{"error":"[a-z_]+"\}$/.test(res.body ?? '')) return true;
  if (res.status === 307 && res.headers.location) {
    const where = new URL(res.headers.location, 'http://x').pathname;
    return new RegExp(`^${build.base}(?:/(?:en|fr))?/(?:sign-in|select-organization)$`).test(where);
  }
  return false;
};

// ---------------------------------------------------------------------------------------------
// Processes: built, started, always stopped; .next removed unless CHECK_ROUTES_KEEP=1.
// ---------------------------------------------------------------------------------------------

const children = new Set();
const builtDirs = new Set();
function cleanup() {
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGKILL'); // the process group we created (detached), nothing else
    } catch {
      /* already gone */
    }
  }
  children.clear();
  if (KEEP) return;
  rmSync(KIT, { recursive: true, force: true });
  for (const dir of builtDirs) {
    rmSync(join(dir, '.next'), { recursive: true, force: true });
    rmSync(join(dir, 'next-env.d.ts'), { force: true });
  }
}
process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => process.exit(130));

/** Runs a command to completion; its output is printed only when it fails. */
function run(cmd, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      children.delete(child);
      if (code === 0) resolve(out);
      else reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}:\n${out}`));
    });
  });
}

/** Starts `next start` and resolves once it prints its ready line; `onLine` sees every line after. */
function startServer(dir, port, env, onLine) {
  return new Promise((resolve, reject) => {
    // `--hostname localhost`, not 127.0.0.1: with -H 127.0.0.1, Next 16 network-proxies the
    // same-origin rewrite clerkMiddleware returns to http://localhost:<port>, which answers
    // nothing (vercel/next.js#94745). localhost binds 127.0.0.1 here; requests go to 127.0.0.1.
    const child = spawn(nextBin, ['start', '--hostname', 'localhost', '--port', String(port)], {
      cwd: dir,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    let out = '';
    let ready = false;
    let pending = '';
    const timer = setTimeout(
      () => reject(new Error(`next start did not print its ready line in ${READY_TIMEOUT_MS / 1000} s:\n${out}`)),
      READY_TIMEOUT_MS,
    );
    const onData = (chunk) => {
      const text = chunk.toString();
      if (!ready) {
        out += text;
        if (/Ready in/.test(stripVTControlCharacters(out))) {
          ready = true;
          clearTimeout(timer);
          resolve(child);
        }
      }
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) onLine(line);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code, signal) => {
      children.delete(child);
      clearTimeout(timer);
      child.exited = true;
      if (!ready) reject(new Error(`next start exited with ${code ?? signal}:\n${out}`));
    });
  });
}

function stopServer(child) {
  return new Promise((resolve) => {
    if (child.exited) return resolve();
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, 5_000);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}

/** Whether the built proxy came from the kit's copy: Turbopack silently resolves around an alias that misses. */
function bundledFromKit(dir) {
  const chunks = join(dir, '.next/server/chunks');
  const maps = existsSync(chunks) ? readdirSync(chunks).filter((f) => f.endsWith('.js.map')) : [];
  const texts = maps.map((f) => readFileSync(join(chunks, f), 'utf8')).filter((t) => t.includes('create-session-middleware.js'));
  return (
    texts.length > 0 &&
    texts.every(
      (t) =>
        t.includes('/test/routes/.kit/middleware/create-session-middleware.js') &&
        !t.includes('/dist/middleware/create-session-middleware.js'),
    )
  );
}

/** A port nothing listens on now (next start has no `--port 0` that prints the port it got). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

const failures = [];
const check = (ok, message) => {
  console.log(`${ok ? '✓' : '✗'} ${message}`);
  if (!ok) failures.push(message);
};
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

if (!existsSync(join(DIST, 'middleware/index.js'))) {
  console.error(`${join(DIST, 'middleware/index.js')} is missing: run \`npm run build\` first.`);
  process.exit(1);
}
rmSync(KIT, { recursive: true, force: true });
cpSync(DIST, KIT, { recursive: true });
console.log(`the kit: ${DIST} (copied to ${relative(root, KIT)})`);
const { RECOMMENDED_MATCHER } = await import(join(KIT, 'middleware/matcher.js'));

const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
const now = Math.floor(Date.now() / 1000);
// One token per persona for the whole run (an hour is ample). `__client_uat` is fixed before the
// token's `iat`: a later one would make clerkMiddleware ask for a handshake (a network call).
const clientUat = now - 10;
const tokens = {};
for (const p of PERSONAS) {
  if (!p.claims) continue;
  tokens[p.name] = await new SignJWT({ v: 2, sid: `sess_${p.name}`, ...p.claims })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'ins_test' })
    .setIssuedAt(now - 5)
    .setExpirationTime(now + 3600)
    .sign(privateKey);
}
// A production key (pk_live_ + base64('clerk.example.com$')): no dev-browser handshake; tokens are
// verified with jwtKey, so the server never calls Clerk. The secret is a placeholder @clerk/nextjs
// insists on and never sends.
const appEnv = {
  ...baseEnv,
  NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: `pk_live_${btoa('clerk.example.com$')}`,
  CLERK_SECRET_KEY: 'sk_live_offline_placeholder_never_sent',
  CLERK_JWT_KEY: await exportSPKI(publicKey),
};

const started = Date.now();
const totals = { requests: 0, served: 0, violations: [] };
const familyTotals = new Map();

try {
  for (const build of BUILDS) {
    if (ONLY && ONLY !== build.id) continue;
    await runBuild(build);
  }
} catch (error) {
  console.error(error);
  failures.push(String(error?.message ?? error).split('\n')[0]);
} finally {
  cleanup();
  agent.destroy();
}

console.log(
  `\n== all builds: ${totals.requests} requests in ${seconds(started)}; ${totals.served} (${pctOf(totals.served, totals.requests)}) reached a route file; ${totals.violations.length} violation(s)`,
);
console.log('requests per family (all builds):');
for (const [family, n] of familyTotals) console.log(`  ${family.padEnd(30)} ${n}`);
if (!ONLY) check(totals.requests >= 5000, `at least 5,000 requests across personas (sent ${totals.requests})`);
if (failures.length) {
  console.error(`\n${failures.length} route check(s) failed:`);
  for (const f of failures) console.error(`  ✗ ${f}`);
  process.exit(1);
}
console.log('\nroute checks passed: no request reached a route file its persona may not see');

function pctOf(n, d) {
  return d ? `${((100 * n) / d).toFixed(1)} %` : '–';
}

async function runBuild(build) {
  console.log(`\n== ${build.title}: ${build.dir.slice(root.length)}`);
  const proxy = readFileSync(join(build.dir, 'proxy.ts'), 'utf8');
  const literal = /matcher:\s*(\[[^\]]*\])/.exec(proxy)?.[1];
  const pasted = literal === undefined ? undefined : JSON.parse(literal.replaceAll("'", '"'));
  check(JSON.stringify(pasted) === JSON.stringify(RECOMMENDED_MATCHER), `${build.id}: proxy.ts pastes RECOMMENDED_MATCHER as is`);

  let t = Date.now();
  builtDirs.add(build.dir);
  rmSync(join(build.dir, '.next'), { recursive: true, force: true });
  await run(nextBin, ['build'], { cwd: build.dir, env: { ...appEnv, CHECK_ROUTES_KIT: relative(build.dir, KIT) } });
  console.log(`  next build: ${seconds(t)}`);
  check(
    bundledFromKit(build.dir),
    `${build.id}: the proxy is bundled from the copy of ${DIST.startsWith(root) ? relative(root, DIST) : DIST} (its source maps name test/routes/.kit/middleware/create-session-middleware.js)`,
  );

  const buildId = readFileSync(join(build.dir, '.next/BUILD_ID'), 'utf8').trim();
  let actionIds = {};
  if (build.id === 'root') {
    const manifest = JSON.parse(readFileSync(join(build.dir, '.next/server/server-reference-manifest.json'), 'utf8')).node;
    for (const [id, entry] of Object.entries(manifest)) actionIds[entry.exportedName] = id;
    check(Boolean(actionIds.recordRun && actionIds.submit), `${build.id}: the server actions are in the manifest`);
  }

  const ran = new Map(); // nonce → number of runs logged by the server
  const waiters = new Map();
  const onLine = (line) => {
    for (const m of line.matchAll(/action-ran\{([^}]*)\}/g)) {
      ran.set(m[1], (ran.get(m[1]) ?? 0) + 1);
      waiters.get(m[1])?.();
    }
  };
  t = Date.now();
  const port = await freePort();
  const server = await startServer(build.dir, port, appEnv, onLine);
  console.log(`  next start ready: ${seconds(t)} (port ${port})`);

  try {
    const origin = `http://${HOST}:${port}`;
    const ctx = { buildId, tokens, port };
    const { cases, families } = generate(build, ctx);
    for (const c of cases) c.query = await withRscQuery(c);

    // One job per case and persona; a HEAD to a page is sent after the same GET and judged with it.
    let nonce = 0;
    const nonces = new Map();
    const jobs = [];
    for (const c of cases) for (const persona of PERSONAS) jobs.push({ c, persona });
    const results = [];
    const headersFor = (c, persona, n) => {
      const h = { ...c.headers };
      if (persona.name !== 'signed-out') {
        if (c.auth === 'bearer') h.authorization = `Bearer ${tokens[persona.name]}`;
        else h.cookie = `__session=${tokens[persona.name]}; __client_uat=${clientUat}`;
      }
      let body = c.body;
      if (c.action === 'fetch') {
        Object.assign(h, {
          'next-action': actionIds.recordRun,
          accept: 'text/x-component',
          'content-type': 'text/plain;charset=UTF-8',
          origin,
        });
        body = JSON.stringify([n]);
      } else if (c.action === 'form') {
        const boundary = '----csk-routes';
        Object.assign(h, { 'content-type': `multipart/form-data; boundary=${boundary}`, origin, accept: 'text/html' });
        body = [
          `--${boundary}`,
          `Content-Disposition: form-data; name="$ACTION_ID_${actionIds.submit}"`,
          '',
          '',
          `--${boundary}`,
          'Content-Disposition: form-data; name="nonce"',
          '',
          n,
          `--${boundary}--`,
          '',
        ].join('\r\n');
      }
      if (body !== undefined) h['content-length'] = String(Buffer.byteLength(body));
      return { headers: h, body };
    };
    const sendOnce = async (c, persona, method) => {
      const n = c.action ? `n${build.id}-${++nonce}` : undefined;
      if (n) nonces.set(n, { c, persona });
      const { headers, body } = headersFor(c, persona, n);
      let res = await send(port, { method, path: c.query, headers, body });
      if (res.error) res = await send(port, { method, path: c.query, headers, body }); // once, for a reset keep-alive socket
      return { res, nonce: n, headers };
    };

    t = Date.now();
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) {
        const { c, persona } = jobs[next++];
        if (c.method === 'HEAD') {
          const get = judge(build, c, persona, 'GET', await sendOnce(c, persona, 'GET'));
          results.push(get, judge(build, c, persona, 'HEAD', await sendOnce(c, persona, 'HEAD'), get));
        } else {
          results.push(judge(build, c, persona, c.method, await sendOnce(c, persona, c.method)));
        }
        if (server.exited) throw new Error('next start exited during the run');
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const elapsed = Date.now() - t;

    // The action log: a sentinel run by the admin, logged after every earlier run, so once it is
    // seen the log is complete.
    if (build.id === 'root') {
      const seen = new Promise((resolve) => waiters.set('sentinel', resolve));
      const res = await send(port, {
        method: 'POST',
        path: '/actions',
        headers: {
          'next-action': actionIds.recordRun,
          accept: 'text/x-component',
          'content-type': 'text/plain;charset=UTF-8',
          origin,
          cookie: `__session=${tokens.admin}; __client_uat=${clientUat}`,
        },
        body: '["sentinel"]',
      });
      const logged = await Promise.race([seen.then(() => true), new Promise((r) => setTimeout(() => r(false), 30_000).unref())]);
      check(res.status === 200 && logged, `${build.id}: the sentinel action ran and its log line arrived (got ${res.status ?? res.error})`);
      // A run the server logged for a persona that may not run it is a violation even when the
      // response did not show it.
      const byNonce = new Map(results.filter((x) => x.nonce).map((x) => [x.nonce, x]));
      for (const [n, count] of ran) {
        const who = nonces.get(n);
        if (!who) continue;
        const r = byNonce.get(n);
        if (r) r.logged = count;
        if (who.persona.level < LEVEL['signed-in'] && r && !r.violation) {
          r.violation = { file: `${ACTION} (server log)`, requirement: 'signed-in' };
        }
      }
    }

    report(build, families, results, elapsed);
    sanity(build, results, ran);
  } finally {
    await stopServer(server);
  }
}

/** Classifies one response and decides whether it is a violation. */
function judge(build, c, persona, method, { res, nonce, headers }, pairedGet) {
  const r = {
    family: c.family,
    c,
    persona,
    method,
    status: res.status,
    error: res.error,
    location: res.headers?.location,
    nonce,
    headers,
    files: [],
  };
  if (res.error) {
    r.outcome = 'error';
    return r;
  }
  const files = routeFilesOf(res);
  let worst = -1;
  for (const [file, params] of files) {
    const requirement = build.files[file];
    r.files.push({ file, params, requirement });
    if (requirement === undefined) {
      r.unknown = file;
      continue;
    }
    worst = Math.max(worst, LEVEL[requirement]);
    if (persona.level < LEVEL[requirement] && !r.violation) r.violation = { file, params, requirement };
  }
  // HEAD to a page has no body: it is served when the same GET was, and a violation when that
  // GET was one and HEAD still answered 2xx.
  if (method === 'HEAD' && files.size === 0 && pairedGet && res.status >= 200 && res.status < 300 && pairedGet.files.length) {
    r.files = pairedGet.files;
    worst = Math.max(...pairedGet.files.map((f) => LEVEL[f.requirement] ?? 0));
    if (pairedGet.violation) r.violation = { ...pairedGet.violation, viaGet: true };
  }
  if (worst >= 0) r.outcome = ['public', 'signed-in', 'admin'][worst];
  else if (isKitRefusal(res, build)) r.outcome = 'refused';
  else if (res.status === 404) r.outcome = '404';
  else if (res.status >= 300 && res.status < 400) r.outcome = '3xx';
  else r.outcome = 'other';
  return r;
}

function report(build, families, results, elapsed) {
  const COLS = ['sent', 'public', 'signed-in', 'admin', 'refused', '404', '3xx', 'other', 'VIOL'];
  const rows = new Map(families.map((f) => [f, Object.fromEntries(COLS.map((k) => [k, 0]))]));
  for (const r of results) {
    const row = rows.get(r.family);
    row.sent++;
    row[r.outcome === 'error' ? 'other' : r.outcome]++;
    if (r.violation) row.VIOL++;
  }
  const total = Object.fromEntries(COLS.map((k) => [k, 0]));
  console.log(
    `  ${results.length} requests in ${(elapsed / 1000).toFixed(1)} s (${((results.length * 1000) / elapsed).toFixed(0)}/s, concurrency ${CONCURRENCY}, seed ${SEED})`,
  );
  console.log(`  served by a route file of class public / signed-in / admin; refused = 401, 403, the kit's 400 JSON or a 307 to sign-in`);
  console.log(`  ${'family'.padEnd(30)}${COLS.map((k) => k.padStart(10)).join('')}`);
  for (const [family, row] of rows) {
    console.log(`  ${family.padEnd(30)}${COLS.map((k) => String(row[k]).padStart(10)).join('')}`);
    for (const k of COLS) total[k] += row[k];
    familyTotals.set(family, (familyTotals.get(family) ?? 0) + row.sent);
  }
  console.log(`  ${'total'.padEnd(30)}${COLS.map((k) => String(total[k]).padStart(10)).join('')}`);
  const others = new Map();
  for (const r of results.filter((x) => x.outcome === 'other')) {
    const key = r.error ? 'error' : `${r.status}${r.status === 200 || r.status === 204 ? ' (no route file named)' : ''}`;
    others.set(key, (others.get(key) ?? 0) + 1);
  }
  if (others.size)
    console.log(
      `  other: ${[...others]
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k} × ${n}`)
        .join(', ')}`,
    );
  if (DUMP) {
    const lines = results.map((r) =>
      JSON.stringify({
        build: build.id,
        family: r.family,
        persona: r.persona.name,
        method: r.method,
        path: r.c.query,
        headers: r.c.headers,
        auth: r.c.auth,
        action: r.c.action,
        status: r.status,
        error: r.error,
        location: r.location,
        outcome: r.outcome,
        files: r.files,
        violation: r.violation,
      }),
    );
    writeFileSync(DUMP, `${lines.join('\n')}\n`, {
      flag: build === BUILDS.find((b) => !ONLY || b.id === ONLY) ? 'w' : 'a',
    });
  }
  const served = results.filter((r) => ['public', 'signed-in', 'admin'].includes(r.outcome)).length;
  totals.requests += results.length;
  totals.served += served;

  const violations = results.filter((r) => r.violation);
  totals.violations.push(...violations);
  if (violations.length) {
    console.log(`\n  ${violations.length} VIOLATION(S) in ${build.title}:`);
    for (const v of violations) {
      const shown = Object.entries(v.c.headers).map(([k, val]) => `${k}: ${val.length > 40 ? `${val.slice(0, 40)}…` : val}`);
      if (v.c.auth === 'bearer' && v.persona.name !== 'signed-out') shown.push('authorization: Bearer <token>');
      if (v.c.action) shown.push(`${v.c.action} action`);
      const params = v.violation.params ? ` params ${JSON.stringify(v.violation.params)}` : '';
      console.log(
        `  ✗ [${v.family}] ${v.method} ${v.c.query}${shown.length ? ` {${shown.join('; ')}}` : ''} as ${v.persona.name} → ${v.status} served ${v.violation.file} (${v.violation.requirement})${params}${v.violation.viaGet ? ' (HEAD 2xx after that GET)' : ''}`,
      );
    }
    failures.push(`${build.id}: ${violations.length} request(s) reached a route file the persona may not see`);
  }
}

function sanity(build, results, ran) {
  // 1. Every canonical path is served by its own file to every persona that may see it, and
  //    refused to every persona that may not.
  const canonical = results.filter((x) => x.c.canonical && x.method === 'GET');
  const wrong = [];
  for (const r of canonical) {
    const requirement = build.files[r.c.canonical];
    const via = `${r.persona.name} GET ${r.c.path}${r.c.auth === 'bearer' ? ' (Bearer)' : ''}`;
    if (r.persona.level >= LEVEL[requirement]) {
      if (!(r.status === 200 && r.files.some((f) => f.file === r.c.canonical)))
        wrong.push(
          `${via}: expected 200 from ${r.c.canonical}, got ${r.status ?? r.error}${r.files.length ? ` from ${r.files.map((f) => f.file).join(', ')}` : ''}`,
        );
    } else if (r.outcome !== 'refused') {
      wrong.push(`${via}: expected a refusal, got ${r.status ?? r.error}`);
    }
  }
  check(
    wrong.length === 0,
    `${build.id}: each of ${canonical.length} canonical requests is served by its own file to a persona that may see it and refused to one that may not${wrong.length ? `:\n    ${wrong.join('\n    ')}` : ''}`,
  );
  // 2. The server action runs for those who may run it, and the run is logged.
  if (build.id === 'root') {
    for (const name of ['member', 'admin']) {
      const r = results.find((x) => x.c.action === 'fetch' && x.c.path === '/actions' && x.persona.name === name);
      check(
        Boolean(r && r.status === 200 && r.files.some((f) => f.file === ACTION) && ran.get(r.nonce)),
        `${build.id}: ${name} runs the server action on /actions (got ${r?.status}, logged ${Boolean(r && ran.get(r.nonce))})`,
      );
    }
  }
  // 3. No request failed outright, and no response named a file outside the table.
  const errors = results.filter((r) => r.outcome === 'error');
  check(
    errors.length === 0,
    `${build.id}: every request was answered (${errors.length} failed${
      errors.length
        ? `: ${errors
            .slice(0, 3)
            .map((e) => `${e.method} ${e.c.query}: ${e.error}`)
            .join(' | ')}`
        : ''
    })`,
  );
  const unknown = results.filter((r) => r.unknown);
  check(
    unknown.length === 0,
    `${build.id}: every route file named is in the table${unknown.length ? ` (not: ${[...new Set(unknown.map((r) => r.unknown))].join(', ')})` : ''}`,
  );
  // 4. Enough variants reach a route: the check cannot pass by refusing everything.
  const served = results.filter((r) => ['public', 'signed-in', 'admin'].includes(r.outcome)).length;
  const share = served / results.length;
  const allowed = results.filter((r) => ['public', 'signed-in', 'admin'].includes(r.outcome) && !r.violation).length;
  check(
    share >= MIN_SERVED_SHARE[build.id],
    `${build.id}: ${pctOf(served, results.length)} of the requests reached a route file (${allowed} of them allowed; at least ${(MIN_SERVED_SHARE[build.id] * 100).toFixed(0)} % expected)`,
  );
  // 5. The notes' measured bypasses and the pinned regressions were sent.
  const musts = [...build.notes, ...build.pinned({ buildId: '' }).filter((c) => !c.path.startsWith('/_next/'))];
  const missing = musts.filter((note) => !results.some((r) => r.c.path === note.path));
  check(
    missing.length === 0,
    `${build.id}: the ${musts.length} inputs of middleware-threats.md and the pinned regressions were sent${missing.length ? ` (not: ${missing.map((n) => n.path).join(', ')})` : ''}`,
  );
}
