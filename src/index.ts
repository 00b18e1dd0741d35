'use client';
export * from './components/permission-gate';
export * from './components/session-manager';
export * from './components/session-list';
export type { HasFn, OneOrMany, Requirements } from './core/requirements';
export { en, de, KitProvider, useLocalization, type Localization } from './i18n';
export type { StylingProps } from './theme';
export * from './components/org-switcher';
export { useClerkToken, type ClerkToken, type UseClerkTokenOptions } from './hooks/use-clerk-token';
export {
  AuthFetchError,
  createAuthFetch,
  type AuthFetchErrorCode,
  type AuthFetchInit,
  type AuthFetchOptions,
  type FetchWithAuth,
  type GetToken,
  type TokenOptions,
} from './core/auth-fetch';
