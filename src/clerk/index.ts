/**
 * The one seam where Clerk enters the kit. Components, hooks and the testing entry import Clerk's
 * hooks and types from here and never from '@clerk/react' directly, so a Core 2 build can bind the
 * same source to '@clerk/clerk-react' by swapping this folder alone.
 */
export {
  ClerkProvider,
  useAuth,
  useClerk,
  useOrganization,
  useOrganizationList,
  useReverification,
  useSession,
  useSessionList,
  useUser,
} from '@clerk/react';
export type {
  ActClaim,
  CheckAuthorizationWithCustomPermissions,
  ClientResource,
  OrganizationMembershipResource,
  OrganizationResource,
  SessionResource,
  SessionWithActivitiesResource,
  SetActiveParams,
  SignOutOptions as ClerkSignOutOptions,
  UserResource,
} from '@clerk/react/types';
export type { BrowserClerk } from '@clerk/react';
export type {
  EmailAddressResource,
  OrganizationInvitationResource,
  OrganizationSuggestionResource,
  RoleResource,
  SignedInSessionResource,
  TokenResource,
  UserOrganizationInvitationResource,
} from '@clerk/react/types';

const field = (value: unknown, key: string): unknown => (typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined);
/**
 * Whether the instance has personal accounts off (the dashboard's "Allow personal accounts" unset:
 * `organizationSettings.forceOrganizationSelection`). Clerk's own OrganizationSwitcher reads it from
 * the environment, which clerk-js exposes only as `__internal_environment` (Core 3) or
 * `__unstable__environment` (Core 2), not on the public `Clerk` type; @clerk/shared's own hooks read
 * it the same way. Read defensively: false whenever it is not there (not loaded yet).
 */
export const personalAccountsOff = (clerk: object): boolean =>
  field(
    field(field(clerk, '__internal_environment') ?? field(clerk, '__unstable__environment'), 'organizationSettings'),
    'forceOrganizationSelection',
  ) === true;
