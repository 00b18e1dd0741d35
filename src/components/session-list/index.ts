export { SessionList, deviceName, type SessionListProps, type SessionListSlot } from './session-list';
export { useSessionList, type DevicesState, type SessionListApi, type SessionListEvent, type UseSessionListOptions } from './use-session-list';
