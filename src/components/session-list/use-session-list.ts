'use client';
import { useMemo, useState } from 'react';
import { useSessionList as useClerkSessionList, type SessionResource, type SessionWithActivitiesResource } from '../../clerk';
import { describeError, type Localization } from '../../i18n';
import { useSessionBase } from '../shared/frame';
import { buttonProps, type NotReady } from '../shared/getters';
import { reloadPage, useLatest, type Failure, type Status } from '../shared/parts';
import { useReverify } from '../shared/revoke';
import { useConfirmDialog } from '../shared/use-confirm-dialog';
import { pendingTask } from '../shared/task';
import { isLive } from '../shared/use-devices';
import { accountName, deviceName } from './names';
import { useCompactFrame } from './use-compact';
import { useRowMenu } from './use-row-menu';
import {
  accountActor,
  revoker,
  type AccountAction,
  type Announce,
  type Fail,
  type Latest,
  type Mark,
  type RowAction,
  type SessionListEvent,
  type SetGone,
} from './session-actions';

export type { RowAction, SessionListEvent } from './session-actions';

/** What the confirmation dialog asks about: one device (by id), or every other device. */
export type SessionListConfirm = { kind: 'device'; id: string } | { kind: 'all' };
/** The two sections: accounts on this browser, and this user's sessions on every device. */
export type SessionListSection = 'accounts' | 'devices';

type Device = SessionWithActivitiesResource;
const noDevices: Device[] = [];
/** A row of either section: an account on this browser (a session) or a device session. */
export type Row = SessionResource | Device;

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

type Base = ReturnType<typeof useSessionBase<SessionListConfirm | null>>;

/**
 * The per-row state (the action in flight, the last failure) and the actions, made once per
 * list: they read the latest render through `latest`, so they keep their identity.
 */
function useActions(latest: Latest, announce: Announce, setGone: SetGone) {
  const [pending, setPending] = useState<ReadonlyMap<string, RowAction>>(new Map());
  const [failures, setFailures] = useState<ReadonlyMap<string, Failure<RowAction>>>(new Map());
  const [actions] = useState(() => {
    const mark: Mark = (ids, action) => {
      setPending((p) => {
        const next = new Map(p);
        for (const id of ids)
          if (action) next.set(id, action);
          else next.delete(id);
        return next;
      });
      if (action) setFailures((f) => new Map([...f].filter(([id]) => !ids.includes(id))));
    };
    const fail: Fail = (id, action, error, text) => {
      const { text: reason, detail } = describeError(latest.current.t, error);
      const failure = { action, text: text(reason), detail, error };
      setFailures((f) => new Map(f).set(id, failure));
      announce(failure.text);
    };
    const revokeMany = revoker(latest, mark, fail, announce, setGone);
    const accountAction = accountActor(latest, mark, fail, announce);
    return {
      accountAction,
      switchAccount: (s: SessionResource) => accountAction(s, 'switch'),
      signOutAccount: (s: SessionResource) => accountAction(s, 'sign-out'),
      revoke: (d: Device) => revokeMany([d]),
      revokeAllOthers: () => revokeMany(latest.current.others),
    };
  });
  /** An account action is running: every other account action is refused until it ends. */
  const accountsBusy = [...pending.values()].some((a) => a !== 'revoke');
  return { pending, failures, actions, accountsBusy };
}

type Actions = ReturnType<typeof useActions>;

/** The prop getters of rows and their buttons, from the list's state. */
function listGetters(
  { t, setConfirm }: Base,
  { pending, failures, actions, accountsBusy }: Actions,
  currentId: string | undefined,
  others: Device[],
  retry: { load: () => void; devices: () => void },
) {
  const accountProps = (s: SessionResource, action: AccountAction, label: string) => ({
    ...buttonProps(action, () => void actions.accountAction(s, action), pending.get(s.id) === action, accountsBusy),
    'aria-label': pending.has(s.id) ? undefined : label,
  });
  return {
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
    /** "Revoke all 7 other devices": opens the confirmation; refused while every other device is being revoked. */
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
        typeof of === 'string'
          ? retry[of]
          : () =>
              void ('latestActivity' in of
                ? actions.revoke(of)
                : actions.accountAction(of, failures.get(of.id)?.action === 'sign-out' ? 'sign-out' : 'switch')),
      ),
  };
}

/** The ⋯ menu of a row (its actions as one control on a narrow row): the button, the menu, its items. */
function menuGetters({ t, setConfirm }: Base, { pending, actions, accountsBusy }: Actions, menu: ReturnType<typeof useRowMenu>) {
  const nameOf = (row: Row) => ('latestActivity' in row ? deviceName(row, t) : accountName(row));
  return {
    /** The row whose ⋯ menu is open, if any. */
    rowMenu: menu.openFor,
    closeRowMenu: menu.closeMenu,
    /** A row's ⋯ button: opens its menu (↓ and ↑ too); busy while the row's action runs. */
    getRowMenuTriggerProps: (row: Row) => {
      const busy = pending.has(row.id);
      const { onClick, onKeyDown, ...aria } = menu.triggerProps(row.id);
      return {
        ...buttonProps('menu', () => {}, busy),
        ...aria,
        ...(busy ? {} : { onClick, onKeyDown }),
        'aria-label': busy ? undefined : t.rowMenuLabel({ name: nameOf(row) }),
      };
    },
    /** The open menu (`role="menu"`, a manual popover), named as its button. */
    getRowMenuProps: (row: Row) => ({ ...menu.menuProps(), 'aria-label': t.rowMenuLabel({ name: nameOf(row) }) }),
    /** An item of a row's menu: the same action as the row's button; refused where the button is. */
    getRowMenuItemProps: (row: Row, action: RowAction) => {
      const refused = action !== 'revoke' && accountsBusy;
      const run =
        'latestActivity' in row || action === 'revoke'
          ? () => setConfirm({ kind: 'device', id: row.id })
          : () => void actions.accountAction(row, action);
      return {
        type: 'button' as const,
        'data-action': action,
        'aria-disabled': refused || undefined,
        'aria-haspopup': action === 'revoke' ? ('dialog' as const) : undefined,
        ...menu.itemProps(refused ? undefined : run),
      };
    },
  };
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
 * `getRetryProps('load' | 'devices' | row)`, a row's ⋯ menu (`getRowMenuTriggerProps(row)`,
 * `getRowMenuProps(row)`, `getRowMenuItemProps(row, action)`), and the confirmation's `getConfirmDialogProps()`,
 * `getConfirmTitleProps()`, `getCancelProps()`, `getConfirmProps()`. To add a handler of your
 * own, run it first and call the getter's unless you prevented it (what the parts do).
 */
export function useSessionList({ defaultConfirm = null, onRetryLoad = reloadPage, ...options }: UseSessionListOptions = {}) {
  const base = useSessionBase(options, defaultConfirm);
  const { t, clerk, devices, open, setConfirm } = base;
  const { isLoaded, sessions } = useClerkSessionList();
  const currentId = base.session?.id;
  const accounts = useMemo(() => (sessions ?? []).filter(isLive), [sessions]);
  const { state, reload } = devices;
  /** Revoked devices leave the list at once, without waiting for the device list to say so. */
  const [gone, setGone] = useState<ReadonlySet<string>>(new Set());
  const list = useMemo(() => (state.status === 'ready' ? state.devices.filter((d) => !gone.has(d.id) && isLive(d)) : []), [state, gone]);
  const others = useMemo(() => list.filter((d) => d.id !== currentId), [list, currentId]);
  const reverify = useReverify();
  const rows = useActions(useLatest({ t, clerk, onEvent: options.onEvent, currentId, others, reverify }), base.announce, setGone);
  const { pending, failures, actions } = rows;
  const { revoke, revokeAllOthers } = actions;

  // A confirmation about a device gone from the list closes.
  const confirmDevice = open?.kind === 'device' ? (list.find((d) => d.id === open.id) ?? null) : null;
  const shown = open?.kind === 'device' && !confirmDevice ? null : open;
  const runConfirmed = () => {
    setConfirm(null);
    void (open?.kind === 'all' ? revokeAllOthers() : confirmDevice && revoke(confirmDevice));
  };
  const closeConfirm = () => setConfirm(null);

  const status: Status = clerk.status === 'error' ? 'error' : !isLoaded ? 'loading' : accounts.length === 0 ? 'signed-out' : 'ready';
  const common = {
    ...useConfirmDialog(shown !== null, false, runConfirmed, closeConfirm),
    ...useCompactFrame(status),
    ...listGetters(base, rows, currentId, others, { load: onRetryLoad, devices: reload }),
    ...menuGetters(base, rows, useRowMenu()),
    t,
    announcement: base.announcement,
    accounts,
    currentSessionId: currentId ?? null,
    /**
     * A row's pending task (`status: 'pending'`: signed in, a task to do first), with its badge
     * "Pending: Choose an organization"; null for any other row. A device row has the task of
     * this browser's session with its id; Clerk names no task for another device's.
     */
    taskOf: (row: Row) => pendingTask(t, accounts.find((a) => a.id === row.id) ?? row),
    /** Per row id: the action in flight. */
    pending,
    /** Per row id: the last failure of its action. */
    failures,
    switchAccount: actions.switchAccount,
    signOutAccount: actions.signOutAccount,
    /** Revokes a device session; this device's is refused (sign it out instead). */
    revoke,
    revokeAllOthers,
    reloadDevices: reload,
    retryLoad: onRetryLoad,
    /** The open confirmation, if any, with the device it asks about. */
    confirm: shown,
    confirmDevice,
    openConfirm: setConfirm,
    closeConfirm,
    runConfirmed,
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
    devicesState: currentId ? state : null,
  };
}

export type SessionListApi = ReturnType<typeof useSessionList>;
