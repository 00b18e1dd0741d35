/**
 * `clerk-session-kit/middleware/redis`: a rate-limit store on Redis through node-redis (`redis`,
 * an optional peer). One Lua script per hit (script.ts: the sliding or the fixed window, atomic
 * on the server, on the server's clock), so every instance sharing the Redis shares the counts. Node runtime only (node-redis needs TCP); on the
 * Edge runtime use `clerk-session-kit/middleware/upstash`.
 *
 * Create the client with `disableOfflineQueue: true` so hits fail at once while Redis is down
 * instead of queuing until the limiter's timeout, and give it an `error` listener (node-redis
 * emits one per failed reconnect, and an unheard `error` event crashes Node).
 */
import { hitArgs, runHitScript } from './script';
import type { RateLimitStore } from './store';

interface EvalOptions {
  keys: string[];
  arguments: string[];
}

/** The part of a node-redis (v4 and later) client this store uses. */
export interface NodeRedisClient {
  evalSha(sha: string, options: EvalOptions): Promise<unknown>;
  eval(script: string, options: EvalOptions): Promise<unknown>;
}

export interface RedisStoreOptions {
  /** A connected node-redis client (`await createClient({ url, disableOfflineQueue: true }).connect()`). */
  client: NodeRedisClient;
}

export function redisStore({ client }: RedisStoreOptions): RateLimitStore {
  if (typeof client?.evalSha !== 'function' || typeof client.eval !== 'function') {
    throw new TypeError('redisStore: `client` must be a node-redis client (createClient() from the `redis` package).');
  }
  return {
    hit(key, windowMs, options) {
      const args = { keys: [key], arguments: hitArgs(windowMs, options) };
      return runHitScript(
        (sha) => client.evalSha(sha, args),
        (script) => client.eval(script, args),
        windowMs,
      );
    },
  };
}
