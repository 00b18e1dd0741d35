export { SessionManager, type SessionManagerProps } from './session-manager';
export type { SessionManagerRootProps, SessionManagerSlot } from './parts';
export { useSessionManager, type SessionManagerAction, type SessionManagerApi, type UseSessionManagerOptions } from './use-session-manager';
