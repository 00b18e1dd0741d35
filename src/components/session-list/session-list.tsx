'use client';
import type { ReactNode } from 'react';
import type { Localization } from '../../i18n';
import type { StylingProps } from '../../theme';
import { Frame as SharedFrame } from '../shared/frame';
import { Account, Accounts, type AccountsProps } from './accounts';
import { PartsProvider, usePartsContext, type SessionListSlot } from './context';
import { ConfirmDialog, Device, Devices } from './devices';
import { useSessionList, type SessionListApi, type UseSessionListOptions } from './use-session-list';

export interface SessionListRootProps extends StylingProps<SessionListSlot> {
  /** The API from `useSessionList()`: you own the hook, the parts render it. */
  value: SessionListApi;
  /** Level of the visible title (default 2); section headings are one level below. */
  headingLevel?: number;
  /** Rendered when Clerk has loaded and an account is here. Default: accounts, devices, dialog. */
  children?: ReactNode;
}

/**
 * The frame every SessionList layout shares: the title, the loading, failed and signed-out
 * states, the one live region (outside any aria-busy part, never remounted), and focus that is
 * never dropped. Its children are the parts, in any order, or your own markup.
 */
function Root({ value, headingLevel = 2, className, classNames, unstyled, children }: SessionListRootProps) {
  return (
    <PartsProvider api={value} classNames={classNames} unstyled={unstyled} headingLevel={headingLevel}>
      <Frame className={className}>{children}</Frame>
    </PartsProvider>
  );
}

function Frame({ className, children }: { className?: string; children?: ReactNode }) {
  const { api, slot, level } = usePartsContext('Root');
  return (
    <SharedFrame
      slot={slot}
      className={className}
      status={api.status}
      title={api.t.sessionListTitle}
      level={level}
      t={api.t}
      announcement={api.announcement}
      retryLoad={api.retryLoad}
      wide
    >
      {() =>
        children ?? (
          <>
            <Accounts />
            <Devices />
            <ConfirmDialog />
          </>
        )
      }
    </SharedFrame>
  );
}

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
 * `useSessionList()` for your own layout.
 */
export function SessionListView({ addAccount, headingLevel, className, classNames, unstyled, ...options }: SessionListProps) {
  const api = useSessionList(options);
  return (
    <Root value={api} headingLevel={headingLevel} className={className} classNames={classNames} unstyled={unstyled}>
      <Accounts addAccount={addAccount} />
      <Devices />
      <ConfirmDialog />
    </Root>
  );
}

/** The ready-made SessionList, and its parts for your own layout over `useSessionList()`. */
export const SessionList = Object.assign(SessionListView, { Root, Accounts, Account, Devices, Device, ConfirmDialog });
