/**
 * Response headers and bodies: the IETF RateLimit-Policy and RateLimit fields
 * (draft-ietf-httpapi-ratelimit-headers: `"name";q=100;w=60` and `"name";r=42;t=17`),
 * Retry-After, and the 429 / 503 JSON answers. Edge-safe.
 */

export type FailPolicy = 'open' | 'closed';

/** Set when the store failed: `open; reason=timeout` or `closed; reason=error`. */
export const FAIL_POLICY_HEADER = 'RateLimit-Store-Failure';

export interface PolicyState {
  name: string;
  limit: number;
  windowSeconds: number;
  /** Missing when the store could not answer. */
  remaining?: number;
  resetSeconds?: number;
}

/** A Structured Fields string: printable ASCII, with `"` and `\` escaped. */
function sfString(value: string): string {
  return `"${value.replace(/[^\x20-\x7e]/g, '?').replace(/[\\"]/g, '\\$&')}"`;
}

export function rateLimitHeaders(policies: readonly PolicyState[]): Headers {
  const headers = new Headers();
  if (policies.length === 0) return headers;
  headers.set('RateLimit-Policy', policies.map((p) => `${sfString(p.name)};q=${p.limit};w=${p.windowSeconds}`).join(', '));
  const counted = policies.filter((p) => p.remaining !== undefined && p.resetSeconds !== undefined);
  if (counted.length > 0) {
    headers.set('RateLimit', counted.map((p) => `${sfString(p.name)};r=${p.remaining};t=${p.resetSeconds}`).join(', '));
  }
  return headers;
}

function json(status: number, body: object, headers: Headers): Response {
  const out = new Headers(headers);
  out.set('Content-Type', 'application/json');
  out.set('Cache-Control', 'no-store');
  return new Response(JSON.stringify(body), { status, headers: out });
}

/** 429: a rule's limit is used up until `retryAfter` seconds from now. */
export function tooManyRequests(headers: Headers, retryAfter: number): Response {
  headers.set('Retry-After', String(retryAfter));
  return json(429, { error: 'too_many_requests', message: `Too many requests. Try again in ${retryAfter} s.`, retryAfter }, headers);
}

/** 503: the store could not answer and the rule fails closed. */
export function limiterUnavailable(headers: Headers, retryAfter: number): Response {
  headers.set('Retry-After', String(retryAfter));
  return json(503, { error: 'rate_limit_unavailable', message: 'The rate limiter cannot count requests right now. Try again shortly.', retryAfter }, headers);
}
