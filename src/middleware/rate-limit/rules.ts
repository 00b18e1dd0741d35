/**
 * Rate-limit rules per route pattern, checked once when the limiter is created, and the key of a
 * request: the user id when signed in, else the client IP from the one header the app trusts.
 */
import { compileRoutePatterns } from '../../core/route-pattern';
import type { FailPolicy } from './headers';
import { ipKey } from './ip';

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

export interface CompiledRateLimitRule {
  name: string;
  limit: number;
  windowMs: number;
  windowSeconds: number;
  failPolicy: FailPolicy | undefined;
  matches: (path: string) => boolean;
}

/** Throws the one shape of option error: "where: `name` must be …; got …." */
export function invalid(where: string, name: string, expected: string, got: unknown): never {
  throw new TypeError(`${where}: \`${name}\` must be ${expected}; got ${JSON.stringify(got)}.`);
}

/** Checks a positive integer option. */
export const int = (where: string, name: string, value: unknown) =>
  (typeof value === 'number' && Number.isInteger(value) && value > 0) || invalid(where, name, 'a positive integer', value);

/** Checks an option that takes one of a few strings. */
export const oneOf = (where: string, name: string, value: unknown, choices: readonly string[]) =>
  (typeof value === 'string' && choices.includes(value)) || invalid(where, name, choices.map((c) => `'${c}'`).join(' or '), value);

export const POLICIES = ['open', 'closed'] as const;

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

export function compileRules(rules: readonly RateLimitRule[]): CompiledRateLimitRule[] {
  if (!Array.isArray(rules) || !rules.length) invalid('createRateLimiter', 'rules', 'a non-empty list', rules);
  const names = new Set<string>();
  return rules.map((rule, i) => {
    const where = `createRateLimiter: rules[${i}] (${JSON.stringify(rule?.match)})`;
    // One matcher per rule: every rule that matches a path counts (see createRateLimiter).
    const test = compileRoutePatterns([rule.match]);
    const { limit, window, failPolicy, name = rule.match } = rule;
    int(where, 'limit', limit);
    if (failPolicy !== undefined) oneOf(where, 'failPolicy', failPolicy, POLICIES);
    if (names.has(name)) invalid(where, 'name', 'distinct', name);
    names.add(name);
    const [, amount, unit = 's'] = /^(\d+(?:\.\d+)?)([smhd])?$/.exec(String(window)) ?? [];
    const seconds = Number(amount) * (UNIT_SECONDS[unit] ?? NaN); // NaN: not a window, refused below
    if (!Number.isInteger(seconds) || seconds < 1) invalid(where, 'window', "whole seconds or like '1m'", window);
    return {
      name,
      limit,
      windowMs: seconds * 1000,
      windowSeconds: seconds,
      failPolicy,
      matches: (path) => test(path) === 0,
    };
  });
}

/**
 * Where an anonymous request's client IP comes from. Only the app knows which header its platform
 * sets and overwrites, so there is no default: without it every anonymous request shares one key.
 * - `{ header: 'x-real-ip' }`: the whole header (a single address set by the platform).
 * - `{ header: 'x-forwarded-for', fromRight: 1 }`: the entry `fromRight` places from the right
 *   (1 = the last, appended by your own proxy); entries a client sent come before it and are ignored.
 * - a function of the request, for anything else (e.g. to strip a port your platform appends).
 * The value must be a bare IPv4 or IPv6 address (see ip.ts); anything else counts as no IP.
 */
export type ClientIpSource = { header: string; fromRight?: number } | ((request: Request) => string | null | undefined);

/** Reads the trusted client IP and turns it into its key: IPv6 by its `ipv6Subnet` prefix. */
export function clientIpReader(source: ClientIpSource | undefined, ipv6Subnet: number): (request: Request) => string | null {
  if (!Number.isInteger(ipv6Subnet) || ipv6Subnet < 32 || ipv6Subnet > 128)
    invalid('createRateLimiter', 'ipv6Subnet', 'an integer from 32 to 128', ipv6Subnet);
  let read: (request: Request) => string | null | undefined = () => null;
  if (typeof source === 'function') read = source;
  else if (source !== undefined) {
    const { header, fromRight = 1 } = source;
    if (!header || typeof header !== 'string' || !Number.isInteger(fromRight) || fromRight < 1)
      invalid('createRateLimiter', 'clientIp', '{ header, fromRight? } or a function', source);
    read = (request) => (request.headers.get(header) ?? '').split(',').at(-fromRight);
  }
  return (request) => {
    try {
      return ipKey(`${read(request) ?? ''}`.trim(), ipv6Subnet);
    } catch {
      return null; // a throwing reader must not make check() reject
    }
  };
}
