/**
 * Rate-limit rules per route pattern, checked once when the limiter is created, and the key of a
 * request: the user id when signed in, else the client IP from the one header the app trusts.
 */
import { compileRoutePatterns } from '../../core/route-pattern';
import type { FailPolicy } from './headers';

export type WindowSpec = number | `${number}${'s' | 'm' | 'h' | 'd'}`;

export interface RateLimitRule {
  /** A route pattern in the middleware's syntax: `/api/*` (the prefix and below), `/api/export` (exact). */
  match: string;
  /** Requests allowed per window, for one user (or one anonymous client IP). */
  limit: number;
  /** The window: seconds as a number, or `'30s'`, `'1m'`, `'1h'`, `'1d'`. */
  window: WindowSpec;
  /** The policy's name in the RateLimit headers and in the store key. Default: the pattern. */
  name?: string;
  /** This rule's fail policy, overriding the limiter's `failPolicy`. */
  failPolicy?: FailPolicy;
}

export interface CompiledRule {
  name: string;
  limit: number;
  windowMs: number;
  windowSeconds: number;
  failPolicy: FailPolicy | undefined;
  matches: (path: string) => boolean;
}

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

function windowSeconds(window: unknown, where: string): number {
  const match = typeof window === 'string' ? /^(\d+(?:\.\d+)?)(s|m|h|d)$/.exec(window) : null;
  const seconds = typeof window === 'number' ? window : match ? Number(match[1]) * UNIT_SECONDS[match[2] as keyof typeof UNIT_SECONDS] : NaN;
  if (!Number.isInteger(seconds) || seconds < 1) {
    throw new TypeError(`${where}: \`window\` must be a whole number of seconds (≥ 1) or a string like '30s', '1m', '1h', '1d'; got ${JSON.stringify(window)}.`);
  }
  return seconds;
}

export function compileRules(rules: readonly RateLimitRule[]): CompiledRule[] {
  if (!Array.isArray(rules) || rules.length === 0) {
    throw new TypeError('createRateLimiter: `rules` must be a non-empty list, e.g. [{ match: "/api/*", limit: 100, window: "1m" }].');
  }
  const names = new Set<string>();
  return rules.map((rule, i) => {
    const where = `createRateLimiter: rules[${i}] (${JSON.stringify(rule?.match)})`;
    // One matcher per rule: every rule that matches a path counts (see createRateLimiter).
    const test = compileRoutePatterns([rule.match]);
    if (!Number.isInteger(rule.limit) || rule.limit < 1) {
      throw new TypeError(`${where}: \`limit\` must be a positive integer; got ${JSON.stringify(rule.limit)}.`);
    }
    if (rule.failPolicy !== undefined && rule.failPolicy !== 'open' && rule.failPolicy !== 'closed') {
      throw new TypeError(`${where}: \`failPolicy\` must be 'open' or 'closed'; got ${JSON.stringify(rule.failPolicy)}.`);
    }
    const name = rule.name ?? rule.match;
    if (names.has(name)) throw new TypeError(`${where}: two rules are named ${JSON.stringify(name)}; give one a distinct \`name\` (it keys the counts).`);
    names.add(name);
    const seconds = windowSeconds(rule.window, where);
    return { name, limit: rule.limit, windowMs: seconds * 1000, windowSeconds: seconds, failPolicy: rule.failPolicy, matches: (path) => test(path) === 0 };
  });
}

/**
 * Where an anonymous request's client IP comes from. Only the app knows which header its platform
 * sets and overwrites, so there is no default: without it every anonymous request shares one key.
 * - `{ header: 'x-real-ip' }`: the whole header (a single address set by the platform).
 * - `{ header: 'x-forwarded-for', fromRight: 1 }`: the entry `fromRight` places from the right
 *   (1 = the last, appended by your own proxy); entries a client sent come before it and are ignored.
 * - a function of the request, for anything else.
 */
export type ClientIpSource = { header: string; fromRight?: number } | ((request: Request) => string | null | undefined);

const IP = /^[0-9a-f.:]{2,45}$/i;

export function clientIpReader(source: ClientIpSource | undefined): (request: Request) => string | null {
  if (source === undefined) return () => null;
  if (typeof source === 'function') {
    return (request) => {
      let ip: string | undefined;
      try {
        ip = source(request)?.trim();
      } catch {
        return null; // a throwing reader must not make check() reject
      }
      return ip && IP.test(ip) ? ip.toLowerCase() : null;
    };
  }
  const fromRight = source.fromRight ?? 1;
  if (typeof source.header !== 'string' || source.header === '' || !Number.isInteger(fromRight) || fromRight < 1) {
    throw new TypeError(`createRateLimiter: \`clientIp\` must be { header: string, fromRight?: positive integer } or a function; got ${JSON.stringify(source)}.`);
  }
  return (request) => {
    const entries = (request.headers.get(source.header) ?? '').split(',');
    const ip = entries[entries.length - fromRight]?.trim();
    return ip && IP.test(ip) ? ip.toLowerCase() : null;
  };
}
