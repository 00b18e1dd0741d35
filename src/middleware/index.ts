export {
  createSessionMiddleware,
  type ForbiddenInfo,
  type PreflightOptions,
  type SessionMiddleware,
  type SessionMiddlewareOptions,
} from './create-session-middleware';
export {
  isSessionAuthError,
  requireAuth,
  SessionAuthError,
  withAuth,
  type GuardRequirement,
  type SessionAuth,
  type SessionAuthReason,
  type SignedInAuth,
  type WithAuthOptions,
} from './guards';
export { IDENTITY_HEADERS } from './identity';
export { RECOMMENDED_MATCHER } from './matcher';
export { safeRedirectUrl } from '../core/safe-redirect';
// The route compiler stays internal: explainRoute (middleware/testing) answers what a policy does with a path.
export type { RoutePolicyOptions, RouteRule } from '../core/route-policy';
export type { RateLimitDecision, RateLimiter, RateLimitInput } from '../core/rate-limit-contract';
export type { HasFn, Requirements } from '../core/requirements';
