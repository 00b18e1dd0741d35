'use client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  useClerk,
  useSession,
  useSessionList as useClerkSessionList,
  useUser,
  type SessionResource,
  type SessionWithActivitiesResource,
} from '../../clerk';
import { describeError, enCommon, enSessions, useStrings, type Localization } from '../../i18n';
import { reloadPage, useControllable } from '../shared/parts';
import { isLive, useDevices } from '../shared/use-devices';
import { accountName, deviceName } from './names';

export type SessionListEvent =
  | { type: 'switched'; session: SessionResource }
  | { type: 'switch-failed'; session: SessionResource; error: unknown }
  | { type: 'signed-out'; session: SessionResource }
  | { type: 'sign-out-failed'; session: SessionResource; error: unknown }
  | { type: 'revoked'; devices: SessionWithActivitiesResource[] }
  | { type: 'revoke-failed'; devices: SessionWithActivitiesResource[]; error: unknown };

/** What the confirmation dialog asks about: one device (by id), or every other device. */
export type SessionListConfirm = { kind: 'device'; id: string } | { kind: 'all' };
export type RowAction = 'switch' | 'sign-out' | 'revoke';
/** A failed action, shown on its row: a sentence for people, Clerk's raw message as detail. */
export interface RowFailure {
  action: RowAction;
  text: string;
  detail: string;
  error: unknown;
}

export interface UseSessionListOptions {
  /** Told about every outcome, for toasts, analytics or logs (raw errors included). */
  onEvent?: (event: SessionListEvent) => void;
  /** Strings and locale for the hook's sentences (announcements, errors). */
  localization?: Partial<Localization>;
  /** Controlled confirmation: which dialog is open (`null`: none). */
  confirm?: SessionListConfirm | null;
  onConfirmChange?: (confirm: SessionListConfirm | null) => void;
  /** What "Try again" does when Clerk itself could not load. Default: reload the page. */
  onRetryLoad?: () => void;
}

type Device = SessionWithActivitiesResource;

/**
 * Headless SessionList: every piece of state and behaviour, for the ready-made view, the
 * compound parts, or your own markup. Accounts on this browser (switch, sign out one) and the
 * user's sessions on every device (revoke one, revoke all others). Rows are keyed by id
 * through refetches; pending actions and failures are kept per row; every action is guarded
 * against double submits and never rejects.
 */
export function useSessionList({
  onEvent,
  localization,
  confirm: controlled,
  onConfirmChange,
  onRetryLoad = reloadPage,
}: UseSessionListOptions = {}) {
  const t = useStrings(localization, enCommon, enSessions);
  const clerk = useClerk();
  const { isLoaded, sessions } = useClerkSessionList();
  const { session: current } = useSession();
  const { user } = useUser();
  const currentId = current?.id;
  const devices = useDevices(user, currentId);
  const [pending, setPending] = useState<ReadonlyMap<string, RowAction>>(new Map());
  const [failures, setFailures] = useState<ReadonlyMap<string, RowFailure>>(new Map());
  const [gone, setGone] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');
  const [confirm, setConfirm] = useControllable<SessionListConfirm | null>({
    value: controlled,
    defaultValue: null,
    onChange: onConfirmChange,
  });
  const inFlight = useRef(new Set<string>());
  const accountBusy = useRef(false);
  const live = useRef({ onEvent, t });
  useEffect(() => {
    live.current = { onEvent, t };
  });

  const mark = useCallback((ids: string[], action: RowAction | null) => {
    setPending((p) => {
      const next = new Map(p);
      for (const id of ids)
        if (action) next.set(id, action);
        else next.delete(id);
      return next;
    });
    if (action) setFailures((f) => new Map([...f].filter(([id]) => !ids.includes(id))));
  }, []);
  /** Keeps the failure on its row and announces it; the sentence is `text(localized reason)`. */
  const fail = useCallback((id: string, action: RowAction, error: unknown, text: (message: string) => string) => {
    const { text: message, detail } = describeError(live.current.t, error);
    const failure = { action, text: text(message), detail, error };
    setFailures((f) => new Map(f).set(id, failure));
    setAnnouncement(failure.text);
  }, []);

  const revokeMany = useCallback(
    async (targets: Device[]) => {
      const fresh = targets.filter((d) => !inFlight.current.has(d.id) && d.id !== currentId);
      if (fresh.length === 0) return;
      const ids = fresh.map((d) => d.id);
      ids.forEach((id) => inFlight.current.add(id));
      mark(ids, 'revoke');
      setAnnouncement(live.current.t.revoking);
      const results = await Promise.allSettled(fresh.map((d) => d.revoke()));
      ids.forEach((id) => inFlight.current.delete(id));
      const ok = fresh.filter((_, i) => results[i]!.status === 'fulfilled');
      const kept = fresh.filter((_, i) => results[i]!.status === 'rejected');
      setGone((g) => new Set([...g, ...ok.map((d) => d.id)]));
      mark(ids, null);
      const { t: tt, onEvent: emit } = live.current;
      if (ok.length) {
        setAnnouncement(ok.length === 1 ? tt.revoked({ device: deviceName(ok[0]!, tt) }) : tt.revokedAll({ count: ok.length }));
        emit?.({ type: 'revoked', devices: ok });
      }
      if (kept.length) {
        const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!.reason;
        for (const d of kept) fail(d.id, 'revoke', failure, (message) => tt.revokeFailed({ device: deviceName(d, tt), message }));
        emit?.({ type: 'revoke-failed', devices: kept, error: failure });
      }
    },
    [currentId, mark, fail],
  );

  const accountAction = useCallback(
    async (session: SessionResource, action: 'switch' | 'sign-out') => {
      if (accountBusy.current) return;
      accountBusy.current = true;
      mark([session.id], action);
      const { t: tt, onEvent: emit } = live.current;
      const name = accountName(session);
      try {
        if (action === 'switch') await clerk.setActive({ session: session.id });
        else await clerk.signOut({ sessionId: session.id });
        setAnnouncement(action === 'switch' ? tt.switchedAccount({ name }) : tt.signedOutAccount({ name }));
        emit?.(action === 'switch' ? { type: 'switched', session } : { type: 'signed-out', session });
      } catch (error) {
        fail(session.id, action, error, (message) =>
          action === 'switch' ? tt.switchFailed({ name, message }) : tt.signOutFailed({ message }),
        );
        emit?.(action === 'switch' ? { type: 'switch-failed', session, error } : { type: 'sign-out-failed', session, error });
      } finally {
        accountBusy.current = false;
        mark([session.id], null);
      }
    },
    [clerk, mark, fail],
  );

  const switchAccount = useCallback((s: SessionResource) => accountAction(s, 'switch'), [accountAction]);
  const signOutAccount = useCallback((s: SessionResource) => accountAction(s, 'sign-out'), [accountAction]);
  const revoke = useCallback((d: Device) => revokeMany([d]), [revokeMany]);

  const accounts = useMemo(() => (sessions ?? []).filter(isLive), [sessions]);
  const list = useMemo(
    () => (devices.state.status === 'ready' ? devices.state.devices.filter((d) => !gone.has(d.id) && isLive(d)) : []),
    [devices.state, gone],
  );
  const others = useMemo(() => list.filter((d) => d.id !== currentId), [list, currentId]);
  const revokeAllOthers = useCallback(() => revokeMany(others), [revokeMany, others]);

  const confirmDevice = confirm?.kind === 'device' ? (list.find((d) => d.id === confirm.id) ?? null) : null;
  const confirmAndRun = useCallback(() => {
    setConfirm(null);
    void (confirm?.kind === 'all' ? revokeAllOthers() : confirmDevice && revoke(confirmDevice));
  }, [confirm, confirmDevice, revoke, revokeAllOthers, setConfirm]);

  const closeConfirm = useCallback(() => setConfirm(null), [setConfirm]);
  const common = {
    t,
    announcement,
    accounts,
    currentSessionId: currentId ?? null,
    /** Per row id: the action in flight. */
    pending,
    /** Per row id: the last failure of its action. */
    failures,
    switchAccount,
    signOutAccount,
    revoke,
    revokeAllOthers,
    reloadDevices: devices.reload,
    retryLoad: onRetryLoad,
    /** The open confirmation, if any, with the device it asks about. */
    confirm: confirm?.kind === 'device' && !confirmDevice ? null : confirm,
    confirmDevice,
    openConfirm: setConfirm,
    closeConfirm,
    runConfirmed: confirmAndRun,
  };
  const none = { ...common, devices: [] as Device[], others: [] as Device[], devicesState: null };
  if (clerk.status === 'error') return { ...none, status: 'error' as const };
  if (!isLoaded) return { ...none, status: 'loading' as const };
  if (accounts.length === 0) return { ...none, status: 'signed-out' as const };
  return {
    ...common,
    status: 'ready' as const,
    /** This user's devices (this one first, then by last activity), without revoked ones. */
    devices: list,
    others,
    /** How the device list stands; `null` when no account here is active (nothing to list). */
    devicesState: currentId ? devices.state : null,
  };
}

export type SessionListApi = ReturnType<typeof useSessionList>;
