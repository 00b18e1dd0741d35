'use client';
import { useEffect, useMemo } from 'react';
import { useAuth, useClerk } from '../../clerk';
import { isAuthorized, toChecks, type Check, type Requirements } from '../../core/requirements';
import type { Status } from '../shared/parts';

/**
 * Every hook's status (`loading`, `error` when Clerk could not load, `signed-out`), with the
 * answer in place of `ready`: `granted` or `denied`.
 */
export type PermissionGateStatus = Exclude<Status, 'ready'> | 'denied' | 'granted';

const isProduction = () => {
  try {
    return process.env.NODE_ENV === 'production';
  } catch {
    return false;
  }
};

/**
 * Headless PermissionGate: whether the current user meets `requirements`, from Clerk's `has()`.
 * Derived during render from the same `useAuth()` snapshot as the active organization, so when
 * the organization changes the status changes in that same render: never a stale 'granted'.
 * 'error' when Clerk could not load (offline, an ad blocker, a wrong key): still closed.
 * Bad requirements throw in development; in production they deny and log one error, so a
 * dynamic empty list never takes a page down.
 */
export function usePermissionGate(requirements: Requirements): { status: PermissionGateStatus } {
  const { isLoaded, isSignedIn, has } = useAuth();
  const clerk = useClerk();
  const { permission, role, feature, plan, condition, match = 'all' } = requirements;
  const parsed = useMemo((): { checks: Check[] } | { invalid: Error } => {
    try {
      return { checks: toChecks({ permission, role, feature, plan, condition, match }) };
    } catch (error) {
      if (!isProduction()) throw error;
      return { invalid: error instanceof Error ? error : new TypeError(String(error)) };
    }
  }, [permission, role, feature, plan, condition, match]);
  // One log per distinct problem: a new (equally bad) array on every render logs once.
  const invalid = 'invalid' in parsed ? parsed.invalid.message : null;
  useEffect(() => {
    if (invalid) console.error(`${invalid} Denied (fails closed in production).`);
  }, [invalid]);
  if (clerk.status === 'error') return { status: 'error' };
  if (!isLoaded) return { status: 'loading' };
  if (!isSignedIn) return { status: 'signed-out' };
  if (!('checks' in parsed)) return { status: 'denied' };
  return { status: isAuthorized(parsed.checks, match, has) ? 'granted' : 'denied' };
}
