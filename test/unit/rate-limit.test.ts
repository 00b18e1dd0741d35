// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRateLimiter, FAIL_POLICY_HEADER, memoryStore, type RateLimitStore } from '../../src/middleware/rate-limit';

const T0 = Date.parse('2026-01-15T12:00:00Z');
const req = (headers: Record<string, string> = {}) => new Request('https://app.test/api/x', { headers });
const silent = () => {};

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => vi.useRealTimers());

describe('given a limit of 3 per minute on /api/*', () => {
  const make = (algorithm?: 'fixed') =>
    createRateLimiter({
      rules: [{ match: '/api/*', limit: 3, window: '1m' }],
      store: memoryStore(),
      algorithm,
      log: silent,
    });

  it('should allow request N, refuse N+1 with a 429 JSON, and allow the first request of the next window (fixed window)', async () => {
    const limiter = make('fixed');
    const ask = () => limiter.check({ request: req(), userId: 'user_a', path: '/api/items' });
    for (let i = 1; i <= 3; i++) {
      const ok = await ask();
      expect(ok.allowed).toBe(true);
      expect(ok.headers.get('RateLimit')).toBe(`"/api/*";r=${3 - i};t=60`);
    }
    vi.advanceTimersByTime(59_000);
    const refused = await ask();
    expect(refused.allowed).toBe(false);
    const res = refused.response as Response;
    expect(res.status).toBe(429);
    expect(res.headers.get('Content-Type')).toBe('application/json');
    expect(res.headers.get('Retry-After')).toBe('1');
    expect(res.headers.get('RateLimit-Policy')).toBe('"/api/*";q=3;w=60');
    expect(res.headers.get('RateLimit')).toBe('"/api/*";r=0;t=1');
    expect(await res.json()).toEqual({
      error: 'too_many_requests',
      message: 'Too many requests. Try again in 1 s.',
      retryAfter: 1,
    });
    expect(refused.headers.get('Retry-After')).toBe('1');

    vi.advanceTimersByTime(999);
    expect((await ask()).allowed).toBe(false);
    vi.advanceTimersByTime(1);
    const next = await ask();
    expect(next.allowed).toBe(true);
    expect(next.headers.get('RateLimit')).toBe('"/api/*";r=2;t=60');
  });

  it('should count each user on their own', async () => {
    const limiter = make();
    for (let i = 0; i < 3; i++) await limiter.check({ request: req(), userId: 'user_a', path: '/api/items' });
    expect((await limiter.check({ request: req(), userId: 'user_a', path: '/api/items' })).allowed).toBe(false);
    const other = await limiter.check({ request: req(), userId: 'user_b', path: '/api/items' });
    expect(other.allowed).toBe(true);
    // Sliding window: a request at the start of a window weighs on the count until the next one ends.
    expect(other.headers.get('RateLimit')).toBe('"/api/*";r=2;t=120');
  });

  it('should leave paths that no rule matches alone, with no headers', async () => {
    const limiter = make();
    for (let i = 0; i < 10; i++) {
      const decision = await limiter.check({ request: req(), userId: 'user_a', path: '/apix' });
      expect(decision).toEqual({ allowed: true, headers: new Headers() });
    }
    expect((await limiter.check({ request: req(), userId: 'user_a', path: '/api' })).headers.get('RateLimit')).toBe('"/api/*";r=2;t=120');
  });
});

describe('given anonymous requests', () => {
  const rules = [{ match: '/api/*', limit: 1, window: 60 }] as const;

  it('should key them by the trusted header and ignore entries a client put before the proxy', async () => {
    const limiter = createRateLimiter({
      rules,
      store: memoryStore(),
      clientIp: { header: 'x-forwarded-for' },
      log: silent,
    });
    const from = (xff: string) => limiter.check({ request: req({ 'x-forwarded-for': xff }), userId: null, path: '/api/x' });
    expect((await from('203.0.113.7')).allowed).toBe(true);
    expect((await from('203.0.113.7')).allowed).toBe(false);
    // A client claiming other addresses: the proxy still appended its real one last.
    expect((await from('198.51.100.1, 203.0.113.7')).allowed).toBe(false);
    expect((await from('10.0.0.1, 10.0.0.2, 203.0.113.7')).allowed).toBe(false);
    expect((await from('203.0.113.8')).allowed).toBe(true);
  });

  it('should ignore spoofed IP headers that are not the trusted one', async () => {
    const limiter = createRateLimiter({ rules, store: memoryStore(), clientIp: { header: 'x-real-ip' }, log: silent });
    const from = (headers: Record<string, string>) =>
      limiter.check({ request: req({ 'x-real-ip': '203.0.113.7', ...headers }), userId: null, path: '/api/x' });
    expect((await from({})).allowed).toBe(true);
    expect((await from({ 'x-forwarded-for': '198.51.100.9' })).allowed).toBe(false);
    expect((await from({ 'cf-connecting-ip': '198.51.100.9', 'true-client-ip': '198.51.100.10' })).allowed).toBe(false);
  });

  it('should take the entry the given number of proxies from the right', async () => {
    const limiter = createRateLimiter({
      rules,
      store: memoryStore(),
      clientIp: { header: 'x-forwarded-for', fromRight: 2 },
      log: silent,
    });
    const from = (xff: string) => limiter.check({ request: req({ 'x-forwarded-for': xff }), userId: null, path: '/api/x' });
    expect((await from('203.0.113.7, 10.0.0.1')).allowed).toBe(true);
    expect((await from('1.1.1.1, 203.0.113.7, 10.0.0.2')).allowed).toBe(false);
  });

  it('should put requests without a valid trusted IP into one shared count, and say so once when no source is set', async () => {
    const log = vi.fn();
    const limiter = createRateLimiter({ rules, store: memoryStore(), log });
    expect((await limiter.check({ request: req({ 'x-forwarded-for': '203.0.113.7' }), userId: null, path: '/api/x' })).allowed).toBe(true);
    expect((await limiter.check({ request: req({ 'x-forwarded-for': '203.0.113.8' }), userId: null, path: '/api/x' })).allowed).toBe(false);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]?.[0]).toMatch(/no `clientIp`: anonymous requests share one count/);

    const trusted = createRateLimiter({ rules, store: memoryStore(), clientIp: { header: 'x-real-ip' }, log: silent });
    expect((await trusted.check({ request: req({ 'x-real-ip': 'not an ip' }), userId: null, path: '/api/x' })).allowed).toBe(true);
    expect((await trusted.check({ request: req({}), userId: null, path: '/api/x' })).allowed).toBe(false);
  });

  it('should never let an anonymous IP share a count with a signed-in user', async () => {
    const limiter = createRateLimiter({ rules, store: memoryStore(), clientIp: { header: 'x-real-ip' }, log: silent });
    expect((await limiter.check({ request: req({ 'x-real-ip': '203.0.113.7' }), userId: null, path: '/api/x' })).allowed).toBe(true);
    expect((await limiter.check({ request: req({ 'x-real-ip': '203.0.113.7' }), userId: 'user_a', path: '/api/x' })).allowed).toBe(true);
  });

  it('should read the IP through a function when the app gives one', async () => {
    const limiter = createRateLimiter({
      rules,
      store: memoryStore(),
      clientIp: (r) => r.headers.get('x-vercel-forwarded-for'),
      log: silent,
    });
    const from = (ip: string) => limiter.check({ request: req({ 'x-vercel-forwarded-for': ip }), userId: null, path: '/api/x' });
    expect((await from('2001:DB8::1')).allowed).toBe(true);
    expect((await from('2001:db8::1')).allowed).toBe(false);
  });
});

describe('given several rules that match one path', () => {
  it('should count every matching rule and refuse when any is used up', async () => {
    const limiter = createRateLimiter({
      rules: [
        { match: '/api/*', limit: 5, window: '1m' },
        { match: '/api/auth/*', limit: 2, window: '10s', name: 'auth' },
      ],
      store: memoryStore(),
      log: silent,
    });
    const ask = (path: string) => limiter.check({ request: req(), userId: 'user_a', path });
    const first = await ask('/api/auth/sign-in');
    expect(first.headers.get('RateLimit-Policy')).toBe('"/api/*";q=5;w=60, "auth";q=2;w=10');
    expect(first.headers.get('RateLimit')).toBe('"/api/*";r=4;t=120, "auth";r=1;t=20');
    await ask('/api/auth/sign-in');
    const third = await ask('/api/auth/sign-in');
    expect(third.allowed).toBe(false);
    // 2 of 2 in this 10 s window: one more fits 5 s into the next, when they weigh 1.
    expect(third.response?.headers.get('Retry-After')).toBe('15');
    // The refused request still counted against /api/*: 3 of 5 used.
    const other = await ask('/api/items');
    expect(other.allowed).toBe(true);
    expect(other.headers.get('RateLimit')).toBe('"/api/*";r=1;t=75');
    vi.advanceTimersByTime(15_000);
    expect((await ask('/api/auth/sign-in')).allowed).toBe(true);
  });
});

describe('given a rule name with characters a header cannot carry as they are', () => {
  it('should write it as a Structured Fields string: printable ASCII, quotes and backslashes escaped', async () => {
    const limiter = createRateLimiter({
      rules: [{ match: '/api/*', limit: 2, window: '1m', name: 'api "v1" \\ é' }],
      store: memoryStore(),
      log: silent,
    });
    const decision = await limiter.check({ request: req(), userId: 'user_a', path: '/api/x' });
    expect(decision.headers.get('RateLimit-Policy')).toBe('"api \\"v1\\" \\\\ ?";q=2;w=60');
  });
});

describe('given a store that fails', () => {
  const rules = [{ match: '/api/*', limit: 5, window: '1m' }] as const;
  const broken: RateLimitStore = { hit: () => Promise.reject(new Error('ECONNREFUSED')) };
  const hanging: RateLimitStore = { hit: () => new Promise(() => {}) };

  it('should fail open by default, log once per outage and once on recovery, and tell clients nothing', async () => {
    const log = vi.fn();
    let down = true;
    const memory = memoryStore();
    const flaky: RateLimitStore = {
      hit: (key, ms, options) => (down ? broken.hit(key, ms) : memory.hit(key, ms, options)),
    };
    const limiter = createRateLimiter({ rules, store: flaky, log });
    const ask = () => limiter.check({ request: req(), userId: 'user_a', path: '/api/x' });
    for (let i = 0; i < 3; i++) {
      const decision = await ask();
      expect(decision.allowed).toBe(true);
      expect(decision.headers.get(FAIL_POLICY_HEADER)).toBeNull();
      expect(decision.headers.get('RateLimit-Policy')).toBe('"/api/*";q=5;w=60');
      expect(decision.headers.get('RateLimit')).toBeNull();
    }
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]?.[0]).toMatch(/store failed \(error: ECONNREFUSED\); failing open/);
    down = false;
    const back = await ask();
    expect(back.headers.get(FAIL_POLICY_HEADER)).toBeNull();
    expect(back.headers.get('RateLimit')).toBe('"/api/*";r=4;t=120');
    expect(log).toHaveBeenCalledTimes(2);
    expect(log.mock.calls[1]?.[0]).toMatch(/answers again/);
    down = true;
    await ask();
    expect(log).toHaveBeenCalledTimes(3);
  });

  it('should say which policy applied in RateLimit-Store-Failure only when exposeFailure is set', async () => {
    const decide = (exposeFailure?: boolean) =>
      createRateLimiter({ rules, store: broken, exposeFailure, log: silent }).check({
        request: req(),
        userId: 'u',
        path: '/api/x',
      });
    expect((await decide(true)).headers.get(FAIL_POLICY_HEADER)).toBe('open; reason=error');
    expect((await decide(false)).headers.get(FAIL_POLICY_HEADER)).toBeNull();
    expect((await decide()).headers.has(FAIL_POLICY_HEADER)).toBe(false);
  });

  it('should fail closed with a 503 JSON when asked to', async () => {
    const limiter = createRateLimiter({ rules, store: broken, failPolicy: 'closed', exposeFailure: true, log: silent });
    const decision = await limiter.check({ request: req(), userId: 'user_a', path: '/api/x' });
    expect(decision.allowed).toBe(false);
    const res = decision.response as Response;
    expect(res.status).toBe(503);
    expect(res.headers.get(FAIL_POLICY_HEADER)).toBe('closed; reason=error');
    expect(res.headers.get('Retry-After')).toBe('1');
    expect((await res.json()).error).toBe('rate_limit_unavailable');
  });

  it('should apply the policy after 200 ms when the store hangs', async () => {
    const limiter = createRateLimiter({
      rules,
      store: hanging,
      failPolicy: 'closed',
      exposeFailure: true,
      log: silent,
    });
    let settled: Awaited<ReturnType<typeof limiter.check>> | undefined;
    void limiter.check({ request: req(), userId: 'user_a', path: '/api/x' }).then((d) => (settled = d));
    await vi.advanceTimersByTimeAsync(199);
    expect(settled).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(settled?.allowed).toBe(false);
    expect(settled?.headers.get(FAIL_POLICY_HEADER)).toBe('closed; reason=timeout');
  });

  it('should let a rule fail closed while the others fail open', async () => {
    const limiter = createRateLimiter({
      rules: [...rules, { match: '/api/auth/*', limit: 2, window: '1m', failPolicy: 'closed' }],
      store: broken,
      log: silent,
    });
    expect((await limiter.check({ request: req(), userId: 'u', path: '/api/items' })).allowed).toBe(true);
    expect((await limiter.check({ request: req(), userId: 'u', path: '/api/auth/sign-in' })).response?.status).toBe(503);
  });
});

describe('given app code that throws', () => {
  it('should still decide when the IP reader or the logger throws', async () => {
    const limiter = createRateLimiter({
      rules: [{ match: '/api/*', limit: 1, window: 60 }],
      store: { hit: () => Promise.reject(new Error('down')) },
      clientIp: () => {
        throw new Error('bad reader');
      },
      log: () => {
        throw new Error('bad logger');
      },
      exposeFailure: true,
    });
    const decision = await limiter.check({ request: req(), userId: null, path: '/api/x' });
    expect(decision.allowed).toBe(true);
    expect(decision.headers.get(FAIL_POLICY_HEADER)).toBe('open; reason=error');
  });
});

describe('given bad options', () => {
  it('should throw an error that names the bad rule', () => {
    const make = (rule: object) => () => createRateLimiter({ rules: [rule as never], log: silent });
    expect(make({ match: '/api*', limit: 1, window: 60 })).toThrow(/invalid route pattern "\/api\*"/i);
    expect(make({ match: '/api/*', limit: 0, window: 60 })).toThrow(/rules\[0\] \("\/api\/\*"\): `limit`/);
    expect(make({ match: '/api/*', limit: 1, window: '1 week' })).toThrow(/`window`/);
    expect(make({ match: '/api/*', limit: 1, window: 0.5 })).toThrow(/`window`/);
    expect(make({ match: '/api/*', limit: 1, window: 60, failPolicy: 'maybe' })).toThrow(/`failPolicy`/);
    expect(() => createRateLimiter({ rules: [] })).toThrow(/non-empty list/);
    expect(() =>
      createRateLimiter({
        rules: [
          { match: '/a', limit: 1, window: 1 },
          { match: '/a', limit: 2, window: 1 },
        ],
      }),
    ).toThrow(/`name` must be distinct; got "\/a"/);
    expect(() => createRateLimiter({ rules: [{ match: '/a', limit: 1, window: 1 }], clientIp: { header: '' } })).toThrow(/`clientIp`/);
    expect(() => createRateLimiter({ rules: [{ match: '/a', limit: 1, window: 1 }], failPolicy: 'ajar' as never })).toThrow(/`failPolicy`/);
    expect(() => createRateLimiter({ rules: [{ match: '/a', limit: 1, window: 1 }], algorithm: 'leaky' as never })).toThrow(
      "`algorithm` must be 'sliding' or 'fixed'; got \"leaky\".",
    );
    expect(() => createRateLimiter({ rules: [{ match: '/a', limit: 1, window: 1 }], timeoutMs: 0 })).toThrow(
      /`timeoutMs` must be a positive number/,
    );
    expect(() => createRateLimiter({ rules: [{ match: '/a', limit: 1, window: 1 }], store: {} as never })).toThrow(
      /`store` must be a store with hit\(\)/,
    );
    expect(() => memoryStore({ maxKeys: 0 })).toThrow(/maxKeys/);
  });
});
