#!/usr/bin/env node
/**
 * Middleware benchmark (Node, the built dist/ of this repo; builds it if missing).
 * 1. Route decision per request with 1, 10 and 50 patterns: createSessionMiddleware's compiled
 *    policy (normalize once, one regex) against Clerk's createRouteMatcher on the same requests.
 * 2. The whole middleware against a bare clerkMiddleware, both verifying the same signed tokens
 *    offline through jwtKey. Figures in µs per request; ratios against the baseline of this run.
 * Never fails on numbers.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';
import { summary } from './summary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(`${root}dist/middleware/index.js`)) {
  console.log('building dist/ first (npx tsdown)…');
  const built = spawnSync('npx', ['tsdown'], { cwd: root, stdio: 'ignore' });
  if (built.status !== 0) throw new Error('tsdown failed');
}

// What Next's bundler does and plain Node ESM does not. @clerk/nextjs's ESM build uses
// extensionless imports that only bundlers resolve, so load its CommonJS build (the same code);
// `next/server` has no exports map, so resolve it to its file.
registerHooks({
  resolve(specifier, context, next) {
    if (specifier.startsWith('@clerk/nextjs')) return next(specifier, { ...context, conditions: ['node', 'require', 'default'] });
    try {
      return next(specifier, context);
    } catch (error) {
      if (/\.[cm]?js$/.test(specifier) || specifier.startsWith('node:')) throw error;
      try {
        return next(`${specifier}.js`, context);
      } catch {
        return next(`${specifier}/index.js`, context);
      }
    }
  },
});
globalThis.AsyncLocalStorage = AsyncLocalStorage;
process.env.CLERK_SECRET_KEY ??= 'sk_live_bench_secret';
process.env.NODE_ENV = 'production';

const { NextRequest } = await import('next/server');
const { clerkMiddleware, createRouteMatcher } = await import('@clerk/nextjs/server');
const { createSessionMiddleware } = await import(`${root}dist/middleware/index.js`);
// The policy the middleware compiles (internal, not exported: dist/ is unbundled, one file per module).
const { compileRoutePolicy } = await import(`${root}dist/core/route-policy.js`);
const { exportSPKI, generateKeyPair, SignJWT } = await import('jose');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Interleaved rounds of a and b (order alternating); returns the median ns per call of each and
 * the median of the per-round ratios a ÷ b, which cancels drift on a shared machine.
 */
async function compare(a, b, { rounds = 21, iterations }) {
  const ta = [];
  const tb = [];
  for (let r = 0; r < rounds + 2; r++) {
    for (const [fn, out] of r % 2
      ? [
          [a, ta],
          [b, tb],
        ]
      : [
          [b, tb],
          [a, ta],
        ]) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < iterations; i++) await fn(i);
      const ns = Number(process.hrtime.bigint() - start) / iterations;
      if (r >= 2) out.push(ns); // two warm-up rounds
    }
  }
  return [median(ta), median(tb), median(ta.map((x, i) => x / tb[i]))];
}

function syncCompare(a, b, { rounds = 15, iterations }) {
  const ta = [];
  const tb = [];
  let sink = 0;
  for (let r = 0; r < rounds + 2; r++) {
    for (const [fn, out] of r % 2
      ? [
          [a, ta],
          [b, tb],
        ]
      : [
          [b, tb],
          [a, ta],
        ]) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < iterations; i++) sink ^= fn(i) ? 1 : 0;
      const ns = Number(process.hrtime.bigint() - start) / iterations;
      if (r >= 2) out.push(ns);
    }
  }
  if (sink === 2) console.log('');
  return [median(ta), median(tb)];
}

// --- 1. Route decision -------------------------------------------------------------------------
const PATHS = [
  '/',
  '/sign-in',
  '/sign-in/factor-one',
  '/sign-inX',
  '/dashboard',
  '/admin',
  '/admin/users/42',
  '/api/admin/x',
  '/api/%61dmin/x',
  '//admin',
  '/x/../admin',
  '/Section7/deep/page',
  '/section3',
  '/section49/a/b/c',
  '/blog/2026/11/post-title',
  '/settings/profile',
  '/api/reports?from=2026-01-01',
  '/pricing',
  '/section12/x',
  '/orgs/acme/settings',
];
const requests = PATHS.map((p) => new NextRequest(`https://app.test${p}`));
const warn = console.warn;
console.warn = () => {}; // createRouteMatcher logs its deprecation on every creation
console.log('Route decision: public-route check per request, same requests (ns/request, median of 15 rounds)');
console.log('patterns | kit policy | Clerk createRouteMatcher | Clerk ÷ kit');
for (const n of [1, 10, 50]) {
  const ours = [];
  const clerks = [];
  for (let i = 0; ours.length < n; i++) {
    ours.push(i % 2 ? `/section${i}/*` : `/section${i}`);
    clerks.push(i % 2 ? `/section${i}(.*)` : `/section${i}`);
  }
  const policy = compileRoutePolicy({
    publicRoutes: ours,
    signInUrl: 'https://accounts.example/sign-in',
    signUpUrl: 'https://accounts.example/sign-up',
  });
  const isPublic = createRouteMatcher(clerks);
  const kit = (i) => policy.decide(requests[i % requests.length].nextUrl.pathname).ok;
  const clerk = (i) => isPublic(requests[i % requests.length]);
  const [a, b] = syncCompare(kit, clerk, { iterations: 20_000 });
  console.log(`${String(n).padStart(8)} | ${a.toFixed(0).padStart(10)} | ${b.toFixed(0).padStart(23)} | ${(b / a).toFixed(1)}×`);
  if (n === 50) summary('route decision, 50 patterns', `${a.toFixed(0)} ns`, a / b, 'Clerk createRouteMatcher (target ≤ 0.2)');
}
console.warn = warn;

// --- 2. Whole middleware ------------------------------------------------------------------------
const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
const clerkOptions = { publishableKey: `pk_live_${btoa('clerk.example.com$')}`, jwtKey: await exportSPKI(publicKey) };
const now = Math.floor(Date.now() / 1000);
const sign = (claims) =>
  new SignJWT({ v: 2, sid: 'sess_1', azp: 'https://app.test', ...claims })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setIssuedAt(now - 5)
    .setExpirationTime(now + 3600)
    .sign(privateKey);
const admin = await sign({
  sub: 'user_admin',
  o: { id: 'org_acme', rol: 'admin', slg: 'acme', per: 'read,manage', fpm: '3' },
  fea: 'o:reports',
});
const member = await sign({
  sub: 'user_member',
  o: { id: 'org_acme', rol: 'member', slg: 'acme', per: 'read', fpm: '1' },
  fea: 'o:reports',
});
const mix = [
  { path: '/dashboard', cookie: admin },
  { path: '/admin/users', cookie: admin },
  { path: '/api/reports', bearer: member },
  { path: '/api/admin/x', bearer: admin },
  { path: '/', cookie: member },
  { path: '/settings', cookie: member },
];
const makeRequest = (i) => {
  const { path, cookie, bearer } = mix[i % mix.length];
  const headers = new Headers({ accept: 'text/html' });
  if (cookie) headers.set('cookie', `__session=${cookie}; __client_uat=${now - 10}`);
  if (bearer) headers.set('authorization', `Bearer ${bearer}`);
  return new NextRequest(`https://app.test${path}`, { headers });
};
const event = { waitUntil() {} };
const bare = clerkMiddleware(clerkOptions);
const kit = createSessionMiddleware({
  publicRoutes: ['/', '/pricing', '/blog/*'],
  rules: [{ routes: ['/admin/*', '/api/admin/*'], require: { permission: 'org:reports:manage' } }],
  clerk: clerkOptions,
});
const [k, c, ratio] = await compare(
  (i) => kit(makeRequest(i), event),
  (i) => bare(makeRequest(i), event),
  { iterations: 200 },
);
console.log('\nWhole middleware per request (µs, signed-in page/API mix, token verified each time; medians of 21 rounds)');
console.log(
  `createSessionMiddleware ${(k / 1000).toFixed(1)} µs | bare clerkMiddleware ${(c / 1000).toFixed(1)} µs | kit ÷ bare ${ratio.toFixed(3)}× (median of per-round ratios)`,
);
summary('whole middleware per request', `${(k / 1000).toFixed(0)} µs`, ratio, 'bare clerkMiddleware (target ≤ 1.05)');
