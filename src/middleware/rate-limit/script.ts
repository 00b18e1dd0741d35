/**
 * The Lua script that the Redis and Upstash stores run: INCR and the window's expiry in one atomic
 * step on the server, with the server's clock (instances never compare their own clocks).
 * Edge-safe: no client import; each adapter brings its own client's EVALSHA/EVAL.
 */
import type { HitResult } from './store';

export const HIT_SCRIPT = `local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`;

/** SHA-1 of HIT_SCRIPT (checked by a test), so EVALSHA needs no hashing at run time. */
export const HIT_SCRIPT_SHA1 = '90941c7a42d4407d228b2e1ed94112fbf3399b1f';

/** Runs the script by hash and falls back to sending it once when the server lacks it (NOSCRIPT, e.g. after a restart). */
export async function runHitScript(
  evalsha: (sha: string) => Promise<unknown>,
  evalScript: (script: string) => Promise<unknown>,
): Promise<HitResult> {
  let reply: unknown;
  try {
    reply = await evalsha(HIT_SCRIPT_SHA1);
  } catch (error) {
    if (!/noscript/i.test(error instanceof Error ? error.message : String(error))) throw error;
    reply = await evalScript(HIT_SCRIPT);
  }
  if (!Array.isArray(reply) || reply.length !== 2) throw new TypeError(`rate limit: unexpected script reply ${JSON.stringify(reply)}`);
  const count = Number(reply[0]);
  const resetMs = Number(reply[1]);
  if (!Number.isInteger(count) || count < 1 || !Number.isFinite(resetMs)) {
    throw new TypeError(`rate limit: unexpected script reply ${JSON.stringify(reply)}`);
  }
  return { count, resetMs: Math.max(0, resetMs) };
}
