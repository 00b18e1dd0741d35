/**
 * The rate limiter's load scenario, shared by bench/rate-limit.bench.mjs (prints figures) and
 * test/unit/rate-limit-load.test.ts (asserts them in CI):
 * 1. two middleware instances in one process, each with its own node-redis client, share one
 *    real redis-server; 50 users send 1,000 requests, shuffled and alternated across both;
 * 2. redis-server is stopped mid-run: `/api/*` fails open, `/api/auth/*` fails closed;
 * 3. redis-server is restarted: limiting resumes;
 * 4. added latency per request over a bare middleware (memory store and Redis store).
 *
 * The "middleware" here is a thin stand-in (request → Response) that calls the limiter the way
 * createSessionMiddleware will: user id resolved first (here from a test bearer token instead of
 * Clerk), path normalized, `decision.response` when refused, `decision.headers` copied onto the
 * allowed response. After the merge it should be re-pointed at the real createSessionMiddleware.
 */
import { createClient } from 'redis';
import { normalizePath } from '../src/core/route-pattern';
import { createRateLimiter, FAIL_POLICY_HEADER, memoryStore, type RateLimiter } from '../src/middleware/rate-limit';
import { redisStore } from '../src/middleware/rate-limit/redis-store';
import { startRedisServer } from '../test/support/redis-server';

export const LIMIT = 10;
export const AUTH_LIMIT = 3;
const USERS = 50;
const REQUESTS = 1000;

type Middleware = (request: Request) => Promise<Response>;

const handler = async () => Response.json({ ok: true });

/** A stand-in for createSessionMiddleware({ rateLimit }) per the contract in src/core/rate-limit-contract.ts. */
export function thinMiddleware(limiter: RateLimiter | null): Middleware {
  return async (request) => {
    const normalized = normalizePath(new URL(request.url).pathname);
    if (!normalized.ok) return Response.json({ error: 'bad_request' }, { status: 400 });
    const bearer = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? null; // Clerk's auth() in the real one
    if (!limiter) return handler();
    const decision = await limiter.check({ request, userId: bearer, path: normalized.path });
    if (!decision.allowed) return decision.response ?? Response.json({ error: 'too_many_requests' }, { status: 429 });
    const response = await handler();
    decision.headers.forEach((value, key) => response.headers.set(key, value));
    return response;
  };
}

const rules = [
  { match: '/api/*', limit: LIMIT, window: '1m' },
  { match: '/api/auth/*', limit: AUTH_LIMIT, window: '1m', failPolicy: 'closed' },
] as const;

const get = (path: string, user: string) => new Request(`https://app.test${path}`, { headers: { authorization: `Bearer ${user}` } });

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
  const server = await startRedisServer();
  const clients: { isReady: boolean; destroy(): void }[] = [];
  try {
    const logs: string[][] = [[], []];
    const instances = await Promise.all(
      [0, 1].map(async (i) => {
        // As the README recommends: fail fast while Redis is down, reconnect quickly.
        const client = createClient({ url: server.url, disableOfflineQueue: true, socket: { reconnectStrategy: (retries) => Math.min(retries * 50, 500) } });
        client.on('error', () => {});
        await client.connect();
        clients.push(client);
        const limiter = createRateLimiter({ rules, store: redisStore({ client }), timeoutMs, log: (m) => logs[i]?.push(m) });
        return thinMiddleware(limiter);
      }),
    );
    const instance = (i: number) => instances[i % 2] as Middleware;

    // 1. 50 users × 20 requests, shuffled, alternating instances, 25 in flight.
    const sends = shuffle(Array.from({ length: REQUESTS }, (_, i) => `user_${i % USERS}`));
    const phase1 = await pool(
      sends.map((user, i) => async () => {
        const res = await instance(i)(get('/api/items', user));
        return { user, status: res.status, failedOpen: res.headers.has(FAIL_POLICY_HEADER) };
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
          const res = await instance(i >> 1)(get(path, `down_${i % 50}`));
          if (!afterStop) continue;
          const failure = res.headers.get(FAIL_POLICY_HEADER);
          if (path === '/api/items' && res.status === 200 && failure?.startsWith('open')) down.openAdmitted++;
          else if (path === '/api/auth/session' && res.status === 503 && failure?.startsWith('closed')) down.closedRefused++;
          else down.violations.push(`${path} → ${res.status} ${failure ?? '(no failure header)'}`);
        }
      }),
    );
    await stopping;

    // 3. Redis comes back (empty: nothing is saved); limiting resumes on both instances.
    await server.start();
    for (let i = 0; i < 200 && !clients.every((c) => c.isReady); i++) await new Promise((r) => setTimeout(r, 20));
    const resumed = { sent: LIMIT + 5, admitted: 0, refused: 0, failureHeaders: 0 };
    for (let i = 0; i < resumed.sent; i++) {
      const res = await instance(i)(get('/api/items', 'user_back'));
      if (res.status === 200) resumed.admitted++;
      if (res.status === 429) resumed.refused++;
      if (res.headers.has(FAIL_POLICY_HEADER)) resumed.failureHeaders++;
    }

    // 4. Added latency: bare vs memory store vs Redis store, one request at a time, interleaved
    //    so that all three share the machine's noise. Many users, so most requests are allowed.
    const bare = thinMiddleware(null);
    const memory = thinMiddleware(createRateLimiter({ rules, store: memoryStore({ maxKeys: 5000 }), log: () => {} }));
    const redis = instance(0);
    const times = { bare: [] as number[], memory: [] as number[], redis: [] as number[] };
    const warmup = Math.min(300, latencyRuns);
    for (let i = 0; i < warmup + latencyRuns; i++) {
      const user = `lat_${i % 1000}`;
      for (const [name, mw] of [['bare', bare], ['memory', memory], ['redis', redis]] as const) {
        const t0 = performance.now();
        await mw(get('/api/items', user));
        if (i >= warmup) times[name].push(performance.now() - t0);
      }
    }
    const latency = {
      bare: { p50: quantile(times.bare, 0.5), p95: quantile(times.bare, 0.95) },
      memory: { p50: quantile(times.memory, 0.5), p95: quantile(times.memory, 0.95) },
      redis: { p50: quantile(times.redis, 0.5), p95: quantile(times.redis, 0.95) },
    };
    // Let late 'error' events and rejections surface before counting them.
    await new Promise((r) => setTimeout(r, 50));
    return { limit: LIMIT, admittedPerUser, overAdmitted, failedOpen, refused429, otherStatuses, down, resumed, logs, unhandledRejections, latency, latencyRuns };
  } finally {
    for (const client of clients) client.destroy();
    await server.close();
    process.removeListener('unhandledRejection', onUnhandled);
  }
}
