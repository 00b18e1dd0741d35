// @vitest-environment node
/**
 * The Redis and Upstash stores against a real redis-server (test/support/redis-server.ts), and
 * @upstash/redis against a local node:http stand-in for Upstash's REST API that forwards every
 * command to that same redis-server (test/support/upstash-stand-in.ts).
 */
import { createHash } from 'node:crypto';
import { Redis } from '@upstash/redis';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter, FAIL_POLICY_HEADER } from '../../src/middleware/rate-limit';
import { redisStore } from '../../src/middleware/rate-limit/redis-store';
import { HIT_SCRIPT, HIT_SCRIPT_SHA1 } from '../../src/middleware/rate-limit/script';
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

async function connect() {
  const client = createClient({ url: server.url, disableOfflineQueue: true, socket: { reconnectStrategy: () => 50 } });
  client.on('error', () => {}); // each failed reconnect; the limiter reports the outage itself
  await client.connect();
  clients.push(client);
  return client;
}

const ready = async (client: { isReady: boolean }) => {
  for (let i = 0; i < 100 && !client.isReady; i++) await new Promise((r) => setTimeout(r, 20));
  expect(client.isReady).toBe(true);
};

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
});

describe('given two node-redis clients on one redis-server', () => {
  it('should hand out every count exactly once when both hit one key at the same time', async () => {
    const [a, b] = [redisStore({ client: await connect() }), redisStore({ client: await connect() })];
    const hits = await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 ? a : b).hit('t:atomic', 60_000)));
    expect(hits.map((h) => h.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    for (const h of hits) expect(h.resetMs).toBeGreaterThan(59_000);
  });

  it('should start a new window when the key expires on the server', async () => {
    const store = redisStore({ client: await connect() });
    const first = await store.hit('t:expiry', 1_000);
    expect(first.count).toBe(1);
    expect(first.resetMs).toBeLessThanOrEqual(1_000);
    expect((await store.hit('t:expiry', 1_000)).count).toBe(2);
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await store.hit('t:expiry', 1_000)).count).toBe(1);
  });

  it('should send the script again when the server has forgotten it', async () => {
    const client = await connect();
    const store = redisStore({ client });
    await store.hit('t:noscript', 60_000);
    await client.scriptFlush();
    expect((await client.scriptExists([HIT_SCRIPT_SHA1]))[0]).toBe(0);
    expect((await store.hit('t:noscript', 60_000)).count).toBe(2);
    expect((await client.scriptExists([HIT_SCRIPT_SHA1]))[0]).toBe(1);
  });

  it('should give users separate counts and refuse request N+1 across both instances', async () => {
    const rules = [{ match: '/api/*', limit: 3, window: '1m' }] as const;
    const one = createRateLimiter({ ...slow, rules, store: redisStore({ client: await connect() }), prefix: 't:users', log: silent });
    const two = createRateLimiter({ ...slow, rules, store: redisStore({ client: await connect() }), prefix: 't:users', log: silent });
    const ask = (limiter: typeof one, userId: string) => limiter.check({ request: req(), userId, path: '/api/x' });
    expect((await ask(one, 'user_a')).allowed).toBe(true);
    expect((await ask(two, 'user_a')).allowed).toBe(true);
    expect((await ask(one, 'user_a')).headers.get('RateLimit')).toBe('"/api/*";r=0;t=60');
    const refused = await ask(two, 'user_a');
    expect(refused.response?.status).toBe(429);
    expect(refused.response?.headers.get('Retry-After')).toBe('60');
    expect((await ask(two, 'user_b')).headers.get('RateLimit')).toBe('"/api/*";r=2;t=60');
  });
});

describe('given redis-server goes down and comes back', () => {
  it('should follow each fail policy while it is down and resume limiting after', async () => {
    const rules = [{ match: '/api/*', limit: 2, window: '1m' }] as const;
    const open = createRateLimiter({ ...slow, rules, store: redisStore({ client: await connect() }), prefix: 't:down', log: silent });
    const client = await connect();
    const log: string[] = [];
    const closed = createRateLimiter({ ...slow, rules, store: redisStore({ client }), prefix: 't:down', failPolicy: 'closed', log: (m) => log.push(m) });
    const ask = (limiter: typeof open) => limiter.check({ request: req(), userId: 'user_down', path: '/api/x' });
    await ask(open);
    await ask(closed);
    expect((await ask(open)).allowed).toBe(false);

    await server.stop();
    for (let i = 0; i < 5; i++) {
      const a = await ask(open);
      expect(a.allowed).toBe(true);
      expect(a.headers.get(FAIL_POLICY_HEADER)).toMatch(/^open; reason=(error|timeout)$/);
      const b = await ask(closed);
      expect(b.response?.status).toBe(503);
      expect(b.headers.get(FAIL_POLICY_HEADER)).toMatch(/^closed; reason=(error|timeout)$/);
    }
    expect(log).toHaveLength(1);

    await server.start();
    await ready(client);
    await standIn.ready();
    // Nothing was saved, so the restarted server starts every count again.
    expect((await ask(closed)).headers.get('RateLimit')).toBe('"/api/*";r=1;t=60');
    expect(log[1]).toMatch(/answers again/);
    expect((await ask(closed)).allowed).toBe(true);
    expect((await ask(closed)).response?.status).toBe(429);
  }, 20_000);
});

describe('given @upstash/redis against the local REST stand-in', () => {
  const upstash = (token = standIn.token) => new Redis({ url: standIn.url, token, retry: false, enableTelemetry: false });

  it('should count atomically and share the counts with node-redis clients on the same server', async () => {
    const rules = [{ match: '/api/*', limit: 5, window: '1m' }] as const;
    const edge = createRateLimiter({ ...slow, rules, store: upstashStore({ client: upstash() }), prefix: 't:upstash', log: silent });
    const node = createRateLimiter({ ...slow, rules, store: redisStore({ client: await connect() }), prefix: 't:upstash', log: silent });
    const before = standIn.requests;
    const decisions = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? edge : node).check({ request: req(), userId: 'user_e', path: '/api/x' })));
    for (const d of decisions) expect(d.headers.get(FAIL_POLICY_HEADER)).toBeNull();
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
    expect(decisions.filter((d) => d.response?.status === 429)).toHaveLength(3);
    expect(standIn.requests).toBeGreaterThan(before);
    const last = await edge.check({ request: req(), userId: 'user_e', path: '/api/x' });
    expect(last.headers.get('RateLimit')).toBe('"/api/*";r=0;t=60');
  });

  it('should fall back to EVAL when the script is not loaded', async () => {
    const client = await connect();
    await client.scriptFlush();
    const store = upstashStore({ client: upstash() });
    expect((await store.hit('t:upstash-noscript', 60_000)).count).toBe(1);
    expect((await client.scriptExists([HIT_SCRIPT_SHA1]))[0]).toBe(1);
  });

  it('should apply the fail policy when the REST API refuses or is unreachable', async () => {
    const rules = [{ match: '/api/*', limit: 5, window: '1m' }] as const;
    const badToken = createRateLimiter({ ...slow, rules, store: upstashStore({ client: upstash('wrong') }), failPolicy: 'closed', log: silent });
    const refused = await badToken.check({ request: req(), userId: 'u', path: '/api/x' });
    expect(refused.response?.status).toBe(503);
    expect(refused.headers.get(FAIL_POLICY_HEADER)).toBe('closed; reason=error');

    const gone = new Redis({ url: 'http://127.0.0.1:9', token: 't', retry: false, enableTelemetry: false });
    const open = createRateLimiter({ ...slow, rules, store: upstashStore({ client: gone }), log: silent });
    const decision = await open.check({ request: req(), userId: 'u', path: '/api/x' });
    expect(decision.allowed).toBe(true);
    expect(decision.headers.get(FAIL_POLICY_HEADER)).toMatch(/^open; reason=(error|timeout)$/);
  });
});
