export { PermissionGate, type PermissionGateProps } from './permission-gate';
export { usePermissionGate, type PermissionGateStatus } from './use-permission-gate';
