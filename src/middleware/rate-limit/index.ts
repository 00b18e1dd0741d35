/** Rate limiting for the middleware: the limiter, the in-memory store, and the store contract. Edge-safe. */
export { createRateLimiter, type RateLimiterOptions } from './limiter';
export { memoryStore, type MemoryStore, type MemoryStoreOptions } from './memory-store';
export type { Algorithm, HitOptions, HitResult, RateLimitStore } from './store';
export type { ClientIpSource, RateLimitRule, WindowSpec } from './rules';
export { FAIL_POLICY_HEADER, type FailPolicy } from './headers';
export type { RateLimitDecision, RateLimiter, RateLimitInput } from '../../core/rate-limit-contract';
