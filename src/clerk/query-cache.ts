/**
 * Clerk's paginated hooks (useOrganizationList, useOrganization) cache pages in one
 * module-level query client keyed by user id. A fresh mock Clerk with the same user id must not
 * see the previous mock's pages, so the testing entry resets that client whenever it mounts a new
 * mock. This is a test-only export of @clerk/shared (the copy @clerk/react itself uses).
 */
export { __resetClerkQueryClientForTest as resetClerkQueryCache } from '@clerk/shared/react';
