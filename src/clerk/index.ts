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
