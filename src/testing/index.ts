'use client';
export {
  createMockClerk,
  MOCK_FOLLOWS_CLERK_JS,
  MOCK_PUBLISHABLE_KEY,
  type CreateMockClerkOptions,
  type MockClerk,
  type MockControls,
} from './create-mock-clerk';
export { MockClerkProvider, type MockClerkProviderProps } from './provider';
export { MOCK_ACTIONS, MockClerkAPIError, DEFAULT_NOW, type FailureSpec, type Latency, type MockAction, type MockCall } from './controls';
export {
  MockClerkConfigError,
  type DateInput,
  type MockActivity,
  type MockActor,
  type MockClerkState,
  type MockDeviceSession,
  type MockMembership,
  type MockOrganization,
  type MockSession,
  type MockSessionStatus,
  type MockUser,
} from './state';
export { decodeToken, verifyMockToken, MOCK_ISSUER, MOCK_TOKEN_SECRET, type SessionClaims, type SigningKey } from './token';
export * from './personas';
export { MAX_PAGE_SIZE } from './pagination';
export { SESSION_STATUSES } from './state';
export type { MockClerkStatus, MockResources, RouterOptions, SetActiveArgs, SignOutOptions } from './create-mock-clerk';
export type { MockClerkAPIErrorOptions } from './controls';
