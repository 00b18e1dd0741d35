'use client';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import type { Localization } from '../../i18n';
import type { StylingProps } from '../../theme';
import { sessionRoot } from '../shared/frame';
import { Actions, ConfirmDialog, Details, Header, PartsProvider, type SessionManagerSlot } from './session-manager-parts';
import { useSessionManager, type SessionManagerApi, type UseSessionManagerOptions } from './use-session-manager';

export interface SessionManagerRootProps extends StylingProps<SessionManagerSlot>, Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  /** The API from `useSessionManager()`: you own the hook, the parts render it. */
  value: SessionManagerApi;
  /** Level of the visible title (default 2). */
  headingLevel?: number;
  /** Rendered once the session is ready. Default: header, details, actions, dialog. */
  children?: ReactNode;
}

/** The frame (a `<section>`): title, loading / failed / signed-out states, the one live region, focus that is never dropped. */
const Root = /* @__PURE__ */ sessionRoot<SessionManagerApi, SessionManagerRootProps>(
  'sessionManagerTitle',
  PartsProvider,
  <>
    <Header />
    <Details />
    <Actions />
    <ConfirmDialog />
  </>,
);

export interface SessionManagerProps extends UseSessionManagerOptions, StylingProps<SessionManagerSlot> {
  /** Override any string or the locale (`localization={de}` for German). */
  localization?: Partial<Localization>;
  /** Level of the visible title (default 2). */
  headingLevel?: number;
}

/**
 * This session: who is signed in, on which device, when it began, was last active and
 * expires, an impersonation badge, and the ways to end it: "Sign out" here, or "Sign out of all
 * devices" (other devices first, then here) behind a confirmation. Built from the parts on
 * `SessionManager.*`; use those with `useSessionManager()` for your own layout, or the hook's
 * prop getters on your own elements.
 */
function SessionManagerView({ headingLevel, className, classNames, unstyled, ...options }: SessionManagerProps) {
  const api = useSessionManager(options);
  return <Root value={api} headingLevel={headingLevel} className={className} classNames={classNames} unstyled={unstyled} />;
}

/** The ready-made SessionManager, and its parts for your own layout over `useSessionManager()`. */
export const SessionManager = /* @__PURE__ */ Object.assign(SessionManagerView, { Root, Header, Details, Actions, ConfirmDialog });
