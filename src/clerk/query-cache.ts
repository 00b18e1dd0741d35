import * as clerkShared from '@clerk/shared/react';

/**
 * Clerk's paginated hooks (useOrganizationList, useOrganization) cache pages in one
 * module-level query client keyed by user id. A fresh mock Clerk with the same user id must not
 * see the previous mock's pages, so the testing entry resets that client whenever it mounts a new
 * mock. The reset is a test-only export of @clerk/shared (the copy @clerk/react itself uses), read
 * off the namespace so that releases without it (before 4.10) still load the testing entry. Those
 * releases take their query client from clerk-js (`__internal_queryClient`), which the mock does
 * not provide, so paginated hooks under the mock need @clerk/shared 4.10 or later.
 */
const shared: { __resetClerkQueryClientForTest?: () => void } = clerkShared;

export function resetClerkQueryCache(): void {
  shared.__resetClerkQueryClientForTest?.();
}
