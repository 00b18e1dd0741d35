/**
 * Users, organizations, memberships and the client, built from the state as clerk-js builds them
 * from Frontend API JSON. Each object literal `satisfies Partial<…Resource>`: every field the mock
 * has is checked against Clerk's types, so a Clerk upgrade that renames or retypes one fails to
 * compile. `asResource` (resource-base.ts) then marks the fields the mock leaves out as absent.
 */
import type {
  ClientResource,
  EmailAddressResource,
  OrganizationInvitationResource,
  OrganizationMembershipResource,
  OrganizationResource,
  OrganizationSuggestionResource,
  RoleResource,
  SessionResource,
  SessionWithActivitiesResource,
  SignedInSessionResource,
  UserOrganizationInvitationResource,
  UserResource,
} from '../clerk';
import { isSignedInStatus, roleName } from '../core/clerk-rules';
import { notFound, userById, type MockCore } from './core';
import { paginate, type PageParams } from './pagination';
import { asResource, publicUserData } from './resource-base';
import { buildDevice } from './sessions';
import type { NMembership, NUser } from './state';

/** Roles seen in the state, as `organization.getRoles()` lists them. */
function rolesOf(core: MockCore, orgId: string): RoleResource[] {
  const byKey = new Map<string, NMembership>();
  for (const u of core.state.users) {
    for (const m of u.memberships) if (m.organization.id === orgId && !byKey.has(m.role)) byKey.set(m.role, m);
  }
  return [...byKey.values()].map((m) =>
    asResource<RoleResource>({
      id: `role_${m.role.replace(/^org:/, '')}`,
      key: m.role,
      name: roleName(m.role),
      description: '',
      permissions: [],
      createdAt: new Date(m.createdAt),
      updatedAt: new Date(m.createdAt),
    } satisfies Partial<RoleResource>),
  );
}

export function buildOrganization(core: MockCore, m: NMembership['organization']): OrganizationResource {
  const orgId = m.id;
  const members = () =>
    core.state.users.flatMap((u) => u.memberships.filter((x) => x.organization.id === orgId).map((x) => buildMembership(core, x, u)));
  return asResource<OrganizationResource>({
    id: m.id,
    name: m.name,
    slug: m.slug,
    imageUrl: m.imageUrl,
    hasImage: m.imageUrl !== '',
    membersCount: m.membersCount,
    pendingInvitationsCount: 0,
    publicMetadata: {},
    adminDeleteEnabled: true,
    maxAllowedMemberships: 0,
    createdAt: new Date(m.createdAt),
    updatedAt: new Date(m.createdAt),
    // Clerk's hooks call these unbound: they close over the id instead of using `this`.
    getMemberships: (params?: PageParams & { role?: string[] }) =>
      core.controls.run('organization.getMemberships', [orgId, params], () => {
        const list = members().filter((x) => !params?.role?.length || params.role.includes(x.role));
        return paginate(list, params);
      }),
    getInvitations: (params?: PageParams) =>
      core.controls.run('organization.getInvitations', [orgId, params], () => paginate<OrganizationInvitationResource>([], params)),
    getRoles: (params?: PageParams) =>
      core.controls.run('organization.getRoles', [orgId, params], () => ({
        ...paginate(rolesOf(core, orgId), params),
        has_role_set_migration: false,
      })),
  } satisfies Partial<OrganizationResource>);
}

export function buildMembership(core: MockCore, m: NMembership, user: NUser): OrganizationMembershipResource {
  return asResource<OrganizationMembershipResource>({
    id: m.id,
    organization: buildOrganization(core, m.organization),
    role: m.role,
    roleName: roleName(m.role),
    permissions: m.permissions,
    publicMetadata: {},
    publicUserData: publicUserData(user),
    createdAt: new Date(m.createdAt),
    updatedAt: new Date(m.createdAt),
  } satisfies Partial<OrganizationMembershipResource>);
}

/** `user.getSessions()` as clerk-js does it: a failure resolves `[]`, and the first answer is cached on this user object. */
function sessionsLoader(core: MockCore, userId: string) {
  let cached: SessionWithActivitiesResource[] | null = null;
  return async (): Promise<SessionWithActivitiesResource[]> => {
    if (cached) return cached;
    const list = await core.controls
      .run('getSessions', [userId], () => {
        const user = userById(core, userId);
        if (!user) throw notFound('user', userId);
        return user.devices.filter((d) => isSignedInStatus(d.status)).map((d) => buildDevice(core, d, userId));
      })
      // clerk-js: SessionWithActivities.retrieve() ends in `.catch(() => [])`.
      .catch((): SessionWithActivitiesResource[] => []);
    cached = list;
    return list;
  };
}

export function buildUser(core: MockCore, user: NUser): UserResource {
  const address = user.emailAddress;
  const email = address
    ? asResource<EmailAddressResource>({
        id: `idn_${user.id}`,
        emailAddress: address,
        toString: () => address,
      } satisfies Partial<EmailAddressResource>)
    : null;
  const fullName = [user.firstName, user.lastName].filter(Boolean).join(' ') || null;
  const self: Partial<UserResource> = {
    id: user.id,
    firstName: user.firstName,
    lastName: user.lastName,
    fullName,
    username: user.username,
    imageUrl: user.imageUrl,
    hasImage: user.imageUrl !== '',
    primaryEmailAddressId: email?.id ?? null,
    primaryEmailAddress: email,
    emailAddresses: email ? [email] : [],
    phoneNumbers: [],
    web3Wallets: [],
    externalAccounts: [],
    publicMetadata: {},
    unsafeMetadata: {},
    twoFactorEnabled: false,
    createdAt: new Date(user.createdAt),
    updatedAt: new Date(user.createdAt),
    organizationMemberships: user.memberships.map((m) => buildMembership(core, m, user)),
    // Clerk's hooks call these unbound, so they close over the id instead of using `this`.
    getSessions: sessionsLoader(core, user.id),
    getOrganizationMemberships: (params?: PageParams) =>
      core.controls.run('getOrganizationMemberships', [params], () => {
        const current = userById(core, user.id);
        if (!current) throw notFound('user', user.id);
        return paginate(
          current.memberships.map((m) => buildMembership(core, m, current)),
          params,
        );
      }),
    // The mock has no invitations or suggestions: empty pages, with Clerk's page size rules.
    getOrganizationInvitations: (params?: PageParams) =>
      core.controls.run('user.getOrganizationInvitations', [params], () => paginate<UserOrganizationInvitationResource>([], params)),
    getOrganizationSuggestions: (params?: PageParams) =>
      core.controls.run('user.getOrganizationSuggestions', [params], () => paginate<OrganizationSuggestionResource>([], params)),
    // clerk-js: GET /me updates the client, which builds a new user object (with an empty
    // sessions cache), and resolves this old one.
    reload: () =>
      core.controls.run('user.reload', [user.id], () => {
        core.emit();
        return asResource<UserResource>(self);
      }),
  } satisfies Partial<UserResource>;
  return asResource<UserResource>(self);
}

/** A session of this browser that is signed in (see isSignedInStatus), typed as Clerk types those. */
export const isSignedIn = (s: SessionResource): s is SignedInSessionResource => isSignedInStatus(s.status);

export function buildClient(sessions: SessionResource[], activeSessionId: string | null): ClientResource {
  const signedIn = sessions.filter(isSignedIn);
  return asResource<ClientResource>({
    id: 'client_mock',
    sessions,
    signedInSessions: signedIn,
    lastActiveSessionId: activeSessionId,
    isEligibleForTouch: () => false,
  } satisfies Partial<ClientResource>);
}
