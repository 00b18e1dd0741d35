/**
 * createRateLimiter: per-route rules over a store, with a fixed window per key and an explicit
 * fail policy. Implements the middleware's RateLimiter contract (src/core/rate-limit-contract.ts).
 *
 * - Keys: `user:<id>` when signed in, `ip:<address>` for anonymous requests with a trusted client
 *   IP, `anonymous` when there is none (all such requests share one count).
 * - Every rule whose pattern matches the path counts the request, and the request is refused when
 *   any of them is used up: `/api/*` 100/min and `/api/auth/*` 10/min both count `/api/auth/x`.
 * - The store gets `timeoutMs` (default 200 ms). When it times out or throws, the fail policy
 *   applies: `open` (default) lets the request through, `closed` answers 503; either way the
 *   response carries `RateLimit-Store-Failure`, and the first failure of an outage is logged.
 */
import type { RateLimitDecision, RateLimiter, RateLimitInput } from '../../core/rate-limit-contract';
import { FAIL_POLICY_HEADER, type FailPolicy, limiterUnavailable, type PolicyState, rateLimitHeaders, tooManyRequests } from './headers';
import { memoryStore } from './memory-store';
import { type ClientIpSource, clientIpReader, compileRules, type RateLimitRule } from './rules';
import type { HitResult, RateLimitStore } from './store';

export interface RateLimiterOptions {
  /** Limits per route pattern. Every matching rule counts; paths no rule matches are not limited. */
  rules: readonly RateLimitRule[];
  /** Where counts live. Default: `memoryStore()` (per instance; warns once in production). */
  store?: RateLimitStore;
  /** The trusted source of an anonymous request's client IP (see ClientIpSource). */
  clientIp?: ClientIpSource;
  /** What happens when the store is slow or down. Default `'open'`. */
  failPolicy?: FailPolicy;
  /** How long the store may take before the fail policy applies. Default 200 ms. */
  timeoutMs?: number;
  /** Prefix of every store key. Default `'csk:rl'`. */
  prefix?: string;
  /** Where the once-per-outage messages go. Default `console.warn`. */
  log?: (message: string) => void;
}

class StoreTimeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreTimeout(`store took longer than ${ms} ms`)), ms);
  });
  // Promise.race handles a late rejection of `promise`, so a store that fails after the timeout
  // never becomes an unhandled rejection.
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const rules = compileRules(options.rules);
  const store = options.store ?? memoryStore();
  const readIp = clientIpReader(options.clientIp);
  const failPolicy = options.failPolicy ?? 'open';
  const timeoutMs = options.timeoutMs ?? 200;
  const prefix = options.prefix ?? 'csk:rl';
  const log = (message: string) => {
    try {
      (options.log ?? console.warn)(message);
    } catch {
      // A failing logger must not make check() reject.
    }
  };
  if (failPolicy !== 'open' && failPolicy !== 'closed') {
    throw new TypeError(`createRateLimiter: \`failPolicy\` must be 'open' or 'closed'; got ${JSON.stringify(options.failPolicy)}.`);
  }
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new TypeError(`createRateLimiter: \`timeoutMs\` must be a positive number; got ${JSON.stringify(options.timeoutMs)}.`);
  }
  if (typeof store?.hit !== 'function') throw new TypeError('createRateLimiter: `store` must have a hit(key, windowMs) method.');

  let failing = false;
  let warnedAnonymous = false;

  const subjectOf = ({ request, userId }: RateLimitInput): string => {
    if (userId) return `user:${userId}`;
    const ip = readIp(request);
    if (ip) return `ip:${ip}`;
    if (!warnedAnonymous && options.clientIp === undefined) {
      warnedAnonymous = true;
      log('[clerk-session-kit] rate limit: no `clientIp` source is configured, so all anonymous requests share one count. Name the header your platform sets.');
    }
    return 'anonymous';
  };

  return {
    async check(input) {
      const matched = rules.filter((rule) => rule.matches(input.path));
      if (matched.length === 0) return { allowed: true, headers: new Headers() };
      const subject = subjectOf(input);

      let results: HitResult[];
      try {
        results = await withTimeout(
          Promise.all(matched.map((rule) => store.hit(`${prefix}:${rule.name}:${subject}`, rule.windowMs))),
          timeoutMs,
        );
      } catch (error) {
        const reason = error instanceof StoreTimeout ? 'timeout' : 'error';
        const policy = matched.some((rule) => (rule.failPolicy ?? failPolicy) === 'closed') ? 'closed' : 'open';
        if (!failing) {
          failing = true;
          log(`[clerk-session-kit] rate limit: the store failed (${reason}: ${error instanceof Error ? error.message : String(error)}); failing ${policy} until it answers again.`);
        }
        const headers = rateLimitHeaders(matched.map((rule) => ({ name: rule.name, limit: rule.limit, windowSeconds: rule.windowSeconds })));
        headers.set(FAIL_POLICY_HEADER, `${policy}; reason=${reason}`);
        if (policy === 'open') return { allowed: true, headers };
        return { allowed: false, headers, response: limiterUnavailable(headers, 1) } satisfies RateLimitDecision;
      }
      if (failing) {
        failing = false;
        log('[clerk-session-kit] rate limit: the store answers again; limiting resumed.');
      }

      let retryAfter = 0;
      const states: PolicyState[] = matched.map((rule, i) => {
        const { count, resetMs } = results[i] as HitResult;
        const resetSeconds = Math.max(1, Math.ceil(resetMs / 1000));
        if (count > rule.limit) retryAfter = Math.max(retryAfter, resetSeconds);
        return { name: rule.name, limit: rule.limit, windowSeconds: rule.windowSeconds, remaining: Math.max(0, rule.limit - count), resetSeconds };
      });
      const headers = rateLimitHeaders(states);
      if (retryAfter === 0) return { allowed: true, headers };
      return { allowed: false, headers, response: tooManyRequests(headers, retryAfter) };
    },
  };
}
