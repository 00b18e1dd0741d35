/**
 * The in-memory default store: a fixed window per key in a Map, bounded by LRU eviction.
 * Per instance: three instances grant three times the limit, and a deploy resets every count.
 * Fine for one instance and for development; use the Redis or Upstash store beyond that.
 */
import type { RateLimitStore } from './store';

export interface MemoryStoreOptions {
  /**
   * The most keys kept (one per user or client IP and rule). Beyond it the least recently hit key
   * is dropped, so memory stays bounded; a dropped key starts again from 0. Default 10,000.
   */
  maxKeys?: number;
  /** The clock, in ms. Default `Date.now`. */
  now?: () => number;
}

export interface MemoryStore extends RateLimitStore {
  /** Keys held now (at most `maxKeys`). */
  readonly size: number;
}

let warnedInProduction = false;

function isProduction(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.NODE_ENV === 'production';
}

export function memoryStore(options: MemoryStoreOptions = {}): MemoryStore {
  const maxKeys = options.maxKeys ?? 10_000;
  const now = options.now ?? Date.now;
  if (!Number.isInteger(maxKeys) || maxKeys < 1) {
    throw new TypeError(`memoryStore: \`maxKeys\` must be a positive integer; got ${JSON.stringify(options.maxKeys)}.`);
  }
  if (isProduction() && !warnedInProduction) {
    warnedInProduction = true;
    console.warn(
      '[clerk-session-kit] rate limit: memoryStore() counts per instance and forgets on every deploy. With more than one instance, use redisStore() or upstashStore().',
    );
  }
  // A Map iterates in insertion order; re-inserting on every hit keeps the least recently hit key first.
  const windows = new Map<string, { count: number; resetAt: number }>();
  return {
    get size() {
      return windows.size;
    },
    async hit(key, windowMs) {
      const t = now();
      const current = windows.get(key);
      windows.delete(key);
      const entry = current && current.resetAt > t ? { count: current.count + 1, resetAt: current.resetAt } : { count: 1, resetAt: t + windowMs };
      windows.set(key, entry);
      if (windows.size > maxKeys) {
        for (const oldest of windows.keys()) {
          windows.delete(oldest);
          if (windows.size <= maxKeys) break;
        }
      }
      return { count: entry.count, resetMs: entry.resetAt - t };
    },
  };
}
