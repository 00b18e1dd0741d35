/**
 * createRateLimiter: per-route rules over a store, with a sliding (default) or fixed window per
 * key and an explicit fail policy. Implements the middleware's RateLimiter contract
 * (src/core/rate-limit-contract.ts).
 *
 * - Keys: `user:<id>` when signed in, `ip:<address>` for anonymous requests with a trusted client
 *   IP (IPv6 by its /64, see ip.ts), `anonymous` when there is none (all such requests share one count).
 * - Every rule whose pattern matches the path counts the request, and the request is refused when
 *   any of them is used up: `/api/*` 100/min and `/api/auth/*` 10/min both count `/api/auth/x`.
 * - The store gets `timeoutMs` (default 200 ms). When it times out or throws, the fail policy
 *   applies: `open` (default) lets the request through, `closed` answers 503. The first failure of
 *   an outage and the recovery are logged; `RateLimit-Store-Failure` goes on responses only with
 *   `exposeFailure` (it tells every client, attackers too, that the limiter is down).
 */
import { field } from '../../core/field';
import type { RateLimitDecision, RateLimiter, RateLimitInput } from '../../core/rate-limit-contract';
import { FAIL_POLICY_HEADER, type FailPolicy, rateLimitHeaders, refusal } from './headers';
import { memoryStore } from './memory-store';
import {
  type ClientIpSource,
  clientIpReader,
  type CompiledRateLimitRule,
  compileRules,
  invalid,
  oneOf,
  POLICIES,
  type RateLimitRule,
} from './rules';
import type { Algorithm, HitResult, RateLimitStore } from './store';

export interface RateLimiterOptions {
  /** Limits per route pattern. Every matching rule counts; paths no rule matches are not limited. */
  rules: readonly RateLimitRule[];
  /** Where counts live. Default: `memoryStore()` (per instance; warns once in production). */
  store?: RateLimitStore;
  /**
   * `'sliding'` (default): the previous window's count weighs in by how much of it still overlaps,
   * so a burst at a window boundary cannot double the limit. `'fixed'`: a window per key from its
   * first hit (up to twice the limit across a boundary).
   */
  algorithm?: Algorithm;
  /** The trusted source of an anonymous request's client IP (see ClientIpSource). */
  clientIp?: ClientIpSource;
  /** IPv6 clients are counted per subnet of this prefix length (32 to 128). Default 64. */
  ipv6Subnet?: number;
  /** What happens when the store is slow or down. Default `'open'`. */
  failPolicy?: FailPolicy;
  /** How long the store may take before the fail policy applies. Default 200 ms. */
  timeoutMs?: number;
  /** Prefix of every store key: `<prefix>:<algorithm>:<rule name>:<user:id | ip:… | anonymous>`. Default `'csk:rl'`. */
  prefix?: string;
  /** Where the once-per-outage messages go. Default `console.warn`. */
  log?: (message: string) => void;
  /** Adds `RateLimit-Store-Failure: open; reason=timeout` (or closed, error) to responses while the store fails. Default false. */
  exposeFailure?: boolean;
}

/** The answer from every matched rule's count: refused (429, with Retry-After) when any rule is used up. */
function decide(results: readonly { rule: CompiledRateLimitRule; result: HitResult }[]): RateLimitDecision {
  let retryAfter = 0;
  const headers = rateLimitHeaders(
    results.map(({ rule, result: { count, resetMs } }) => {
      const resetSeconds = Math.max(1, Math.ceil(resetMs / 1000));
      if (count > rule.limit) retryAfter = Math.max(retryAfter, resetSeconds);
      return { ...rule, remaining: Math.max(0, rule.limit - count), resetSeconds };
    }),
  );
  return retryAfter === 0 ? { allowed: true, headers } : { allowed: false, headers, response: refusal(429, headers, retryAfter) };
}

/** The rejection when the store takes longer than `timeoutMs`. */
const TIMEOUT = new Error('too slow');

const LOG = '[clerk-session-kit] rate limit: ';

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const rules = compileRules(options.rules);
  const readIp = clientIpReader(options.clientIp, options.ipv6Subnet ?? 64);
  const { store = memoryStore(), failPolicy = 'open', algorithm = 'sliding', timeoutMs = 200, prefix = 'csk:rl', exposeFailure } = options;
  const log = (message: string) => {
    try {
      (options.log ?? console.warn)(LOG + message);
    } catch {
      // A failing logger must not make check() reject.
    }
  };
  const where = 'createRateLimiter';
  oneOf(where, 'failPolicy', failPolicy, POLICIES);
  oneOf(where, 'algorithm', algorithm, ['sliding', 'fixed']);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) invalid(where, 'timeoutMs', 'a positive number', timeoutMs);
  if (typeof store?.hit !== 'function') invalid(where, 'store', 'a store with hit()', typeof store);

  let failing = false;
  let warnedAnonymous = false;

  const subjectOf = ({ request, userId }: RateLimitInput): string => {
    if (userId) return `user:${userId}`;
    const ip = readIp(request);
    if (ip) return `ip:${ip}`;
    if (!warnedAnonymous && options.clientIp === undefined) {
      warnedAnonymous = true;
      log('no `clientIp`: anonymous requests share one count.');
    }
    return 'anonymous';
  };

  return {
    async check(input) {
      const matched = rules.filter((rule) => rule.matches(input.path));
      if (matched.length === 0) return { allowed: true, headers: new Headers() };
      const subject = subjectOf(input);
      const hit = { algorithm, signedIn: !!input.userId };

      let results: { rule: CompiledRateLimitRule; result: HitResult }[];
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        // Promise.race handles a late rejection of the store, so a store that fails after the
        // timeout never becomes an unhandled rejection.
        results = await Promise.race([
          // Each algorithm's keys are named apart: in Redis the sliding window's are hashes, the fixed window's strings.
          Promise.all(
            matched.map(async (rule) => ({
              rule,
              result: await store.hit(`${prefix}:${algorithm}:${rule.name}:${subject}`, rule.windowMs, { ...hit, limit: rule.limit }),
            })),
          ),
          new Promise<never>((_, reject) => (timer = setTimeout(reject, timeoutMs, TIMEOUT))),
        ]);
      } catch (error) {
        const reason = error === TIMEOUT ? 'timeout' : 'error';
        const policy = matched.some((rule) => (rule.failPolicy ?? failPolicy) === 'closed') ? 'closed' : 'open';
        if (!failing) {
          failing = true;
          log(`the store failed (${reason}: ${String(field(error, 'message') ?? error)}); failing ${policy}.`);
        }
        const headers = rateLimitHeaders(matched);
        if (exposeFailure) headers.set(FAIL_POLICY_HEADER, `${policy}; reason=${reason}`);
        return policy === 'open' ? { allowed: true, headers } : { allowed: false, headers, response: refusal(503, headers, 1) };
      } finally {
        clearTimeout(timer);
      }
      if (failing) {
        failing = false;
        log('the store answers again.');
      }
      return decide(results);
    },
  };
}
