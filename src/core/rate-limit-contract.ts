/**
 * The contract between the middleware (createSessionMiddleware, withAuth) and a rate limiter.
 * Plain TypeScript, no React, no Node-only imports: the middleware runs on the Edge runtime.
 * The middleware knows who is asking and which route it is; the limiter knows everything about
 * counting (rules per route, keys per user or trusted IP, stores, fail policy, headers).
 */

export interface RateLimitInput {
  /** The incoming request (the limiter reads its trusted client-IP header, never any other). */
  request: Request;
  /** The signed-in user's id, or null for an anonymous request. */
  userId: string | null;
  /**
   * The middleware's main reading of the path (see route-policy.ts): each segment decoded once,
   * `//` collapsed, dot segments resolved, basePath, locale and wrappers removed, lower-cased.
   */
  path: string;
}

export interface RateLimitDecision {
  /** False when the request must be refused with `response`. */
  allowed: boolean;
  /**
   * Headers for the response: `RateLimit-Policy` and `RateLimit` when a rule applied,
   * `Retry-After` when refused, and (only when the limiter is told to expose it) the fail-policy
   * header when the store failed.
   * Empty when no rule applies to the path.
   */
  headers: Headers;
  /** The 429 JSON response to send when `allowed` is false. */
  response?: Response;
}

export interface RateLimiter {
  /** Decides for one request and counts it. Never rejects: store failures follow the fail policy. */
  check(input: RateLimitInput): Promise<RateLimitDecision>;
}
