/**
 * `clerk-session-kit/middleware/upstash`: a rate-limit store on Upstash Redis through
 * `@upstash/redis` (an optional peer), over HTTP, so it runs on the Edge runtime. The same Lua
 * script as the Redis store (script.ts: the sliding or the fixed window, atomic on the server).
 *
 * `@upstash/redis` retries a failed request 5 times with backoff by default; the limiter's own
 * timeout (200 ms by default) decides long before that. Pass `retry: false` (or a small
 * `retries`) to the client so a failed request does not keep running in the background.
 */
import { hitArgs, runHitScript } from './script';
import type { RateLimitStore } from './store';

/** The part of an `@upstash/redis` client this store uses. */
export interface UpstashRedisClient {
  evalsha(sha: string, keys: string[], args: string[]): Promise<unknown>;
  eval(script: string, keys: string[], args: string[]): Promise<unknown>;
}

export interface UpstashStoreOptions {
  /** An `@upstash/redis` client, e.g. `Redis.fromEnv({ retry: false })`. */
  client: UpstashRedisClient;
}

export function upstashStore({ client }: UpstashStoreOptions): RateLimitStore {
  if (typeof client?.evalsha !== 'function' || typeof client.eval !== 'function') {
    throw new TypeError('upstashStore: `client` must be an @upstash/redis client (new Redis({ url, token })).');
  }
  return {
    hit(key, windowMs, options) {
      const args = hitArgs(windowMs, options);
      return runHitScript(
        (sha) => client.evalsha(sha, [key], args),
        (script) => client.eval(script, [key], args),
        windowMs,
      );
    },
  };
}
