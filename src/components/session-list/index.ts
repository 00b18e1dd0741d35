export { SessionList, type SessionListProps, type SessionListRootProps } from './session-list';
export { deviceName, accountName } from './names';
export type { SessionListSlot } from './context';
export type { AccountsProps } from './accounts';
export {
  useSessionList,
  type RowAction,
  type RowFailure,
  type SessionListApi,
  type SessionListConfirm,
  type SessionListEvent,
  type UseSessionListOptions,
} from './use-session-list';
export type { DevicesState } from '../shared/use-devices';
