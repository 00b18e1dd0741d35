'use client';
import { useMemo } from 'react';
import { useAuth } from '../../clerk';
import { isAuthorized, toChecks, type Requirements } from '../../core/requirements';

export type PermissionGateStatus = 'loading' | 'signed-out' | 'denied' | 'granted';

/**
 * Headless PermissionGate: whether the current user meets `requirements`, from Clerk's `has()`.
 * Derived during render from the same `useAuth()` snapshot as the active organization, so when
 * the organization changes the status changes in that same render: never a stale 'granted'.
 */
export function usePermissionGate(requirements: Requirements): { status: PermissionGateStatus } {
  const { isLoaded, isSignedIn, has } = useAuth();
  const { permission, role, feature, plan, condition, match = 'all' } = requirements;
  const checks = useMemo(
    () => toChecks({ permission, role, feature, plan, condition, match }),
    [permission, role, feature, plan, condition, match],
  );
  if (!isLoaded) return { status: 'loading' };
  if (!isSignedIn) return { status: 'signed-out' };
  return { status: isAuthorized(checks, match, has) ? 'granted' : 'denied' };
}
