'use client';
import { useCallback, useEffect, useState } from 'react';
import { useClerk, useSession, useUser } from '../../clerk';
import { describeError, enCommon, enSessions, useStrings, type Localization } from '../../i18n';
import { useFrame } from '../shared/frame';
import { buttonProps, type NotReady } from '../shared/getters';
import { reloadPage, useControllable, useLatest, useSingleFlight, type Failure, type Status } from '../shared/parts';
import { useConfirmDialog } from '../shared/use-confirm-dialog';
import { loadDevices, useDevices } from '../shared/use-devices';

export type SessionManagerAction = 'sign-out' | 'sign-out-everywhere';

export type SessionManagerEvent =
  /** This browser's session was signed out, by either action. */
  { type: 'signed-out'; action: SessionManagerAction } | { type: 'sign-out-failed'; action: SessionManagerAction; error: unknown };

export interface UseSessionManagerOptions {
  /** Told about every outcome, for navigation, toasts, analytics or logs (raw errors included). */
  onEvent?: (event: SessionManagerEvent) => void;
  /** Strings and locale for the hook's sentences (announcements, errors). */
  localization?: Partial<Localization>;
  /** Controlled confirmation of "Sign out of all devices": open or not. */
  confirm?: boolean;
  /** The confirmation open at first, when uncontrolled. Default: closed. */
  defaultConfirm?: boolean;
  onConfirmChange?: (open: boolean) => void;
  /** What "Try again" does when Clerk itself could not load. Default: reload the page. */
  onRetryLoad?: () => void;
}

/**
 * Headless SessionManager: this session's details and the two ways to end it.
 * - `signOut()` signs this account out on this browser (`signOut({ sessionId })`).
 * - `signOutEverywhere()` fetches the device list afresh (past clerk-js's cache), revokes every other device session,
 *   and only when all of those succeeded signs out here. A list without this session is a
 *   failed load (clerk-js answers a failed load with `[]`), so nothing is signed out then.
 * Both are single-flight and never reject; the failure is kept (`Failure`, `text` the sentence for people).
 *
 * Prop getters carry ids, ARIA, `data-*` state and handlers for plain elements: `getRootProps()`,
 * `getTitleProps()`, `getSignOutProps()`, `getSignOutEverywhereProps()`, `getCopyIdProps()`,
 * `getRetryProps('load' | action)`, and the confirmation's `getConfirmDialogProps()`,
 * `getConfirmTitleProps()`, `getCancelProps()`, `getConfirmProps()`.
 */
export function useSessionManager({
  onEvent,
  localization,
  confirm: controlled,
  defaultConfirm = false,
  onConfirmChange,
  onRetryLoad = reloadPage,
}: UseSessionManagerOptions = {}) {
  const t = useStrings(localization, enCommon, enSessions);
  const clerk = useClerk();
  const { isLoaded, session } = useSession();
  const { user } = useUser();
  const { pending, error, run, clearError } = useSingleFlight<SessionManagerAction>();
  const [confirm, setOpen] = useControllable({ value: controlled, defaultValue: defaultConfirm, onChange: onConfirmChange });
  const [announcement, setAnnouncement] = useState('');
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const sessionId = session?.id;
  const devices = useDevices(user, sessionId);
  const liveRef = useLatest({ onEvent, t });

  const setConfirm = useCallback(
    (open: boolean) => {
      setOpen(open);
      if (open) clearError();
    },
    [setOpen, clearError],
  );

  const finish = useCallback(
    async (action: SessionManagerAction, fn: () => Promise<void>) => {
      setAnnouncement(liveRef.current.t.signingOut);
      const ok = await run(action, () =>
        fn().catch((error: unknown) => {
          liveRef.current.onEvent?.({ type: 'sign-out-failed', action, error });
          throw error;
        }),
      );
      setAnnouncement(ok ? liveRef.current.t.signedOut : '');
      if (ok) liveRef.current.onEvent?.({ type: 'signed-out', action });
      return ok;
    },
    [run, liveRef],
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
      const failed = results.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
      await clerk.signOut({ sessionId });
    });
    if (ok) setConfirm(false);
  }, [clerk, sessionId, user, finish, setConfirm]);

  const copyId = useCallback(async () => {
    if (!sessionId) return;
    try {
      await navigator.clipboard.writeText(sessionId);
      setCopied('copied');
      setAnnouncement(liveRef.current.t.copiedSessionId);
    } catch {
      setCopied('failed');
      setAnnouncement(liveRef.current.t.copyFailed);
    }
  }, [sessionId, liveRef]);
  useEffect(() => {
    if (!copied) return;
    const id = setTimeout(() => setCopied(null), 2500);
    return () => clearTimeout(id);
  }, [copied]);

  let failure: Failure<SessionManagerAction> | null = null;
  if (error) {
    const { text, detail } = describeError(t, error.error);
    const sentence = error.action === 'sign-out' ? t.signOutFailed : t.signOutEverywhereFailed;
    failure = { action: error.action, text: sentence({ message: text }), detail, error: error.error };
  }
  const dialog = useConfirmDialog(
    confirm,
    pending === 'sign-out-everywhere',
    () => void signOutEverywhere(),
    () => setConfirm(false),
  );
  const notReady: Exclude<Status, 'ready'> | null =
    clerk.status === 'error' ? 'error' : !isLoaded ? 'loading' : !session || !user ? 'signed-out' : null;
  const frame = useFrame(notReady ?? (pending ? 'pending' : 'ready'));
  const common = {
    ...dialog,
    ...frame,
    t,
    announcement,
    pending,
    /** The last failure: which action, the sentence for people (`text`), Clerk's words (`detail`), the raw error. */
    failure,
    clearError,
    signOut,
    signOutEverywhere,
    /** Whether the confirmation of "Sign out of all devices" is open. */
    confirm,
    setConfirm,
    copyId,
    /** 'copied' or 'failed' for a moment after `copyId()`, for feedback on the button. */
    copied,
    retryLoad: onRetryLoad,
    /** "Sign out" here: refused while either action runs. */
    getSignOutProps: () => buttonProps('sign-out', () => void signOut(), pending === 'sign-out', pending !== null),
    /** "Sign out of all devices": opens the confirmation; refused while either action runs. */
    getSignOutEverywhereProps: () => ({
      ...buttonProps('sign-out-everywhere', () => setConfirm(true), false, pending !== null),
      'aria-haspopup': 'dialog' as const,
    }),
    /** "Copy session ID". */
    getCopyIdProps: () => buttonProps('copy', () => void copyId()),
    /** "Try again": Clerk's load (`'load'`), or a failed action. */
    getRetryProps: (of: 'load' | SessionManagerAction) =>
      buttonProps('retry', of === 'load' ? onRetryLoad : () => void (of === 'sign-out' ? signOut() : signOutEverywhere())),
  };
  if (notReady || !session || !user) {
    const early: NotReady<typeof common, Exclude<Status, 'ready'>> = { ...common, status: notReady ?? 'signed-out' };
    return early;
  }
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
