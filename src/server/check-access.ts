/**
 * The server side of PermissionGate: the same requirements (src/core/requirements.ts), evaluated
 * with the `has()` of Clerk's `auth()` in a React Server Component, a server action or a route
 * handler. Fails closed: signed out, a pending session, no `has`, a check that throws, or an
 * `auth()` that throws (clerkMiddleware did not run) all deny.
 */
import { auth } from '@clerk/nextjs/server';
import { field } from '../core/field';
import { isAuthorized, toChecks, type HasFn, type Requirements } from '../core/requirements';
import { warnSystemPermissions } from '../middleware/dev';

/** What `checkAccess` decided, with who asked: `reason` says why access was refused. */
export type AccessDecision =
  | { allowed: true; userId: string; orgId: string | null; reason: null }
  | {
      allowed: false;
      /** The signed-in user who was refused (`'forbidden'`), else null. */
      userId: string | null;
      orgId: string | null;
      /** `'unavailable'`: `auth()` threw (as it does when clerkMiddleware did not run for the request). */
      reason: 'signed-out' | 'forbidden' | 'unavailable';
    };

type Auth = Awaited<ReturnType<typeof auth>>;

/** Next's own control-flow errors (dynamic usage, redirects, prerender bailouts) must propagate, as in src/middleware/guards.ts. */
const isFrameworkError = (error: unknown) => typeof field(error, 'digest') === 'string' || field(error, 'name') === 'ClerkUseCacheError';

const nonEmpty = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

/** The decision for `requirements`, as `owner` (the name bad-requirement errors carry). */
export async function decideAccess(requirements: Requirements, owner: string): Promise<AccessDecision> {
  const { permission, role, feature, plan, condition, match = 'all' } = requirements;
  // Validated before auth(): a malformed requirement throws for every visitor, signed out or not.
  const checks = toChecks({ permission, role, feature, plan, condition, match }, owner);
  warnSystemPermissions(checks, owner);
  let state: Auth;
  try {
    state = await auth({ treatPendingAsSignedOut: true });
  } catch (cause) {
    // During a static prerender auth() bails out of it (the page becomes dynamic): never deny there.
    if (isFrameworkError(cause)) throw cause;
    if (process.env.NODE_ENV !== 'production') console.error(`clerk-session-kit: ${owner} denied: auth() failed.`, cause);
    return { allowed: false, userId: null, orgId: null, reason: 'unavailable' };
  }
  const userId = nonEmpty(state.userId);
  if (userId === null) return { allowed: false, userId: null, orgId: null, reason: 'signed-out' };
  const orgId = nonEmpty(state.orgId);
  const clerkHas: unknown = state.has;
  if (typeof clerkHas !== 'function') return { allowed: false, userId, orgId, reason: 'forbidden' };
  const has: HasFn = (params) => state.has(params);
  if (!isAuthorized(checks, match, has)) return { allowed: false, userId, orgId, reason: 'forbidden' };
  return { allowed: true, userId, orgId, reason: null };
}

/**
 * For server components, server actions and route handlers that want the decision as a value:
 * whether the signed-in user meets `requirements` (PermissionGate's props; none means "signed in"),
 * from Clerk's `auth().has()`. Never throws for a denial; throws a TypeError for a malformed
 * requirement, as PermissionGate does. To refuse with a 401/403 instead, use `requireAuth` or
 * `withAuth` from `clerk-session-kit/middleware`.
 */
export function checkAccess(requirements: Requirements = {}): Promise<AccessDecision> {
  return decideAccess(requirements, 'checkAccess');
}
