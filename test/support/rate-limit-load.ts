/**
 * The rate limiter's load scenario, shared by bench/rate-limit.bench.mjs (prints figures) and
 * test/middleware/rate-limit-load.test.ts (asserts them in CI):
 * 1. two instances of the real middleware (createSessionMiddleware with `rateLimit`, over Clerk's
 *    clerkMiddleware verifying real RS256 session tokens through `jwtKey`, offline), each with its
 *    own node-redis client, share one real redis-server; 50 users send 1,000 requests, shuffled
 *    and alternated across both;
 * 2. redis-server is stopped mid-run: `/api/*` fails open, `/api/auth/*` fails closed;
 * 3. redis-server is restarted: limiting resumes;
 * 4. added latency per request over the same middleware without a limiter (memory store and Redis store).
 * The limits are per hour on the default sliding window, so a run that crosses a window boundary
 * still admits exactly the limit (the previous window weighs fully for the first minutes).
 *
 * What Next's runtime provides and plain Node does not must be in place before this module loads
 * (next/server and @clerk/nextjs read it when they load): a global AsyncLocalStorage and a
 * CLERK_SECRET_KEY (a placeholder: with `jwtKey` it is never used). test/middleware/setup.ts and
 * vitest.config.ts do that for the test, bench/rate-limit.bench.mjs for the benchmark.
 */
import type { NextFetchEvent } from 'next/server';
import { createClient } from 'redis';
import { createSessionMiddleware } from '../../src/middleware/create-session-middleware';
import { createRateLimiter, FAIL_POLICY_HEADER, memoryStore, type RateLimiter } from '../../src/middleware/rate-limit';
import { redisStore } from '../../src/middleware/rate-limit/redis-store';
import { clerkOptions, request, signToken } from './clerk';
import { startRedisServer, whenReady, type Reconnecting } from './redis-server';

export const LIMIT = 10;
export const AUTH_LIMIT = 3;
const USERS = 50;
const REQUESTS = 1000;

/** A request to the middleware: a path and the signed-in user's session token. */
type Send = (path: string, token: string) => Promise<Response>;

const event = { waitUntil: () => undefined } as unknown as NextFetchEvent;

const rules = [
  { match: '/api/*', limit: LIMIT, window: '1h' },
  { match: '/api/auth/*', limit: AUTH_LIMIT, window: '1h', failPolicy: 'closed' },
] as const;

/** The real middleware (what an app's proxy.ts runs, minus Next) and session tokens for users. */
function realMiddleware() {
  if (!('AsyncLocalStorage' in globalThis))
    throw new Error('rate-limit-load: set globalThis.AsyncLocalStorage before importing it (see the comment at its top).');
  const exp = Math.floor(Date.now() / 1000) + 3600; // the benchmark runs longer than the default minute
  const tokens = new Map<string, string>();
  /** Signs a token for each user (before a phase: signing is not what is measured). */
  const signIn = async (users: string[]) => {
    for (const sub of users) tokens.set(sub, await signToken({ sub, exp }));
  };
  const middleware = (rateLimit?: RateLimiter): Send => {
    const mw = createSessionMiddleware({ rateLimit, clerk: clerkOptions });
    return (path, user) => mw(request(path, { bearer: tokens.get(user) ?? user }), event);
  };
  return { middleware, signIn };
}

/**
 * Whether the middleware let the request through to the app: NextResponse.next(), which
 * clerkMiddleware turns into a same-origin rewrite (the requests go to ORIGIN of test/support/clerk.ts).
 */
const passed = (res: Response) =>
  res.status === 200 &&
  (res.headers.get('x-middleware-next') === '1' || res.headers.get('x-middleware-rewrite')?.startsWith('https://app.test/') === true);

/** A deterministic shuffle (mulberry32), so every run sends the same interleaving. */
function shuffle<T>(items: T[], seed = 42): T[] {
  let a = seed;
  const random = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** Runs `tasks` with at most `concurrency` in flight, in order of start. */
async function pool<T>(tasks: (() => Promise<T>)[], concurrency: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await (tasks[i] as () => Promise<T>)();
      }
    }),
  );
  return results;
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(q * xs.length) - 1)] ?? NaN;

export interface LoadReport {
  limit: number;
  admittedPerUser: Record<string, number>;
  overAdmitted: number;
  /** Phase 1 requests the limiter let through because the store exceeded `timeoutMs`. */
  failedOpen: number;
  refused429: number;
  otherStatuses: number[];
  down: { before: number; sent: number; openAdmitted: number; closedRefused: number; violations: string[] };
  resumed: { sent: number; admitted: number; refused: number; failureHeaders: number };
  logs: string[][];
  unhandledRejections: number;
  latency: Record<'bare' | 'memory' | 'redis', { p50: number; p95: number }>;
  latencyRuns: number;
}

export async function runRateLimitLoad({ latencyRuns = 3000, timeoutMs = 200 } = {}): Promise<LoadReport> {
  let unhandledRejections = 0;
  const onUnhandled = () => void unhandledRejections++;
  process.on('unhandledRejection', onUnhandled);
  const warmup = Math.min(300, latencyRuns);
  // Enough latency users that each sends fewer than the limit: the requests measured are admitted.
  const latencyUsers = Math.ceil((warmup + latencyRuns) / (LIMIT - 1));
  const { middleware, signIn } = realMiddleware();
  await signIn([
    ...Array.from({ length: USERS }, (_, u) => `user_${u}`),
    ...Array.from({ length: 50 }, (_, u) => `down_${u}`),
    ...Array.from({ length: latencyUsers }, (_, u) => `lat_${u}`),
    'user_back',
  ]);
  const server = await startRedisServer();
  const clients: (Reconnecting & { destroy(): void })[] = [];
  try {
    const logs: string[][] = [[], []];
    const instances = await Promise.all(
      [0, 1].map(async (i) => {
        // As docs/middleware.md › Rate limiting recommends: fail fast while Redis is down, reconnect quickly.
        const client = createClient({
          url: server.url,
          disableOfflineQueue: true,
          socket: { reconnectStrategy: (retries) => Math.min(retries * 50, 500) },
        });
        client.on('error', () => {});
        await client.connect();
        clients.push(client);
        // exposeFailure: the scenario tells a request let through by the fail policy from one
        // admitted by count (an app leaves it off: the header tells every client the limiter is down).
        const limiter = createRateLimiter({
          rules,
          store: redisStore({ client }),
          timeoutMs,
          exposeFailure: true,
          log: (m) => logs[i]?.push(m),
        });
        return middleware(limiter);
      }),
    );
    const instance = (i: number) => instances[i % 2] as Send;

    // 1. 50 users × 20 requests, shuffled, alternating instances, 25 in flight.
    const sends = shuffle(Array.from({ length: REQUESTS }, (_, i) => `user_${i % USERS}`));
    const phase1 = await pool(
      sends.map((user, i) => async () => {
        const res = await instance(i)('/api/items', user);
        return { user, status: passed(res) ? 200 : res.status, failedOpen: res.headers.has(FAIL_POLICY_HEADER) };
      }),
      25,
    );
    const admittedPerUser: Record<string, number> = {};
    for (let u = 0; u < USERS; u++) admittedPerUser[`user_${u}`] = 0;
    // Admitted by count; a request let through because the store was too slow (fail open) is
    // reported apart, not as over-admission.
    for (const r of phase1) if (r.status === 200 && !r.failedOpen) admittedPerUser[r.user] = (admittedPerUser[r.user] ?? 0) + 1;
    const failedOpen = phase1.filter((r) => r.failedOpen).length;
    const overAdmitted = Object.values(admittedPerUser).reduce((sum, n) => sum + Math.max(0, n - LIMIT), 0);
    const refused429 = phase1.filter((r) => r.status === 429).length;
    const otherStatuses = [...new Set(phase1.map((r) => r.status).filter((s) => s !== 200 && s !== 429))];

    // 2. Redis stops mid-run: traffic keeps flowing (4 in flight) while the server shuts down.
    //    Requests that started before the stop finished may go either way; each one that starts
    //    after it must follow its rule's policy. 100 such requests, half to each rule.
    const down = { before: 0, sent: 0, openAdmitted: 0, closedRefused: 0, violations: [] as string[] };
    let started = 0;
    let stopped = false;
    let stopping: Promise<void> | undefined;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (down.sent < 100 && started < 100_000) {
          // Real requests arrive as I/O events; without this turn of the event loop, a store that
          // rejects at once (offline) would starve the timers and child-process events.
          await new Promise((resolve) => setImmediate(resolve));
          const i = started++;
          if (i === 100) stopping = server.stop().then(() => void (stopped = true));
          const afterStop = stopped;
          if (afterStop) down.sent++;
          else down.before++;
          const path = i % 2 ? '/api/auth/session' : '/api/items';
          const res = await instance(i >> 1)(path, `down_${i % 50}`);
          if (!afterStop) continue;
          const failure = res.headers.get(FAIL_POLICY_HEADER);
          if (path === '/api/items' && passed(res) && failure?.startsWith('open')) down.openAdmitted++;
          else if (path === '/api/auth/session' && res.status === 503 && failure?.startsWith('closed')) down.closedRefused++;
          else down.violations.push(`${path} → ${res.status} ${failure ?? '(no failure header)'}`);
        }
      }),
    );
    await stopping;

    // 3. Redis comes back (empty: nothing is saved); limiting resumes on both instances.
    await server.start();
    await Promise.all(clients.map((c) => whenReady(c, 'a rate-limit client could not reconnect to redis-server')));
    const resumed = { sent: LIMIT + 5, admitted: 0, refused: 0, failureHeaders: 0 };
    for (let i = 0; i < resumed.sent; i++) {
      const res = await instance(i)('/api/items', 'user_back');
      if (passed(res)) resumed.admitted++;
      if (res.status === 429) resumed.refused++;
      if (res.headers.has(FAIL_POLICY_HEADER)) resumed.failureHeaders++;
    }

    // 4. Added latency: the middleware without a limiter vs with the memory store vs with the
    //    Redis store, one request at a time, interleaved so that all three share the machine's
    //    noise. Each user sends fewer than the limit, so every request is admitted.
    const bare = middleware();
    const memory = middleware(createRateLimiter({ rules, store: memoryStore({ maxKeys: 5000 }), log: () => {} }));
    const redis = instance(0);
    const times = { bare: [] as number[], memory: [] as number[], redis: [] as number[] };
    for (let i = 0; i < warmup + latencyRuns; i++) {
      const user = `lat_${i % latencyUsers}`;
      for (const [name, mw] of [
        ['bare', bare],
        ['memory', memory],
        ['redis', redis],
      ] as const) {
        const t0 = performance.now();
        await mw('/api/items', user);
        if (i >= warmup) times[name].push(performance.now() - t0);
      }
    }
    const latency = {
      bare: { p50: quantile(times.bare, 0.5), p95: quantile(times.bare, 0.95) },
      memory: { p50: quantile(times.memory, 0.5), p95: quantile(times.memory, 0.95) },
      redis: { p50: quantile(times.redis, 0.5), p95: quantile(times.redis, 0.95) },
    };
    // Let rejections of promises that have already settled surface before counting them.
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
    return {
      limit: LIMIT,
      admittedPerUser,
      overAdmitted,
      failedOpen,
      refused429,
      otherStatuses,
      down,
      resumed,
      logs,
      unhandledRejections,
      latency,
      latencyRuns,
    };
  } finally {
    for (const client of clients) client.destroy();
    await server.close();
    process.removeListener('unhandledRejection', onUnhandled);
  }
}
