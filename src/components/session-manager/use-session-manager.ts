'use client';
import { useEffect, useState } from 'react';
import { describeError, type Localization, type SessionStrings } from '../../i18n';
import { useFrame, useSessionBase } from '../shared/frame';
import { buttonProps, type NotReady } from '../shared/getters';
import { reloadPage, useLatest, useSingleFlight, type Failure, type Status } from '../shared/parts';
import { revokeDevices, useReverify, type Reverify } from '../shared/revoke';
import { useConfirmDialog } from '../shared/use-confirm-dialog';
import { pendingTask } from '../shared/task';
import { loadDevices } from '../shared/use-devices';

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

type Base = ReturnType<typeof useSessionBase<boolean>>;
/** What the actions read when they run: the latest render's. */
type Latest = {
  readonly current: Pick<Base, 't' | 'clerk' | 'session' | 'user'> & { onEvent?: (event: SessionManagerEvent) => void; reverify: Reverify };
};
type Flight = ReturnType<typeof useSingleFlight<SessionManagerAction>>;

/** The last failure for people: which action, its sentence (`text`), Clerk's words (`detail`), the raw error. */
const failureOf = (t: SessionStrings, error: Flight['error']): Failure<SessionManagerAction> | null => {
  if (!error) return null;
  const { text, detail } = describeError(t, error.error);
  const sentence = error.action === 'sign-out' ? t.signOutFailed : t.signOutEverywhereFailed;
  return { action: error.action, text: sentence({ message: text }), detail, error: error.error };
};

/**
 * The confirmation's setter (opening it clears the last failure), the two ways to end the session
 * (single-flight and announced) and "Copy session ID" ('copied' or 'failed' for a moment after);
 * made once, they read the latest render through `latest` and keep their identity. "Sign out of
 * all devices" loads the device list afresh (past clerk-js's cache), revokes every other device,
 * and only when all of those succeeded signs out here; then it closes its confirmation.
 */
function useActions(latest: Latest, announce: Base['announce'], setOpen: Base['setConfirm'], { run, clearError }: Flight) {
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  useEffect(() => {
    if (!copied) return;
    const id = setTimeout(() => setCopied(null), 2500);
    return () => clearTimeout(id);
  }, [copied]);
  const [actions] = useState(() => {
    const setConfirm = (open: boolean) => {
      setOpen(open);
      if (open) clearError();
    };
    /** Runs an action on this session, announced before and after, and reported to `onEvent`. */
    const finish = async (action: SessionManagerAction, fn: (sessionId: string) => Promise<void>) => {
      const { session } = latest.current;
      if (!session) return false;
      announce(latest.current.t.signingOut);
      const ok = await run(action, () =>
        fn(session.id).catch((error: unknown) => {
          latest.current.onEvent?.({ type: 'sign-out-failed', action, error });
          throw error;
        }),
      );
      const { t, onEvent } = latest.current;
      announce(ok ? t.signedOut : '');
      if (ok) onEvent?.({ type: 'signed-out', action });
      return ok;
    };
    const signOut = async () => {
      await finish('sign-out', (sessionId) => latest.current.clerk.signOut({ sessionId }));
    };
    const signOutEverywhere = async () => {
      const { clerk, user } = latest.current;
      if (!user) return;
      const ok = await finish('sign-out-everywhere', async (sessionId) => {
        const all = await loadDevices(clerk, user, sessionId, true);
        // Through Clerk's reverification, as SessionList's revoke: cancelled, nothing is signed out.
        const { kept, error } = await revokeDevices(
          all.filter((d) => d.id !== sessionId),
          latest.current.reverify,
        );
        if (kept.length) throw error;
        await clerk.signOut({ sessionId });
      });
      if (ok) setConfirm(false);
    };
    const copyId = async () => {
      const { session } = latest.current;
      if (!session) return;
      try {
        await navigator.clipboard.writeText(session.id);
        setCopied('copied');
        announce(latest.current.t.copiedSessionId);
      } catch {
        setCopied('failed');
        announce(latest.current.t.copyFailed);
      }
    };
    return { setConfirm, signOut, signOutEverywhere, copyId };
  });
  return { copied, ...actions };
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
export function useSessionManager({ defaultConfirm = false, onRetryLoad = reloadPage, ...options }: UseSessionManagerOptions = {}) {
  const base = useSessionBase(options, defaultConfirm);
  const { t, clerk, session, user } = base;
  const flight = useSingleFlight<SessionManagerAction>();
  const { pending, clearError } = flight;
  const reverify = useReverify();
  const latest = useLatest({ t, clerk, session, user, onEvent: options.onEvent, reverify });
  const { setConfirm, signOut, signOutEverywhere, copyId, copied } = useActions(latest, base.announce, base.setConfirm, flight);
  const dialog = useConfirmDialog(
    base.open,
    pending === 'sign-out-everywhere',
    () => void signOutEverywhere(),
    () => setConfirm(false),
  );
  const notReady: Exclude<Status, 'ready'> | null =
    clerk.status === 'error' ? 'error' : !base.isLoaded ? 'loading' : !session || !user ? 'signed-out' : null;
  const common = {
    ...dialog,
    ...useFrame(notReady ?? (pending ? 'pending' : 'ready')),
    t,
    announcement: base.announcement,
    pending,
    /** The last failure: which action, the sentence for people (`text`), Clerk's words (`detail`), the raw error. */
    failure: failureOf(t, flight.error),
    clearError,
    signOut,
    signOutEverywhere,
    /** Whether the confirmation of "Sign out of all devices" is open. */
    confirm: base.open,
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
  const list = base.devices.state.status === 'ready' ? base.devices.state.devices : null;
  return {
    ...common,
    status: 'ready' as const,
    user,
    session,
    /** This session's task when Clerk holds it pending (signed in, a task to do first), with its badge; else null. */
    task: pendingTask(t, session),
    /** The actor claim when an admin is acting as this user (`sub` is the admin's user id). */
    actor: session.actor ?? null,
    /** This browser's device (browser, OS, place), once Clerk's device list has answered. */
    device: list?.find((d) => d.id === session.id) ?? null,
    /** How many other devices "Sign out of all devices" would sign out; null while unknown. */
    otherDevices: list ? list.length - 1 : null,
  };
}

export type SessionManagerApi = ReturnType<typeof useSessionManager>;
