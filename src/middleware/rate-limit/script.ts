/**
 * The Lua script that the Redis and Upstash stores run, atomically on the server and with the
 * server's clock (instances never compare their own clocks). ARGV: window ms, limit, algorithm.
 * - `fixed`: INCR, and the window's expiry on the first hit (a string key).
 * - `sliding`: a hash { w: window number, c: its count, p: the previous window's count }; rolls
 *   the windows over as the memory store does, counts the hit only when it fits (the test in
 *   sliding.ts), keeps the key until the current window has stopped weighing, and returns
 *   { p, c, ms into the window, counted }. A 4th argument replaces the server's clock (ms); only
 *   the tests send it.
 * Edge-safe: no client import; each adapter brings its own client's EVALSHA/EVAL.
 */
import { slidingResult } from './sliding';
import type { HitOptions, HitResult } from './store';

export const HIT_SCRIPT = `local W, L = tonumber(ARGV[1]), tonumber(ARGV[2])
if ARGV[3] ~= 'sliding' then
  local count = redis.call('INCR', KEYS[1])
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl < 0 then
    redis.call('PEXPIRE', KEYS[1], W)
    ttl = W
  end
  return {count, ttl}
end
local now = tonumber(ARGV[4])
if not now then
  local t = redis.call('TIME')
  now = t[1] * 1000 + math.floor(t[2] / 1000)
end
local s = redis.call('HMGET', KEYS[1], 'w', 'c', 'p')
local w = math.floor(now / W)
local last, c, p = tonumber(s[1]) or w, tonumber(s[2]) or 0, tonumber(s[3]) or 0
if last == w - 1 then
  p, c = c, 0
elseif last < w then
  p, c = 0, 0
else
  w = last
end
local e = now - w * W
local counted = p * (W - e) + (c + 1) * W <= L * W
if counted then c = c + 1 end
redis.call('HSET', KEYS[1], 'w', w, 'c', c, 'p', p)
redis.call('PEXPIRE', KEYS[1], 2 * W - e)
return {p, c, e, counted and 1 or 0}`;

/** SHA-1 of HIT_SCRIPT (checked by a test), so EVALSHA needs no hashing at run time. */
export const HIT_SCRIPT_SHA1 = '91aff1ff5b0f4ac0f61d073e9107a6f650ab4f54';

/** The script's arguments for a hit. */
export const hitArgs = (windowMs: number, options?: HitOptions) => [
  String(windowMs),
  String(options?.limit ?? 0),
  options?.algorithm ?? 'fixed',
];

/** Reads the script's reply: { count, ttl } (fixed) or { p, c, e, counted } (sliding). */
export function hitResult(reply: unknown, windowMs: number): HitResult {
  const n = Array.isArray(reply) ? reply.map(Number) : [];
  if (!n.every(Number.isInteger) || (n.length !== 2 && n.length !== 4))
    throw new TypeError(`rate limit: unexpected script reply ${JSON.stringify(reply)}`);
  const [a = 0, b = 0, e = 0, counted] = n;
  return n.length === 2 ? { count: a, resetMs: Math.max(0, b) } : slidingResult(windowMs, a, b, e, counted === 1);
}

/** Runs the script by hash and falls back to sending it once when the server lacks it (NOSCRIPT, e.g. after a restart). */
export async function runHitScript(
  evalsha: (sha: string) => Promise<unknown>,
  evalScript: (script: string) => Promise<unknown>,
  windowMs: number,
): Promise<HitResult> {
  let reply: unknown;
  try {
    reply = await evalsha(HIT_SCRIPT_SHA1);
  } catch (error) {
    if (!/noscript/i.test(error instanceof Error ? error.message : String(error))) throw error;
    reply = await evalScript(HIT_SCRIPT);
  }
  return hitResult(reply, windowMs);
}
