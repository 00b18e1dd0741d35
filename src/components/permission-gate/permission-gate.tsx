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
  /** Rendered when Clerk could not load (offline, an ad blocker, a wrong key). Default: `fallback`. */
  error?: ReactNode;
}

/**
 * Renders `children` only for a signed-in user who meets the requirements. Fails closed:
 * while Clerk loads, when it could not load, when signed out, when denied, when a check throws,
 * or (in production) when the requirements are malformed, children are not rendered.
 * This is a UI convenience, not a security boundary: check again on the server.
 */
export function PermissionGate({ children, fallback = null, loading = null, error = fallback, ...requirements }: PermissionGateProps) {
  const { status } = usePermissionGate(requirements);
  return <>{status === 'granted' ? children : status === 'loading' ? loading : status === 'error' ? error : fallback}</>;
}
