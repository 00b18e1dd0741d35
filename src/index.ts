'use client';
export * from './components/permission-gate';
export * from './components/session-manager';
export * from './components/session-list';
export type { HasFn, OneOrMany, Requirements } from './core/requirements';
export { en, de, KitProvider, useLocalization, type Localization } from './i18n';
export type { StylingProps } from './theme';
export * from './components/org-switcher';
