'use client';
import { useState } from 'react';
import { errorMessage } from '../../core/errors';
import { formatDateTime, formatRelative } from '../../core/format';
import { useLocalization, useNow, type Localization } from '../../i18n';
import { slots, type StylingProps } from '../../theme';
import { Avatar, badgeClass, buttonClass, ConfirmDialog, LiveRegion } from '../shared/ui';
import { useSessionManager, type UseSessionManagerOptions } from './use-session-manager';

export type SessionManagerSlot =
  | 'root'
  | 'header'
  | 'avatar'
  | 'name'
  | 'email'
  | 'badge'
  | 'details'
  | 'detail'
  | 'actions'
  | 'error'
  | 'dialog';

export interface SessionManagerProps extends UseSessionManagerOptions, StylingProps<SessionManagerSlot> {
  /** Override any string or the locale (`localization={de}` for German). */
  localization?: Partial<Localization>;
}

/**
 * This session: who is signed in, the session id (copyable), when it began, was last active
 * and expires, an impersonation badge, and the ways to end it: "Sign out" here, or "Sign out of
 * all devices" (other devices first, then here) behind a confirmation.
 */
export function SessionManager({ onSignedOut, localization, className, classNames, unstyled }: SessionManagerProps) {
  const t = useLocalization(localization);
  const now = useNow();
  const api = useSessionManager({ onSignedOut });
  const slot = slots<SessionManagerSlot>({ classNames, unstyled });
  const [announcement, setAnnouncement] = useState('');

  const root = slot('root', 'csk:flex csk:flex-col csk:gap-4 csk:rounded-md csk:border csk:border-border csk:bg-card csk:p-5 csk:text-card-foreground csk:font-sans csk:max-w-xl', className);
  if (api.status !== 'ready') {
    return (
      <section {...root} data-csk-root="" data-state={api.status} aria-label={t.sessionManagerTitle} aria-busy={api.status === 'loading' || undefined}>
        {api.status === 'loading' ? (
          <div aria-hidden="true" className={unstyled ? undefined : 'csk:flex csk:items-center csk:gap-3'}>
            <span className={unstyled ? undefined : 'csk:size-10 csk:rounded-full csk:bg-muted'} />
            <span className={unstyled ? undefined : 'csk:h-4 csk:w-40 csk:rounded csk:bg-muted'} />
          </div>
        ) : (
          <p className={unstyled ? undefined : 'csk:m-0 csk:text-sm csk:text-muted-foreground'}>{t.signedOutMessage}</p>
        )}
        <LiveRegion message={api.status === 'loading' ? t.loading : announcement} />
      </section>
    );
  }

  const { user, session } = api as { user: NonNullable<typeof api.user>; session: NonNullable<typeof api.session> };
  const name = user.fullName || user.username || user.primaryEmailAddress?.emailAddress || user.id;
  const email = user.primaryEmailAddress?.emailAddress;
  const when = (date: Date) => (
    <>
      <time dateTime={date.toISOString()}>{formatDateTime(date, t.locale, t.dateTimeFormat)}</time>
      <span className={unstyled ? undefined : 'csk:text-muted-foreground'}> · {formatRelative(date, now, t.locale)}</span>
    </>
  );
  const errorText =
    api.error &&
    (api.error.action === 'sign-out' ? t.signOutFailed : t.signOutEverywhereFailed)({ message: errorMessage(api.error.error, t.errorUnknown) });

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(session.id);
      setAnnouncement(t.copiedSessionId);
    } catch {
      setAnnouncement(t.copyFailed);
    }
  };

  const detail = slot('detail', 'csk:flex csk:flex-col csk:gap-0.5 csk:sm:flex-row csk:sm:gap-3');
  const dt = unstyled ? undefined : 'csk:w-28 csk:shrink-0 csk:text-muted-foreground';
  const dd = unstyled ? undefined : 'csk:m-0 csk:min-w-0';
  return (
    <section {...root} data-csk-root="" data-state={api.pending ? 'pending' : 'ready'} aria-label={t.sessionManagerTitle}>
      <div {...slot('header', 'csk:flex csk:items-center csk:gap-3')}>
        <Avatar src={user.hasImage ? user.imageUrl : null} name={name} {...slot('avatar', 'csk:flex csk:size-10 csk:shrink-0 csk:items-center csk:justify-center csk:rounded-full csk:bg-muted csk:text-sm csk:font-semibold csk:object-cover')} />
        <div className={unstyled ? undefined : 'csk:min-w-0 csk:flex-1'}>
          <p {...slot('name', 'csk:m-0 csk:font-semibold csk:truncate')}>{name}</p>
          {email && email !== name ? <p {...slot('email', 'csk:m-0 csk:text-sm csk:text-muted-foreground csk:truncate')}>{email}</p> : null}
          {api.actor ? (
            <span {...slot('badge', badgeClass('warning'), 'csk:mt-1')} data-state="impersonated">
              {t.impersonatedBy({ actor: api.actor })}
            </span>
          ) : null}
        </div>
      </div>

      <dl {...slot('details', 'csk:m-0 csk:flex csk:flex-col csk:gap-2 csk:text-sm')}>
        <div {...detail}>
          <dt className={dt}>{t.sessionId}</dt>
          <dd className={unstyled ? undefined : 'csk:m-0 csk:flex csk:min-w-0 csk:items-center csk:gap-2'}>
            <code className={unstyled ? undefined : 'csk:truncate csk:font-mono csk:text-xs'}>{session.id}</code>
            <button type="button" className={buttonClass('ghost', unstyled)} onClick={() => void copy()} aria-label={t.copySessionId}>
              <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.75" aria-hidden="true">
                <rect x="9" y="9" width="12" height="12" rx="2" />
                <path d="M5 15V5a2 2 0 0 1 2-2h10" />
              </svg>
            </button>
          </dd>
        </div>
        <div {...detail}>
          <dt className={dt}>{t.createdAt}</dt>
          <dd className={dd}>{when(session.createdAt)}</dd>
        </div>
        <div {...detail}>
          <dt className={dt}>{t.lastActiveAt}</dt>
          <dd className={dd}>{when(session.lastActiveAt)}</dd>
        </div>
        <div {...detail}>
          <dt className={dt}>{t.expireAt}</dt>
          <dd className={dd}>{when(session.expireAt)}</dd>
        </div>
      </dl>

      {errorText && !api.confirming ? (
        <div {...slot('error', 'csk:flex csk:items-center csk:justify-between csk:gap-3 csk:rounded-md csk:border csk:border-destructive csk:p-3 csk:text-sm csk:text-destructive')} role="alert">
          <span>{errorText}</span>
          <button type="button" className={buttonClass('outline', unstyled)} onClick={() => void (api.error?.action === 'sign-out' ? api.signOut() : api.signOutEverywhere())}>
            {t.retry}
          </button>
        </div>
      ) : null}

      <div {...slot('actions', 'csk:flex csk:flex-wrap csk:gap-2')}>
        <button type="button" className={buttonClass('primary', unstyled)} onClick={() => void api.signOut()} disabled={api.pending !== null} aria-busy={api.pending === 'sign-out' || undefined}>
          {api.pending === 'sign-out' ? t.signingOut : t.signOut}
        </button>
        <button
          type="button"
          className={buttonClass('outline', unstyled)}
          onClick={() => {
            api.clearError();
            api.setConfirming(true);
          }}
          disabled={api.pending !== null}
          aria-haspopup="dialog"
        >
          {t.signOutEverywhere}
        </button>
      </div>

      <ConfirmDialog
        open={api.confirming}
        title={t.signOutEverywhereTitle}
        description={t.signOutEverywhereDescription}
        confirmLabel={t.signOutEverywhereConfirm}
        cancelLabel={t.cancel}
        pendingLabel={t.signingOut}
        pending={api.pending === 'sign-out-everywhere'}
        error={api.confirming ? errorText : null}
        onConfirm={() => void api.signOutEverywhere()}
        onCancel={() => {
          api.clearError();
          api.setConfirming(false);
        }}
        unstyled={unstyled}
        className={classNames?.dialog}
      />
      <LiveRegion message={api.pending ? t.signingOut : announcement} />
    </section>
  );
}
