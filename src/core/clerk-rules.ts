/**
 * A few of Clerk's rules that the components and the mock Clerk both follow, each written once.
 * Plain TypeScript: values in, values out, no Clerk types.
 */

/**
 * Whether a session with this status is signed in: active, or pending a task (clerk-js
 * `client.signedInSessions`, and the sessions `user.getSessions()` lists). Revoked, ended, removed,
 * expired, abandoned and replaced sessions are not.
 */
export const isSignedInStatus = (status: string): status is 'active' | 'pending' => status === 'active' || status === 'pending';

/** The largest `pageSize` Clerk's paginated lists accept (its Frontend API's `limit` is 1 to 500). */
export const MAX_PAGE_SIZE = 500;

/**
 * A role's name made from its key: `'org:billing_admin'` → `'Billing_admin'` (the key without
 * `org:`, first letter upper case). OrgSwitcher's name for a role when Clerk gives no `roleName`,
 * and the mock's `roleName` (as a real instance names its default roles: "Admin", "Member").
 */
export const roleName = (roleKey: string) => roleKey.replace(/^org:/, '').replace(/^\w/, (c) => c.toUpperCase());
