// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryStore } from '../../src/middleware/rate-limit';

afterEach(() => vi.useRealTimers());

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
