// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRateLimiter, memoryStore } from '../../src/middleware/rate-limit';

afterEach(() => vi.useRealTimers());

const T0 = Date.parse('2026-01-15T12:00:00Z');

describe('given a signed-in user near the limit and then a flood of anonymous clients', () => {
  // Anonymous keys cost an attacker nothing (one per address, and an IPv6 /48 holds 65,536 /64s),
  // so they must never be able to push a signed-in user's count out of the store.
  for (const algorithm of ['sliding', 'fixed'] as const) {
    it(`should keep counting the user from where they were after 10,001 anonymous keys (${algorithm} window)`, async () => {
      const limiter = createRateLimiter({
        rules: [{ match: '/api/*', limit: 3, window: '1m' }],
        algorithm,
        store: memoryStore({ now: () => T0 }), // the default store, on a fixed clock
        clientIp: { header: 'x-real-ip' },
        log: () => {},
      });
      const asUser = () => limiter.check({ request: new Request('https://app.test/api/x'), userId: 'user_a', path: '/api/x' });
      const asAnonymous = (ip: string) =>
        limiter.check({
          request: new Request('https://app.test/api/x', { headers: { 'x-real-ip': ip } }),
          userId: null,
          path: '/api/x',
        });
      for (let i = 0; i < 3; i++) expect((await asUser()).allowed).toBe(true);
      for (let i = 0; i <= 10_000; i++) expect((await asAnonymous(`10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`)).allowed).toBe(true);
      const fourth = await asUser();
      expect(fourth.allowed).toBe(false);
      expect(fourth.response?.status).toBe(429);
      expect(fourth.headers.get('RateLimit')).toMatch(/^"\/api\/\*";r=0;t=\d+$/);
    });
  }

  it('should bound each pool on its own: anonymous keys evict anonymous keys, users evict users', async () => {
    const store = memoryStore({ maxKeys: 3, now: () => T0 });
    const user = (key: string) => store.hit(key, 60_000, { algorithm: 'sliding', limit: 100, signedIn: true });
    const anonymous = (key: string) => store.hit(key, 60_000, { algorithm: 'sliding', limit: 100, signedIn: false });
    for (const key of ['u1', 'u2', 'u3']) await user(key);
    for (let i = 0; i < 1_000; i++) await anonymous(`ip${i}`);
    expect(store.size).toBe(6);
    expect((await user('u1')).count).toBe(2); // still there, counted on
    await user('u4'); // the fourth user drops the least recently hit user: u2
    expect((await user('u3')).count).toBe(2);
    expect((await user('u2')).count).toBe(1);
    expect((await anonymous('ip999')).count).toBe(2);
    expect((await anonymous('ip0')).count).toBe(1);
    expect(store.size).toBe(6);
  });
});

describe('given the memory store', () => {
  it('should hold at most maxKeys keys, dropping the least recently hit', async () => {
    const store = memoryStore({ maxKeys: 3 });
    await store.hit('a', 60_000);
    await store.hit('b', 60_000);
    await store.hit('c', 60_000);
    await store.hit('a', 60_000); // a is now the most recent; b the least
    await store.hit('d', 60_000);
    expect(store.size).toBe(3);
    expect((await store.hit('a', 60_000)).count).toBe(3);
    expect((await store.hit('b', 60_000)).count).toBe(1); // b was dropped and starts again
    expect(store.size).toBe(3);
    for (let i = 0; i < 10_000; i++) await store.hit(`k${i}`, 60_000);
    expect(store.size).toBe(3);
  });

  it('should count a fixed window when called without options (a 0.1 caller)', async () => {
    let now = T0;
    const store = memoryStore({ now: () => now });
    expect(await store.hit('k', 60_000)).toEqual({ count: 1, resetMs: 60_000 });
    now += 59_999;
    expect(await store.hit('k', 60_000)).toEqual({ count: 2, resetMs: 1 });
    now += 1;
    expect(await store.hit('k', 60_000)).toEqual({ count: 1, resetMs: 60_000 });
  });

  it('should warn once in production that it counts per instance', async () => {
    vi.resetModules();
    vi.stubEnv('NODE_ENV', 'production');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const fresh = await import('../../src/middleware/rate-limit/memory-store');
      fresh.memoryStore();
      fresh.memoryStore();
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0]?.[0]).toMatch(/counts per instance/);
    } finally {
      warn.mockRestore();
      vi.unstubAllEnvs();
    }
  });

  it('should stay quiet outside production', async () => {
    vi.resetModules();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      (await import('../../src/middleware/rate-limit/memory-store')).memoryStore();
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});

describe('given the Edge runtime', () => {
  it('should import no Node built-in and no Redis client anywhere in the limiter, and keep the adapters out of the barrel', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('../../src/middleware/rate-limit/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files).toContain('limiter.ts');
    for (const file of files) {
      const imports = [...readFileSync(new URL(file, dir), 'utf8').matchAll(/^import\s[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
      for (const source of imports) expect(source, `${file} imports ${source}`).toMatch(/^\.\.?\//);
    }
    const barrel = readFileSync(new URL('index.ts', dir), 'utf8');
    expect(barrel).not.toMatch(/redis-store|upstash-store/);
  });
});
