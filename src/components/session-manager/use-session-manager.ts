'use client';
import { useCallback, useState } from 'react';
import { useClerk, useSession, useUser } from '../../clerk';
import { useSingleFlight } from '../shared/use-single-flight';

export type SessionManagerAction = 'sign-out' | 'sign-out-everywhere';

export interface UseSessionManagerOptions {
  /** Called after this browser's session was signed out (by either action). */
  onSignedOut?: () => void;
}

/**
 * Headless SessionManager: this session's details and the two ways to end it.
 * - `signOut()` signs this account out on this browser (`signOut({ sessionId })`).
 * - `signOutEverywhere()` revokes every other device session of the user (`getSessions()` →
 *   `revoke()`), and only when all of those succeeded signs out here. Clerk has no "all
 *   sessions" sign-out: `signOut({ sessionId: 'all' })` is not an option.
 * Both are single-flight, never reject, and keep the error for the view to show with a retry.
 */
export function useSessionManager({ onSignedOut }: UseSessionManagerOptions = {}) {
  const clerk = useClerk();
  const { isLoaded, session } = useSession();
  const { user } = useUser();
  const { pending, error, run, clearError } = useSingleFlight<SessionManagerAction>();
  const [confirming, setConfirming] = useState(false);
  const sessionId = session?.id;

  const signOut = useCallback(async () => {
    if (!sessionId) return;
    const ok = await run('sign-out', () => clerk.signOut({ sessionId }));
    if (ok) onSignedOut?.();
  }, [clerk, sessionId, run, onSignedOut]);

  const signOutEverywhere = useCallback(async () => {
    if (!sessionId || !user) return;
    const ok = await run('sign-out-everywhere', async () => {
      const devices = await user.getSessions();
      const results = await Promise.allSettled(devices.filter((d) => d.id !== sessionId).map((d) => d.revoke()));
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
      await clerk.signOut({ sessionId });
    });
    if (ok) {
      setConfirming(false);
      onSignedOut?.();
    }
  }, [clerk, sessionId, user, run, onSignedOut]);

  const status: 'loading' | 'signed-out' | 'ready' = !isLoaded ? 'loading' : !session || !user ? 'signed-out' : 'ready';
  return {
    status,
    user: user ?? null,
    session: session ?? null,
    /** The impersonator's user id when an admin is acting as this user. */
    actor: session?.actor?.sub ?? null,
    pending,
    error,
    clearError,
    signOut,
    signOutEverywhere,
    /** Whether the sign-out-everywhere confirmation is open. */
    confirming,
    setConfirming,
  };
}

export type SessionManagerApi = ReturnType<typeof useSessionManager>;
