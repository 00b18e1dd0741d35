export { SessionList, type SessionListProps, type SessionListRootProps } from './session-list';
export type { AccountProps, AccountsProps, SessionListSlot } from './session-list-parts';
export type { DeviceProps } from './session-list-device-parts';
export {
  useSessionList,
  type RowAction,
  type SessionListApi,
  type SessionListConfirm,
  type SessionListEvent,
  type SessionListSection,
  type UseSessionListOptions,
} from './use-session-list';
export type { Failure, Status } from '../shared/parts';
