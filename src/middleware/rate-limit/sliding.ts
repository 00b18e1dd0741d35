/**
 * The sliding window, as Upstash's `slidingWindow` and Cloudflare's limiter count it: two fixed
 * windows aligned to the epoch, and at `e` ms into the current one the estimate is this window's
 * count plus the previous window's count weighted by the share of it that still overlaps the last
 * `W` ms: c + p·(W − e)/W. One more hit is counted when it fits: c + 1 + p·(W − e)/W ≤ L, compared
 * in integers, p·(W − e) + (c + 1)·W ≤ L·W (no rounding in anyone's favour). The memory store
 * (memory-store.ts) and the Lua script (script.ts) keep the state and make that decision; this
 * file answers from the state after it. Edge-safe.
 */
import type { HitResult } from './store';

/**
 * The answer from the state after a hit: previous and current counts, ms into the current window,
 * and whether the hit was counted. The count rounds the previous window's share up, so
 * `limit - count` is what may still be sent now. `resetMs` is when that grows by one if nothing
 * else comes: when the previous window's share drops by one request, or, when it has none left,
 * when this window's count has become the previous one and lost one request's weight. For a
 * refused hit that is exactly when a request is admitted again (Retry-After).
 */
export function slidingResult(W: number, p: number, c: number, e: number, counted: boolean): HitResult {
  const share = Math.ceil((p * (W - e)) / W);
  const moreAt = share ? W - Math.floor(((share - 1) * W) / p) : 2 * W - Math.floor(((c - 1) * W) / c);
  return { count: c + share + (counted ? 0 : 1), resetMs: moreAt - e };
}
