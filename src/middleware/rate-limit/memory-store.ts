/**
 * The in-memory default store: a window per key in a Map, bounded by LRU eviction. Per instance:
 * three instances grant three times the limit, and a deploy resets every count. Fine for one
 * instance and for development; use the Redis or Upstash store beyond that.
 *
 * Signed-in users' keys and the rest (anonymous IPs) live in two Maps with their own bounds, so
 * a flood of anonymous keys (cheap: one per address) only ever evicts anonymous keys and can
 * never reset a signed-in user's count.
 */
import { isProduction } from '../../core/env';
import { int } from './rules';
import { slidingResult } from './sliding';
import type { HitResult, RateLimitStore } from './store';

export interface MemoryStoreOptions {
  /**
   * The most keys kept in each of the two pools, signed-in users' keys (one per user and rule) and
   * the rest (one per client IP and rule). Beyond it the least recently hit key of that pool is
   * dropped, so memory stays bounded; a dropped key starts again from 0. Default 10,000.
   */
  maxKeys?: number;
  /** The clock, in ms. Default `Date.now`. */
  now?: () => number;
}

export interface MemoryStore extends RateLimitStore {
  /** Keys held now (at most `2 × maxKeys`). */
  readonly size: number;
}

let warnedInProduction = false;

export function memoryStore({ maxKeys = 10_000, now = Date.now }: MemoryStoreOptions = {}): MemoryStore {
  int('memoryStore', 'maxKeys', maxKeys);
  if (!warnedInProduction && isProduction()) {
    warnedInProduction = true;
    console.warn('[clerk-session-kit] rate limit: memoryStore() counts per instance; use redisStore() or upstashStore() with several.');
  }
  // [anonymous, signed in]. A Map iterates in insertion order; re-inserting on every hit keeps
  // the least recently hit key first. Per key: the fixed window's end `a` and count `c`, or the
  // sliding window's number `a`, its count `c` and the previous window's count `p`.
  const pools = [new Map<string, { a: number; c: number; p: number }>(), new Map<string, { a: number; c: number; p: number }>()] as const;
  return {
    get size() {
      return pools[0].size + pools[1].size;
    },
    async hit(key, windowMs, options) {
      const t = now();
      const pool = options?.signedIn ? pools[1] : pools[0];
      let { a = 0, c = 0, p = 0 } = pool.get(key) ?? {};
      pool.delete(key);
      let result: HitResult;
      if (options?.algorithm === 'sliding') {
        const w = Math.floor(t / windowMs);
        // The windows roll over: the last one becomes the previous one, or both start empty. A
        // later window than now only happens when the clock went back: stay in it (e < 0 only
        // makes the estimate stricter).
        if (a < w) [a, c, p] = [w, 0, a < w - 1 ? 0 : c];
        const e = t - a * windowMs;
        const counted = p * (windowMs - e) + (c + 1) * windowMs <= options.limit * windowMs; // see sliding.ts
        if (counted) c++;
        result = slidingResult(windowMs, p, c, e, counted);
      } else {
        if (a <= t) [a, c] = [t + windowMs, 0];
        result = { count: ++c, resetMs: a - t };
      }
      pool.set(key, { a, c, p });
      // One key was added at most: drop the least recently hit of the same pool.
      if (pool.size > maxKeys) {
        const oldest = pool.keys().next();
        if (!oldest.done) pool.delete(oldest.value);
      }
      return result;
    },
  };
}
