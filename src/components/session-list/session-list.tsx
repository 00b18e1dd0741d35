'use client';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import type { Localization } from '../../i18n';
import type { StylingProps } from '../../theme';
import { sessionRoot } from '../shared/frame';
import { Devices, Device } from './session-list-device-parts';
import { Account, Accounts, ConfirmDialog, PartsProvider, type AccountsProps, type SessionListSlot } from './session-list-parts';
import { useSessionList, type SessionListApi, type UseSessionListOptions } from './use-session-list';

export interface SessionListRootProps extends StylingProps<SessionListSlot>, Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  /** The API from `useSessionList()`: you own the hook, the parts render it. */
  value: SessionListApi;
  /** Level of the visible title (default 2); section headings are one level below. */
  headingLevel?: number;
  /** Rendered when Clerk has loaded and an account is here. Default: accounts, devices, dialog. */
  children?: ReactNode;
}

/** The ready-made layout: accounts, devices, the confirmation. */
const parts = (addAccount?: AccountsProps['addAccount']) => (
  <>
    <Accounts addAccount={addAccount} />
    <Devices />
    <ConfirmDialog />
  </>
);

/**
 * The frame every SessionList layout shares (a `<section>`): the title, the loading, failed and
 * signed-out states, the one live region (outside any aria-busy part, never remounted), and
 * focus that is never dropped. Its children are the parts, in any order, or your own markup.
 */
const Root = /* @__PURE__ */ sessionRoot<SessionListApi, SessionListRootProps>('sessionListTitle', PartsProvider, parts(), true);

export interface SessionListProps extends UseSessionListOptions, StylingProps<SessionListSlot> {
  /** Under the accounts: `{ href, label? }` renders a finished "Add account" link; a node replaces it. */
  addAccount?: AccountsProps['addAccount'];
  /** Override any string or the locale (`localization={de}` for German). */
  localization?: Partial<Localization>;
  /** Level of the visible title (default 2); section headings are one level below. */
  headingLevel?: number;
}

/**
 * Accounts on this browser (switch, sign out) and this user's sessions on every device
 * (revoke one, revoke all others). Built from the parts on `SessionList.*`; use those with
 * `useSessionList()` for your own layout, or the hook's prop getters on your own elements.
 */
function SessionListView({ addAccount, headingLevel, className, classNames, unstyled, ...options }: SessionListProps) {
  return (
    <Root value={useSessionList(options)} headingLevel={headingLevel} className={className} classNames={classNames} unstyled={unstyled}>
      {parts(addAccount)}
    </Root>
  );
}

/** The ready-made SessionList, and its parts for your own layout over `useSessionList()`. */
export const SessionList = /* @__PURE__ */ Object.assign(SessionListView, { Root, Accounts, Account, Devices, Device, ConfirmDialog });
