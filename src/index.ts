'use client';
// The client entry, `clerk-session-kit`: every export is named here (no star re-export), so a helper
// a component exports for its siblings never becomes public by accident. api-report.md records it.

export { PermissionGate, usePermissionGate, type PermissionGateProps, type PermissionGateStatus } from './components/permission-gate';
export type { HasFn, Requirements } from './core/requirements';

export {
  SessionManager,
  useSessionManager,
  type SessionManagerAction,
  type SessionManagerApi,
  type SessionManagerEvent,
  type SessionManagerProps,
  type SessionManagerRootProps,
  type SessionManagerSlot,
  type UseSessionManagerOptions,
} from './components/session-manager';

export {
  SessionList,
  useSessionList,
  type AccountsProps,
  type RowAction,
  type SessionListSection,
  type AccountProps,
  type DeviceProps,
  type SessionListApi,
  type SessionListConfirm,
  type SessionListEvent,
  type SessionListProps,
  type SessionListRootProps,
  type SessionListSlot,
  type UseSessionListOptions,
} from './components/session-list';

export {
  OrgSwitcher,
  useOrgSwitcher,
  type OrgOption,
  type OrgSwitcherApi,
  type OrgSwitcherEvent,
  type OrgSwitcherFailure,
  type OrgSwitcherActionProps,
  type OrgSwitcherItemProps,
  type OrgSwitcherListProps,
  type OrgSwitcherProps,
  type OrgSwitcherRootProps,
  type OrgSwitcherSlot,
  type OrgSwitcherStatus,
  type UseOrgSwitcherOptions,
} from './components/org-switcher';

export { useClerkToken, type ClerkToken, type UseClerkTokenOptions } from './hooks/use-clerk-token';
export {
  AuthFetchError,
  createAuthFetch,
  type AuthFetchErrorCode,
  type AuthFetchInit,
  type AuthFetchOptions,
  type FetchWithAuth,
  type GetToken,
  type ReverificationNeed,
  type TokenOptions,
} from './core/auth-fetch';

// English is built in; every other language is its own import (`clerk-session-kit/locales/de`), so an app pays only for its own.
export { en, KitProvider, useLocalization, type Localization } from './i18n';
export type { StylingProps } from './theme';
// The contract every hook shares, and the prop merge its parts use (for your own elements over a hook's getters).
export { mergeProps, type Failure, type Status } from './components/shared/parts';
// A pending session's task (Core 3 session tasks), as SessionManager's `task` and SessionList's `taskOf(row)` give it.
export type { PendingTask } from './components/shared/task';
