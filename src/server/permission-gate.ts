import type { ReactNode } from 'react';
import type { Requirements } from '../core/requirements';
import { decideAccess } from './check-access';

export interface ServerPermissionGateProps extends Requirements {
  children?: ReactNode;
  /** Rendered when signed out or when the requirements are not met. Default: nothing. */
  fallback?: ReactNode;
}

/**
 * PermissionGate for React Server Components: an async server component that decides with
 * `auth().has()` while the page renders, so a denied response carries neither `children`'s HTML
 * nor their RSC payload (client components among them are still in the page's client bundle, as
 * any the page imports). Same requirements as PermissionGate. Fails closed: signed out, a pending
 * session, a check that throws or `auth()` failing render `fallback`. A malformed requirement
 * throws its TypeError, as PermissionGate does in development.
 */
export async function ServerPermissionGate({
  children = null,
  fallback = null,
  ...requirements
}: ServerPermissionGateProps): Promise<ReactNode> {
  const { allowed } = await decideAccess(requirements, 'ServerPermissionGate');
  return allowed ? children : fallback;
}
