/**
 * Response headers and bodies: the IETF RateLimit-Policy and RateLimit fields
 * (draft-ietf-httpapi-ratelimit-headers: `"name";q=100;w=60` and `"name";r=42;t=17`),
 * Retry-After, and the 429 / 503 JSON answers. Edge-safe.
 */

export type FailPolicy = 'open' | 'closed';

/** Set when the store failed and the limiter has `exposeFailure`: `open; reason=timeout` or `closed; reason=error`. */
export const FAIL_POLICY_HEADER = 'RateLimit-Store-Failure';

export interface PolicyState {
  name: string;
  limit: number;
  windowSeconds: number;
  /** Missing when the store could not answer. */
  remaining?: number;
  /** Seconds until more quota is available (draft 10's `t`); with `remaining`. */
  resetSeconds?: number;
}

/** A Structured Fields string: printable ASCII in quotes, `"` and `\` escaped (as JSON escapes them). */
const sfString = (value: string) => JSON.stringify(value.replace(/[^\x20-\x7e]/g, '?'));

/** One list item per policy (Headers joins appended values with ", "). */
export function rateLimitHeaders(policies: readonly PolicyState[]): Headers {
  const headers = new Headers();
  for (const p of policies) {
    const name = sfString(p.name);
    headers.append('RateLimit-Policy', `${name};q=${p.limit};w=${p.windowSeconds}`);
    if (p.remaining !== undefined) headers.append('RateLimit', `${name};r=${p.remaining};t=${p.resetSeconds}`);
  }
  return headers;
}

/**
 * The refusal with `Retry-After` seconds: 429 when a rule's limit is used up, 503 when the store
 * could not answer and the rule fails closed.
 */
export function refusal(status: 429 | 503, headers: Headers, retryAfter: number): Response {
  headers.set('Retry-After', String(retryAfter));
  const [error, what] =
    status === 429 ? ['too_many_requests', 'Too many requests'] : ['rate_limit_unavailable', 'The rate limiter is unavailable'];
  // Response.json adds Content-Type: application/json; `headers` (the decision's) stays as it is.
  return Response.json(
    { error, message: `${what}. Try again in ${retryAfter} s.`, retryAfter },
    { status, headers: [...headers, ['Cache-Control', 'no-store']] },
  );
}
