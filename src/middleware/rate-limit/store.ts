/**
 * The one thing a rate-limit store must do: count a hit atomically and say when more quota comes.
 * Plain TypeScript with no Node-only imports (the limiter runs on the Edge runtime).
 */

export type Algorithm = 'sliding' | 'fixed';

export interface HitResult {
  /**
   * The key's count after this hit: above the limit means refused. For the sliding window it is
   * this window's count plus the previous window's weighted share, rounded up.
   */
  count: number;
  /**
   * Milliseconds until more quota is available (the RateLimit `t`, and Retry-After when refused),
   * if no other request comes: the window's end for the fixed window.
   */
  resetMs: number;
}

/** What the limiter tells a store besides the key. A store that ignores it counts a fixed window. */
export interface HitOptions {
  /** The window to count; a call without options counts the fixed window. */
  algorithm: Algorithm;
  /** The rule's limit: the sliding window counts a hit only when it is admitted. */
  limit: number;
  /** The key is a signed-in user's: the memory store keeps those apart from anonymous keys. */
  signedIn: boolean;
}

export interface RateLimitStore {
  /**
   * Adds one hit to `key` and returns the new count, atomically: two instances hitting the same
   * key at the same moment get two different counts.
   * - `fixed`: the first hit of a key starts its window of `windowMs`; every hit counts, and the
   *   key expires when the window ends.
   * - `sliding`: windows of `windowMs` aligned to the epoch; a hit is counted only when this
   *   window's count plus the previous window's count, weighted by the share of it that still
   *   overlaps the last `windowMs`, stays within `limit`.
   */
  hit(key: string, windowMs: number, options?: HitOptions): Promise<HitResult>;
}
