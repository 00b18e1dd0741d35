export { SessionManager, type SessionManagerProps, type SessionManagerRootProps } from './session-manager';
export type { SessionManagerSlot } from './session-manager-parts';
export {
  useSessionManager,
  type SessionManagerAction,
  type SessionManagerApi,
  type SessionManagerEvent,
  type UseSessionManagerOptions,
} from './use-session-manager';
export type { Failure, Status } from '../shared/parts';
