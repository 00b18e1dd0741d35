/**
 * What every resource the mock builds shares (resources.ts builds users, organizations and the
 * client; sessions.ts builds sessions and devices): the one narrowing to Clerk's full resource
 * types, and a user's public data as sessions and memberships carry it.
 */
import type { SessionResource } from '../clerk';
import type { NUser } from './state';

/**
 * The one narrowing from "the fields the mock implements" to Clerk's full resource type. Each
 * caller builds its object literal `satisfies Partial<…Resource>`, so every field the mock has is
 * checked against Clerk's types; this marks the fields it leaves out as absent, in one place.
 */
export const asResource = <T>(value: Partial<T>): T =>
  // eslint-disable-next-line @typescript-eslint/consistent-type-assertions -- the mock implements part of each Clerk resource (Clerk's types list dozens of members it never calls); every field it has is checked with `satisfies Partial<T>` at the call site
  value as T;

/** A user's public data, as a session's `publicUserData` and a membership's carry it. */
export function publicUserData(user: NUser) {
  return {
    userId: user.id,
    firstName: user.firstName,
    lastName: user.lastName,
    imageUrl: user.imageUrl,
    hasImage: user.imageUrl !== '',
    identifier: user.emailAddress ?? user.username ?? user.id,
  } satisfies SessionResource['publicUserData'];
}
