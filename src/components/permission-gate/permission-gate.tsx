'use client';
import type { ReactNode } from 'react';
import type { Requirements } from '../../core/requirements';
import { usePermissionGate } from './use-permission-gate';

export interface PermissionGateProps extends Requirements {
  children?: ReactNode;
  /** Rendered when signed out or when the requirements are not met. Default: nothing. */
  fallback?: ReactNode;
  /** Rendered until Clerk has loaded. Default: nothing. */
  loading?: ReactNode;
}

/**
 * Renders `children` only for a signed-in user who meets the requirements. Fails closed:
 * while Clerk loads, when signed out, when denied, or when a check throws, children are not
 * rendered. This is a UI convenience, not a security boundary: check again on the server.
 */
export function PermissionGate({ children, fallback = null, loading = null, ...requirements }: PermissionGateProps) {
  const { status } = usePermissionGate(requirements);
  if (status === 'granted') return <>{children}</>;
  if (status === 'loading') return <>{loading}</>;
  return <>{fallback}</>;
}
