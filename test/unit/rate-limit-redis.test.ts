// @vitest-environment node
/**
 * The Redis and Upstash stores against a real redis-server (test/support/redis-server.ts), and
 * @upstash/redis against a local node:http stand-in for Upstash's REST API that forwards every
 * command to that same redis-server (test/support/upstash-stand-in.ts). Nothing here waits for
 * time to pass: the sliding window's script takes a clock argument from the tests, and the one
 * test of real expiry waits for the server to drop the key.
 */
import { createHash } from 'node:crypto';
import { Redis } from '@upstash/redis';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRateLimiter, FAIL_POLICY_HEADER, memoryStore } from '../../src/middleware/rate-limit';
import { redisStore } from '../../src/middleware/rate-limit/redis-store';
import { HIT_SCRIPT, HIT_SCRIPT_SHA1, hitResult } from '../../src/middleware/rate-limit/script';
import { upstashStore } from '../../src/middleware/rate-limit/upstash-store';
import { type RedisServer, startRedisServer } from '../support/redis-server';
import { startUpstashStandIn, type UpstashStandIn } from '../support/upstash-stand-in';

let server: RedisServer;
let standIn: UpstashStandIn;
const clients: { destroy(): void }[] = [];
const silent = () => {};
// Not about timeouts: a generous one, so a busy CI machine never turns a slow answer into a
// fail-open decision (the 200 ms default is covered in rate-limit.test.ts on a fake clock).
const slow = { timeoutMs: 5_000 } as const;
const req = () => new Request('https://app.test/api/x');
const sliding = (limit: number) => ({ algorithm: 'sliding', limit, signedIn: true }) as const;
/** `r` and `t` of a one-policy RateLimit field. */
const rateLimit = (headers: Headers) => {
  const [, r, t] = /^"[^"]*";r=(\d+);t=(\d+)$/.exec(headers.get('RateLimit') ?? '') ?? [];
  return { r: Number(r), t: Number(t) };
};

async function connect() {
  const client = createClient({ url: server.url, disableOfflineQueue: true, socket: { reconnectStrategy: () => 50 } });
  client.on('error', () => {}); // each failed reconnect; the limiter reports the outage itself
  await client.connect();
  clients.push(client);
  return client;
}

/** Waits for a state (Vitest polls `condition`, at most `ms`), never for a fixed time. */
const until = (condition: () => boolean | Promise<boolean>, ms = 5_000) =>
  vi.waitFor(async () => expect(await condition()).toBe(true), { timeout: ms });

beforeAll(async () => {
  server = await startRedisServer();
  standIn = await startUpstashStandIn(server.url);
}, 20_000);

afterAll(async () => {
  for (const client of clients) client.destroy();
  await standIn?.close();
  await server?.close();
});

describe('given the hit script', () => {
  it('should be published with its own SHA-1', () => {
    expect(createHash('sha1').update(HIT_SCRIPT).digest('hex')).toBe(HIT_SCRIPT_SHA1);
  });

  it('should refuse a reply it does not understand', () => {
    expect(() => hitResult(null, 1000)).toThrow(/unexpected script reply/);
    expect(() => hitResult([1, 2, 3], 1000)).toThrow(/unexpected script reply/);
    expect(() => hitResult(['x', 2], 1000)).toThrow(/unexpected script reply/);
  });
});

describe('given the sliding window on the server and in memory', () => {
  it('should answer every request of a long random sequence exactly as the memory store does', async () => {
    const client = await connect();
    let seed = 99;
    const random = () => ((seed = (seed * 48_271) % 2_147_483_647) - 1) / 2_147_483_646;
    for (const [W, L] of [
      [1_000, 1],
      [1_000, 4],
      [60_000, 7],
    ] as const) {
      let now = Date.parse('2026-01-15T12:00:00Z') + 5;
      const memory = memoryStore({ now: () => now });
      const key = `t:differential:${W}:${L}`;
      for (let i = 0; i < 250; i++) {
        const r = random();
        now += r < 0.4 ? 0 : r < 0.8 ? Math.floor(random() * W * 0.2) : Math.floor(random() * W * 1.5);
        const onServer = hitResult(
          await client.eval(HIT_SCRIPT, { keys: [key], arguments: [String(W), String(L), 'sliding', String(now)] }),
          W,
        );
        expect(onServer, `${key}, request ${i}`).toEqual(await memory.hit(key, W, sliding(L)));
      }
    }
  });

  it('should count on the server clock without a clock argument, and keep the key as long as its window weighs', async () => {
    const client = await connect();
    const store = redisStore({ client });
    const W = 3_600_000; // an hour: the few milliseconds of this test do not cross a boundary
    const time = async () => client.time().then(([s, us]) => Number(s) * 1000 + Math.floor(Number(us) / 1000));
    const before = await time();
    const first = await store.hit('t:server-clock', W, sliding(5));
    const after = await time();
    expect(first.count).toBe(1);
    const w = Number(await client.hGet('t:server-clock', 'w'));
    expect([Math.floor(before / W), Math.floor(after / W)]).toContain(w);
    // One request in this window weighs until the next one ends.
    expect(first.resetMs).toBeGreaterThanOrEqual(2 * W - (after - w * W));
    expect(first.resetMs).toBeLessThanOrEqual(2 * W - (before - w * W));
    const ttl = await client.pTTL('t:server-clock');
    expect(ttl).toBeGreaterThan(W);
    expect(ttl).toBeLessThanOrEqual(first.resetMs);
  });

  it('should count at most the limit when two clients hit one key 200 times at once', async () => {
    const [a, b] = [redisStore({ client: await connect() }), redisStore({ client: await connect() })];
    const hits = await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 ? a : b).hit('t:sliding-atomic', 3_600_000, sliding(50))));
    expect(hits.filter((h) => h.count <= 50)).toHaveLength(50);
    expect(hits.filter((h) => h.count > 50)).toHaveLength(150);
  });
});

describe('given two node-redis clients on one redis-server (fixed window)', () => {
  it('should hand out every count exactly once when both hit one key at the same time', async () => {
    const [a, b] = [redisStore({ client: await connect() }), redisStore({ client: await connect() })];
    const hits = await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 ? a : b).hit('t:atomic', 60_000)));
    expect(hits.map((h) => h.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    for (const h of hits) expect(h.resetMs).toBeGreaterThan(59_000);
  });

  it('should start a new window when the key expires on the server', async () => {
    const client = await connect();
    const store = redisStore({ client });
    const first = await store.hit('t:expiry', 300);
    expect(first.count).toBe(1);
    expect(first.resetMs).toBeLessThanOrEqual(300);
    expect((await store.hit('t:expiry', 300)).count).toBe(2);
    await until(async () => (await client.exists('t:expiry')) === 0);
    expect((await store.hit('t:expiry', 300)).count).toBe(1);
  });

  it('should send the script again when the server has forgotten it', async () => {
    const client = await connect();
    const store = redisStore({ client });
    await store.hit('t:noscript', 60_000);
    await client.scriptFlush();
    expect((await client.scriptExists([HIT_SCRIPT_SHA1]))[0]).toBe(0);
    expect((await store.hit('t:noscript', 60_000)).count).toBe(2);
    expect((await client.scriptExists([HIT_SCRIPT_SHA1]))[0]).toBe(1);
    await client.scriptFlush();
    expect((await store.hit('t:noscript-sliding', 60_000, sliding(5))).count).toBe(1);
    expect((await client.scriptExists([HIT_SCRIPT_SHA1]))[0]).toBe(1);
  });
});

describe('given two limiter instances on one redis-server', () => {
  const rules = [{ match: '/api/*', limit: 3, window: '1m' }] as const;
  const pair = (algorithm: 'sliding' | 'fixed', prefix: string) =>
    Promise.all(
      [0, 1].map(async () =>
        createRateLimiter({
          ...slow,
          rules,
          algorithm,
          store: redisStore({ client: await connect() }),
          prefix,
          log: silent,
        }),
      ),
    );
  type Limiter = Awaited<ReturnType<typeof pair>>[number];
  const ask = (limiter: Limiter | undefined, userId: string) => limiter!.check({ request: req(), userId, path: '/api/x' });

  it('should give users separate counts and refuse request N+1 across both (fixed window: t is the window end)', async () => {
    const [one, two] = await pair('fixed', 't:users-fixed');
    expect((await ask(one, 'user_a')).allowed).toBe(true);
    expect((await ask(two, 'user_a')).allowed).toBe(true);
    expect((await ask(one, 'user_a')).headers.get('RateLimit')).toBe('"/api/*";r=0;t=60');
    const refused = await ask(two, 'user_a');
    expect(refused.response?.status).toBe(429);
    expect(refused.response?.headers.get('Retry-After')).toBe('60');
    expect((await ask(two, 'user_b')).headers.get('RateLimit')).toBe('"/api/*";r=2;t=60');
  });

  it('should give users separate counts and refuse request N+1 across both (sliding window: t is when more is allowed)', async () => {
    const [one, two] = await pair('sliding', 't:users-sliding');
    expect(rateLimit((await ask(one, 'user_a')).headers).r).toBe(2);
    expect(rateLimit((await ask(two, 'user_a')).headers).r).toBe(1);
    const third = rateLimit((await ask(one, 'user_a')).headers);
    expect(third.r).toBe(0);
    // 3 of 3: one more fits once they weigh 2, a third of the way into the next minute.
    expect(third.t).toBeGreaterThanOrEqual(20);
    expect(third.t).toBeLessThanOrEqual(80);
    const refused = await ask(two, 'user_a');
    expect(refused.response?.status).toBe(429);
    expect(Number(refused.response?.headers.get('Retry-After'))).toBe(rateLimit(refused.headers).t);
    expect(rateLimit((await ask(two, 'user_b')).headers).r).toBe(2);
  });
});

describe('given redis-server goes down and comes back', () => {
  it('should follow each fail policy while it is down, log once, tell clients only when asked, and resume limiting after', async () => {
    const rules = [{ match: '/api/*', limit: 2, window: '1m' }] as const;
    const open = createRateLimiter({
      ...slow,
      rules,
      store: redisStore({ client: await connect() }),
      prefix: 't:down',
      log: silent,
    });
    const client = await connect();
    const log: string[] = [];
    const closed = createRateLimiter({
      ...slow,
      rules,
      store: redisStore({ client }),
      prefix: 't:down',
      failPolicy: 'closed',
      exposeFailure: true,
      log: (m) => log.push(m),
    });
    const ask = (limiter: typeof open) => limiter.check({ request: req(), userId: 'user_down', path: '/api/x' });
    await ask(open);
    await ask(closed);
    expect((await ask(open)).allowed).toBe(false);

    await server.stop();
    for (let i = 0; i < 5; i++) {
      const a = await ask(open);
      expect(a.allowed).toBe(true);
      expect(a.headers.has(FAIL_POLICY_HEADER)).toBe(false);
      const b = await ask(closed);
      expect(b.response?.status).toBe(503);
      expect(b.headers.get(FAIL_POLICY_HEADER)).toMatch(/^closed; reason=(error|timeout)$/);
    }
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(/store failed/);

    await server.start();
    await until(() => client.isReady);
    await standIn.ready();
    // Nothing was saved, so the restarted server starts every count again.
    const back = await ask(closed);
    expect(back.headers.has(FAIL_POLICY_HEADER)).toBe(false);
    expect(rateLimit(back.headers).r).toBe(1);
    expect(log[1]).toMatch(/answers again/);
    expect((await ask(closed)).allowed).toBe(true);
    expect((await ask(closed)).response?.status).toBe(429);
  }, 20_000);
});

describe('given @upstash/redis against the local REST stand-in', () => {
  const upstash = (token = standIn.token) => new Redis({ url: standIn.url, token, retry: false, enableTelemetry: false });

  for (const algorithm of ['sliding', 'fixed'] as const) {
    it(`should count atomically and share the counts with node-redis clients on the same server (${algorithm} window)`, async () => {
      const rules = [{ match: '/api/*', limit: 5, window: '1m' }] as const;
      const prefix = `t:upstash-${algorithm}`;
      const edge = createRateLimiter({
        ...slow,
        rules,
        algorithm,
        store: upstashStore({ client: upstash() }),
        prefix,
        log: silent,
      });
      const node = createRateLimiter({
        ...slow,
        rules,
        algorithm,
        store: redisStore({ client: await connect() }),
        prefix,
        log: silent,
      });
      const before = standIn.requests;
      const decisions = await Promise.all(
        Array.from({ length: 8 }, (_, i) => (i % 2 ? edge : node).check({ request: req(), userId: 'user_e', path: '/api/x' })),
      );
      for (const d of decisions) expect(d.headers.has(FAIL_POLICY_HEADER)).toBe(false);
      expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
      expect(decisions.filter((d) => d.response?.status === 429)).toHaveLength(3);
      expect(standIn.requests).toBeGreaterThan(before);
      const last = await edge.check({ request: req(), userId: 'user_e', path: '/api/x' });
      expect(rateLimit(last.headers).r).toBe(0);
      expect(Number(last.response?.headers.get('Retry-After'))).toBe(rateLimit(last.headers).t);
    });
  }

  it('should fall back to EVAL when the script is not loaded', async () => {
    const client = await connect();
    await client.scriptFlush();
    const store = upstashStore({ client: upstash() });
    expect((await store.hit('t:upstash-noscript', 60_000)).count).toBe(1);
    expect((await client.scriptExists([HIT_SCRIPT_SHA1]))[0]).toBe(1);
    await client.scriptFlush();
    expect((await store.hit('t:upstash-noscript-sliding', 60_000, sliding(3))).count).toBe(1);
  });

  it('should apply the fail policy when the REST API refuses or is unreachable', async () => {
    const rules = [{ match: '/api/*', limit: 5, window: '1m' }] as const;
    const badToken = createRateLimiter({
      ...slow,
      rules,
      store: upstashStore({ client: upstash('wrong') }),
      failPolicy: 'closed',
      exposeFailure: true,
      log: silent,
    });
    const refused = await badToken.check({ request: req(), userId: 'u', path: '/api/x' });
    expect(refused.response?.status).toBe(503);
    expect(refused.headers.get(FAIL_POLICY_HEADER)).toBe('closed; reason=error');

    const gone = new Redis({ url: 'http://127.0.0.1:9', token: 't', retry: false, enableTelemetry: false });
    const open = createRateLimiter({
      ...slow,
      rules,
      store: upstashStore({ client: gone }),
      exposeFailure: true,
      log: silent,
    });
    const decision = await open.check({ request: req(), userId: 'u', path: '/api/x' });
    expect(decision.allowed).toBe(true);
    expect(decision.headers.get(FAIL_POLICY_HEADER)).toMatch(/^open; reason=(error|timeout)$/);
  });
});
