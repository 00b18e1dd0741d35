'use client';
import { useCallback, useMemo, useRef, useState } from 'react';
import {
  useClerk,
  useSession,
  useSessionList as useClerkSessionList,
  useUser,
  type SessionResource,
  type SessionWithActivitiesResource,
} from '../../clerk';
import { describeError, enCommon, enSessions, useStrings, type Localization } from '../../i18n';
import { useFrame } from '../shared/frame';
import { buttonProps, type NotReady } from '../shared/getters';
import { reloadPage, useControllable, useLatest, type Failure, type Status } from '../shared/parts';
import { useConfirmDialog } from '../shared/use-confirm-dialog';
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
/** The two sections: accounts on this browser, and this user's sessions on every device. */
export type SessionListSection = 'accounts' | 'devices';

type Device = SessionWithActivitiesResource;
const noDevices: Device[] = [];
/** A row of either section: an account on this browser (a session) or a device session. */
type Row = SessionResource | Device;

export interface UseSessionListOptions {
  /** Told about every outcome, for toasts, analytics or logs (raw errors included). */
  onEvent?: (event: SessionListEvent) => void;
  /** Strings and locale for the hook's sentences (announcements, errors). */
  localization?: Partial<Localization>;
  /** Controlled confirmation: which dialog is open (`null`: none). */
  confirm?: SessionListConfirm | null;
  /** The confirmation open at first, when uncontrolled. Default: none. */
  defaultConfirm?: SessionListConfirm | null;
  onConfirmChange?: (confirm: SessionListConfirm | null) => void;
  /** What "Try again" does when Clerk itself could not load. Default: reload the page. */
  onRetryLoad?: () => void;
}

/**
 * Headless SessionList: every piece of state and behaviour, for the ready-made view, the
 * compound parts, or your own markup. Accounts on this browser (switch, sign out one) and the
 * user's sessions on every device (revoke one, revoke all others). Rows are keyed by id
 * through refetches; pending actions and failures are kept per row; every action is guarded
 * against double submits and never rejects.
 *
 * Prop getters carry ids, ARIA, `data-*` state and handlers, so plain elements get the whole
 * behaviour: `getRootProps()`, `getTitleProps()`, `getSectionProps(section)`,
 * `getHeadingProps(section)`, `getRowProps(row)`, `getSwitchProps(account)`,
 * `getSignOutProps(account)`, `getRevokeProps(device)`, `getRevokeAllProps()`,
 * `getRetryProps('load' | 'devices' | row)`, and the confirmation's `getConfirmDialogProps()`,
 * `getConfirmTitleProps()`, `getCancelProps()`, `getConfirmProps()`. To add a handler of your
 * own, run it first and call the getter's unless you prevented it (what the parts do).
 */
export function useSessionList({
  onEvent,
  localization,
  confirm: controlled,
  defaultConfirm = null,
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
  const [failures, setFailures] = useState<ReadonlyMap<string, Failure<RowAction>>>(new Map());
  const [gone, setGone] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');
  const [confirm, setConfirm] = useControllable<SessionListConfirm | null>({
    value: controlled,
    defaultValue: defaultConfirm,
    onChange: onConfirmChange,
  });
  const inFlight = useRef(new Set<string>());
  const accountBusy = useRef(false);
  const liveRef = useLatest({ onEvent, t });

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
  const fail = useCallback(
    (id: string, action: RowAction, error: unknown, text: (message: string) => string) => {
      const { text: message, detail } = describeError(liveRef.current.t, error);
      const failure = { action, text: text(message), detail, error };
      setFailures((f) => new Map(f).set(id, failure));
      setAnnouncement(failure.text);
    },
    [liveRef],
  );

  const revokeMany = useCallback(
    async (targets: Device[]) => {
      // Never this device (sign out instead), never one already in flight.
      const fresh = targets.filter((d) => !inFlight.current.has(d.id) && d.id !== currentId);
      if (fresh.length === 0) return;
      const ids = fresh.map((d) => d.id);
      ids.forEach((id) => inFlight.current.add(id));
      mark(ids, 'revoke');
      setAnnouncement(liveRef.current.t.revoking);
      const outcomes = await Promise.all(
        fresh.map((d) =>
          d.revoke().then(
            () => null,
            (error: unknown) => ({ error }),
          ),
        ),
      );
      ids.forEach((id) => inFlight.current.delete(id));
      const ok = fresh.filter((_, i) => !outcomes[i]);
      const kept = fresh.filter((_, i) => outcomes[i]);
      setGone((g) => new Set([...g, ...ok.map((d) => d.id)]));
      mark(ids, null);
      const { t: tt, onEvent: emit } = liveRef.current;
      const [first] = ok;
      if (first) {
        setAnnouncement(ok.length > 1 ? tt.revokedAll({ count: ok.length }) : tt.revoked({ device: deviceName(first, tt) }));
        emit?.({ type: 'revoked', devices: ok });
      }
      const failed = outcomes.find(Boolean);
      if (failed) {
        for (const d of kept) fail(d.id, 'revoke', failed.error, (message) => tt.revokeFailed({ device: deviceName(d, tt), message }));
        emit?.({ type: 'revoke-failed', devices: kept, error: failed.error });
      }
    },
    [currentId, mark, fail, liveRef],
  );

  const accountAction = useCallback(
    async (session: SessionResource, action: 'switch' | 'sign-out') => {
      if (accountBusy.current) return;
      accountBusy.current = true;
      mark([session.id], action);
      const { t: tt, onEvent: emit } = liveRef.current;
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
        // A failed action leaves the list usable: "Try again" and every other row work.
        accountBusy.current = false;
        mark([session.id], null);
      }
    },
    [clerk, mark, fail, liveRef],
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
  const shown = confirm?.kind === 'device' && !confirmDevice ? null : confirm;
  const runConfirmed = () => {
    setConfirm(null);
    void (confirm?.kind === 'all' ? revokeAllOthers() : confirmDevice && revoke(confirmDevice));
  };
  const closeConfirm = () => setConfirm(null);
  const dialog = useConfirmDialog(shown !== null, false, runConfirmed, closeConfirm);

  const status: Status = clerk.status === 'error' ? 'error' : !isLoaded ? 'loading' : accounts.length === 0 ? 'signed-out' : 'ready';
  const frame = useFrame(status);
  const accountsBusy = [...pending.values()].some((a) => a !== 'revoke');
  const accountProps = (s: SessionResource, action: 'switch' | 'sign-out', label: string) => ({
    ...buttonProps(action, () => void accountAction(s, action), pending.get(s.id) === action, accountsBusy),
    'aria-label': pending.has(s.id) ? undefined : label,
  });
  const common = {
    ...dialog,
    ...frame,
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
    /** Revokes a device session; this device's is refused (sign it out instead). */
    revoke,
    revokeAllOthers,
    reloadDevices: devices.reload,
    retryLoad: onRetryLoad,
    /** The open confirmation, if any, with the device it asks about. */
    confirm: shown,
    confirmDevice,
    openConfirm: setConfirm,
    closeConfirm,
    runConfirmed,
    /** A row (`<li>`) of either section: `data-state` is `pending`, `current` or `idle`. */
    getRowProps: (row: Row) => ({ 'data-state': pending.has(row.id) ? 'pending' : row.id === currentId ? 'current' : 'idle' }),
    /** "Switch" on an account row: refused while an account action runs. */
    getSwitchProps: (s: SessionResource) => accountProps(s, 'switch', t.switchAccountLabel({ name: accountName(s) })),
    /** "Sign out" on an account row: signs that account out on this browser. */
    getSignOutProps: (s: SessionResource) => accountProps(s, 'sign-out', t.signOutAccountLabel({ name: accountName(s) })),
    /** "Revoke" on a device row: opens the confirmation; refused for this device. */
    getRevokeProps: (d: Device) => ({
      ...buttonProps('revoke', () => setConfirm({ kind: 'device', id: d.id }), pending.get(d.id) === 'revoke', d.id === currentId),
      'aria-label': pending.has(d.id) ? undefined : t.revokeLabel({ device: deviceName(d, t) }),
      'aria-haspopup': 'dialog' as const,
    }),
    /** "Revoke all other devices": opens the confirmation; refused while every other device is being revoked. */
    getRevokeAllProps: () => ({
      ...buttonProps(
        'revoke-all',
        () => setConfirm({ kind: 'all' }),
        false,
        others.every((d) => pending.has(d.id)),
      ),
      'aria-haspopup': 'dialog' as const,
    }),
    /** "Try again": Clerk's load (`'load'`), the device list (`'devices'`), or a row's failed action. */
    getRetryProps: (of: 'load' | 'devices' | Row) =>
      buttonProps(
        'retry',
        of === 'load'
          ? onRetryLoad
          : of === 'devices'
            ? devices.reload
            : () =>
                void ('latestActivity' in of
                  ? revoke(of)
                  : accountAction(of, failures.get(of.id)?.action === 'sign-out' ? 'sign-out' : 'switch')),
      ),
  };
  const none = { ...common, devices: noDevices, others: noDevices, devicesState: null };
  if (status !== 'ready') {
    const early: NotReady<typeof none, typeof status> = { ...none, status };
    return early;
  }
  return {
    ...common,
    status,
    /** This user's devices (this one first, then by last activity), without revoked ones. */
    devices: list,
    others,
    /** How the device list stands; `null` when no account here is active (nothing to list). */
    devicesState: currentId ? devices.state : null,
  };
}

export type SessionListApi = ReturnType<typeof useSessionList>;
