/**
 * Identity headers the middleware may add to the request the app sees. A client cannot set them:
 * the middleware removes any it sends. They are only as trustworthy as "the middleware ran", so
 * decide access with withAuth/requireAuth (which call Clerk's auth()), and use these for logs.
 */
export const IDENTITY_HEADERS = {
  userId: 'x-csk-user-id',
  orgId: 'x-csk-org-id',
  orgRole: 'x-csk-org-role',
} as const;

export const IDENTITY_HEADER_NAMES: readonly string[] = Object.values(IDENTITY_HEADERS);
