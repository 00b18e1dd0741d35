'use client';
// The testing entry, `clerk-session-kit/testing`: every export is named here (no star re-export).
// Personas are published as one map, `personas` (`personas.orgMember`…); the fixtures they are
// made of (users, organizations) stay in ./personas for the kit's own tests and stories.
export {
  createMockClerk,
  MOCK_FOLLOWS_CLERK_JS,
  MOCK_PUBLISHABLE_KEY,
  type CreateMockClerkOptions,
  type MockClerk,
  type MockClerkStatus,
  type MockEnvironment,
  type MockControls,
  type MockResources,
  type RouterOptions,
  type SetActiveArgs,
  type SignOutOptions,
} from './create-mock-clerk';
export { MockClerkProvider, type MockClerkProviderProps } from './provider';
export {
  DEFAULT_NOW,
  MOCK_ACTIONS,
  MockClerkAPIError,
  type FailureSpec,
  type Latency,
  type MockAction,
  type MockCall,
  type MockClerkAPIErrorOptions,
} from './controls';
export {
  MockClerkConfigError,
  SESSION_STATUSES,
  type DateInput,
  type MockActivity,
  type MockActor,
  type MockClerkState,
  type MockDeviceSession,
  type MockMembership,
  type MockOrganization,
  type MockSession,
  type MockSessionStatus,
  type MockSessionTask,
  type MockUser,
} from './state';
export { decodeToken, MOCK_ISSUER, MOCK_TOKEN_SECRET, verifyMockToken, type SessionClaims, type SigningKey } from './token';
export { MAX_PAGE_SIZE } from './pagination';
export type { MockReverificationLevel, MockReverificationRequest, ReverificationProps } from './reverification';
// `manyOrgs(n)` (a persona that takes a count) and `devices` (the device list personas share, used
// by the example apps) are documented by name beside the map.
export { devices, manyOrgs, mergePersona, personas, type Persona, type PersonaName } from './personas';
