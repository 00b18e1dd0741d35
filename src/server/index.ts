// clerk-session-kit/server: for React Server Components (and server actions, route handlers) on
// @clerk/nextjs 7. No 'use client' anywhere below: Next keeps it in the server bundle.
export { checkAccess, type AccessDecision } from './check-access';
export { ServerPermissionGate, type ServerPermissionGateProps } from './permission-gate';
export type { HasFn, Requirements } from '../core/requirements';
