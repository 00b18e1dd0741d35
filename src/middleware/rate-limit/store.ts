/**
 * The one thing a rate-limit store must do: count a hit atomically and say when the count resets.
 * Plain TypeScript with no Node-only imports (the limiter runs on the Edge runtime).
 */

export interface HitResult {
  /** The key's count after this hit (1 for the first hit of a window). */
  count: number;
  /** Milliseconds until the key's window ends and the count starts again from 0. */
  resetMs: number;
}

export interface RateLimitStore {
  /**
   * Adds one hit to `key` and returns the new count, atomically: two instances hitting the same
   * key at the same moment get two different counts. The first hit of a key starts its window of
   * `windowMs`; the key expires when the window ends (a fixed window per key).
   */
  hit(key: string, windowMs: number): Promise<HitResult>;
}
