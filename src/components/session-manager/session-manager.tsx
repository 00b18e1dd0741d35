'use client';
import type { Localization } from '../../i18n';
import type { StylingProps } from '../../theme';
import { Actions, ConfirmDialog, Details, Header, Root, type SessionManagerSlot } from './parts';
import { useSessionManager, type UseSessionManagerOptions } from './use-session-manager';

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
 * `SessionManager.*`; use those with `useSessionManager()` for your own layout.
 */
function SessionManagerView({ headingLevel, className, classNames, unstyled, ...options }: SessionManagerProps) {
  const api = useSessionManager(options);
  return <Root value={api} headingLevel={headingLevel} className={className} classNames={classNames} unstyled={unstyled} />;
}

export const SessionManager = Object.assign(SessionManagerView, { Root, Header, Details, Actions, ConfirmDialog });
