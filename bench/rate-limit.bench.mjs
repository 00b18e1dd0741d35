#!/usr/bin/env node
/**
 * The rate limiter under load (scenario in test/support/rate-limit-load.ts, loaded from source through
 * Vite's module runner): two instances of the real middleware (createSessionMiddleware over
 * clerkMiddleware, real signed session tokens) share one real redis-server; 50 users send 1,000
 * requests; Redis is stopped mid-run and restarted. Prints admitted counts per user against the
 * limit, what happened while Redis was down, and the added latency per request over the same
 * middleware without a limiter (p50/p95). Exits non-zero on a correctness failure
 * (over-admission, a fail-policy violation, an unhandled rejection), never on timing numbers.
 * Starts and stops its own Redis.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { runnerImport } from 'vite';
import { summary } from './summary.mjs';

// What Next's runtime provides and plain Node does not, before next/server and @clerk/nextjs load
// (test/middleware/setup.ts and vitest.config.ts do the same for the tests): a global
// AsyncLocalStorage, and a secret @clerk/nextjs insists on (a placeholder: with `jwtKey` it is never used).
globalThis.AsyncLocalStorage ??= AsyncLocalStorage;
process.env.CLERK_SECRET_KEY ??= 'sk_live_csk_bench_secret';

const root = new URL('..', import.meta.url).pathname;
// @clerk/nextjs's ESM build imports its files without extensions (Next bundles it), so Node cannot
// load it as it is: Vite's runner transforms it like the app's own code.
const { module } = await runnerImport(`${root}test/support/rate-limit-load.ts`, {
  configFile: false,
  logLevel: 'error',
  root,
  environments: { inline: { resolve: { noExternal: ['@clerk/nextjs'] } } },
});
const r = await module.runRateLimitLoad({ latencyRuns: 3000 });

const counts = Object.entries(r.admittedPerUser);
const byCount = Map.groupBy(counts, ([, n]) => n);
console.log(
  `Two middleware instances (createSessionMiddleware + Clerk), one redis-server, 50 users, 1000 requests (20 each), limit ${r.limit} per user per hour (sliding window)`,
);
for (const [n, users] of [...byCount].sort((a, b) => a[0] - b[0])) {
  console.log(
    `  admitted ${String(n).padStart(2)} of ${r.limit}: ${users.length} users${users.length <= 5 ? ` (${users.map(([u]) => u).join(', ')})` : ''}`,
  );
}
console.log(
  `  over-admitted: ${r.overAdmitted}   let through by the fail policy (store over 200 ms): ${r.failedOpen}   refused 429: ${r.refused429}   other statuses: ${r.otherStatuses.length ? r.otherStatuses.join(', ') : 'none'}`,
);
console.log(`Redis stopped mid-run: ${r.down.before} requests before the stop finished, ${r.down.sent} after`);
console.log(`  /api/* (fail open):  ${r.down.openAdmitted} admitted with RateLimit-Store-Failure: open (exposeFailure is on here)`);
console.log(`  /api/auth/* (fail closed): ${r.down.closedRefused} refused 503 with RateLimit-Store-Failure: closed`);
console.log(`  violations: ${r.down.violations.length}   unhandled rejections: ${r.unhandledRejections}`);
console.log(`  logged per instance: ${r.logs.map((l) => l.length).join(' and ')} lines (the outage, the recovery)`);
console.log(`Redis restarted: ${r.resumed.admitted} of ${r.resumed.sent} admitted, ${r.resumed.refused} refused 429 (limit ${r.limit})`);
console.log(`Latency per request, ${r.latencyRuns} sequential requests each, interleaved (ms)`);
console.log('  middleware          p50      p95    added p50  added p95   p95 ratio to bare (bare: the middleware without a limiter)');
for (const name of ['bare', 'memory', 'redis']) {
  const l = r.latency[name];
  const add = (q) => (name === 'bare' ? '' : `+${(l[q] - r.latency.bare[q]).toFixed(3)}`.padStart(9));
  const ratio = `${(l.p95 / r.latency.bare.p95).toFixed(2)}×`.padStart(9);
  console.log(
    `  ${(name === 'bare' ? 'bare' : `+ limiter, ${name}`).padEnd(18)} ${l.p50.toFixed(3).padStart(6)}   ${l.p95.toFixed(3).padStart(6)}   ${add('p50').padStart(9)}  ${add('p95').padStart(9)}   ${ratio}`,
  );
}
summary(
  'rate limit, 2 instances on Redis: over-admitted',
  String(r.overAdmitted),
  r.latency.redis.p95 / r.latency.bare.p95,
  `middleware without a limiter, p95; Redis adds ${(r.latency.redis.p95 - r.latency.bare.p95).toFixed(2)} ms (target ≤ 2 ms)`,
);
console.log(`(the issue's bar: the Redis-backed limiter adds at most 2 ms at p95 on loopback)`);

const failures = [];
if (r.overAdmitted !== 0) failures.push(`${r.overAdmitted} requests over-admitted`);
if (r.failedOpen === 0 && counts.some(([, n]) => n !== r.limit))
  failures.push('a user was not admitted exactly the limit while Redis was up');
if (r.down.violations.length) failures.push(`fail policy violated: ${r.down.violations.slice(0, 3).join('; ')}`);
if (r.down.openAdmitted === 0 || r.down.closedRefused === 0) failures.push('the store-down phase did not exercise both policies');
if (r.resumed.admitted !== r.limit) failures.push('limiting did not resume after the restart');
if (r.unhandledRejections) failures.push(`${r.unhandledRejections} unhandled rejections`);
if (failures.length) {
  console.error(`\nFAILED: ${failures.join('; ')}`);
  process.exit(1);
}
