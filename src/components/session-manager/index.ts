export { SessionManager, type SessionManagerProps, type SessionManagerSlot } from './session-manager';
export { useSessionManager, type SessionManagerAction, type SessionManagerApi, type UseSessionManagerOptions } from './use-session-manager';
