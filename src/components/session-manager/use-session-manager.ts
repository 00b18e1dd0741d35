'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useClerk, useSession, useUser } from '../../clerk';
import { describeError, enCommon, enSessions, useStrings, type Localization } from '../../i18n';
import { loadDevices, useDevices } from '../shared/use-devices';
import { reloadPage, useControllable, useSingleFlight } from '../shared/parts';

export type SessionManagerAction = 'sign-out' | 'sign-out-everywhere';

export interface UseSessionManagerOptions {
  /** Called after this browser's session was signed out (by either action). */
  onSignedOut?: () => void;
  /** Strings and locale for the hook's sentences (announcements, errors). */
  localization?: Partial<Localization>;
  /** Controlled confirmation of "Sign out of all devices". */
  confirmOpen?: boolean;
  onConfirmOpenChange?: (open: boolean) => void;
  /** What "Try again" does when Clerk itself could not load. Default: reload the page. */
  onRetryLoad?: () => void;
}

/**
 * Headless SessionManager: this session's details and the two ways to end it.
 * - `signOut()` signs this account out on this browser (`signOut({ sessionId })`).
 * - `signOutEverywhere()` fetches the device list afresh (past clerk-js's cache), revokes every other device session,
 *   and only when all of those succeeded signs out here. A list without this session is a
 *   failed load (clerk-js answers a failed load with `[]`), so nothing is signed out then.
 * Both are single-flight and never reject; the failure is kept as a sentence for people.
 */
export function useSessionManager({
  onSignedOut,
  localization,
  confirmOpen,
  onConfirmOpenChange,
  onRetryLoad = reloadPage,
}: UseSessionManagerOptions = {}) {
  const t = useStrings(localization, enCommon, enSessions);
  const clerk = useClerk();
  const { isLoaded, session } = useSession();
  const { user } = useUser();
  const { pending, error, run, clearError } = useSingleFlight<SessionManagerAction>();
  const [confirming, setOpen] = useControllable({ value: confirmOpen, defaultValue: false, onChange: onConfirmOpenChange });
  const [announcement, setAnnouncement] = useState('');
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const sessionId = session?.id;
  const devices = useDevices(user, sessionId);
  const live = useRef({ onSignedOut, t });
  useEffect(() => {
    live.current = { onSignedOut, t };
  });

  const setConfirming = useCallback(
    (open: boolean) => {
      setOpen(open);
      if (open) clearError();
    },
    [setOpen, clearError],
  );

  const finish = useCallback(
    async (action: SessionManagerAction, fn: () => Promise<void>) => {
      setAnnouncement(live.current.t.signingOut);
      const ok = await run(action, fn);
      setAnnouncement(ok ? live.current.t.signedOut : '');
      if (ok) live.current.onSignedOut?.();
      return ok;
    },
    [run],
  );

  const signOut = useCallback(async () => {
    if (!sessionId) return;
    await finish('sign-out', () => clerk.signOut({ sessionId }));
  }, [clerk, sessionId, finish]);

  const signOutEverywhere = useCallback(async () => {
    if (!sessionId || !user) return;
    const ok = await finish('sign-out-everywhere', async () => {
      const all = await loadDevices(clerk, user, sessionId, true);
      const results = await Promise.allSettled(all.filter((d) => d.id !== sessionId).map((d) => d.revoke()));
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
      await clerk.signOut({ sessionId });
    });
    if (ok) setConfirming(false);
  }, [clerk, sessionId, user, finish, setConfirming]);

  const copyId = useCallback(async () => {
    if (!sessionId) return;
    try {
      await navigator.clipboard.writeText(sessionId);
      setCopied('copied');
      setAnnouncement(live.current.t.copiedSessionId);
    } catch {
      setCopied('failed');
      setAnnouncement(live.current.t.copyFailed);
    }
  }, [sessionId]);
  useEffect(() => {
    if (!copied) return;
    const id = setTimeout(() => setCopied(null), 2500);
    return () => clearTimeout(id);
  }, [copied]);

  const failure = error && { action: error.action, error: error.error, ...describeError(t, error.error) };
  const common = {
    t,
    announcement,
    pending,
    /** The last failure: which action, a sentence for people (`text`), Clerk's words (`detail`). */
    failure,
    clearError,
    signOut,
    signOutEverywhere,
    confirming,
    setConfirming,
    copyId,
    /** 'copied' or 'failed' for a moment after `copyId()`, for feedback on the button. */
    copied,
    retryLoad: onRetryLoad,
  };
  if (clerk.status === 'error') return { ...common, status: 'error' as const };
  if (!isLoaded) return { ...common, status: 'loading' as const };
  if (!session || !user) return { ...common, status: 'signed-out' as const };
  const list = devices.state.status === 'ready' ? devices.state.devices : null;
  return {
    ...common,
    status: 'ready' as const,
    user,
    session,
    /** The actor claim when an admin is acting as this user (`sub` is the admin's user id). */
    actor: session.actor ?? null,
    /** This browser's device (browser, OS, place), once Clerk's device list has answered. */
    device: list?.find((d) => d.id === session.id) ?? null,
    /** How many other devices "Sign out of all devices" would sign out; null while unknown. */
    otherDevices: list ? list.length - 1 : null,
  };
}

export type SessionManagerApi = ReturnType<typeof useSessionManager>;
