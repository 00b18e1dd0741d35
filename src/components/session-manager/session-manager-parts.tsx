'use client';
import { forwardRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { browserLabel, formatDateTime, formatRelative, placeLabel } from '../../core/format';
import { ConfirmDialogView } from '../shared/dialog';
import { personLine, titled } from '../shared/frame';
import { partProps } from '../shared/getters';
import { createParts } from '../shared/parts';
import { Avatar, badgeClass, Button, deviceKind, InlineError, type SharedSlot } from '../shared/ui';
import type { SessionManagerApi } from './use-session-manager';

export type SessionManagerSlot =
  | 'root'
  | 'title'
  | 'header'
  | 'avatar'
  | 'text'
  | 'name'
  | 'email'
  | 'badge'
  | 'device'
  | 'icon'
  | 'label'
  | 'body'
  | 'details'
  | 'detail'
  | 'term'
  | 'value'
  | 'relative'
  | 'disclosure'
  | 'summary'
  | 'code'
  | 'actions'
  | SharedSlot;

/** The parts render once the session is ready: they read the ready api, its slots and the clock (and the title's level, unused here). */
export const { PartsProvider, usePart } = createParts<Extract<SessionManagerApi, { status: 'ready' }>, { level: number; now: number }>(
  'SessionManager',
);

type DivProps = ComponentPropsWithoutRef<'div'>;

/** Who is signed in, an impersonation badge (Clerk's actor claim carries only an id: it waits in the details), and this browser's device. */
export const Header = forwardRef<HTMLDivElement, DivProps>(function Header(props, ref) {
  const { api, slot } = usePart('Header');
  const { t, user, device } = api;
  const email = user.primaryEmailAddress?.emailAddress;
  const name = user.fullName || user.username || email || t.unknownUser;
  const a = device?.latestActivity;
  return (
    <div {...partProps({}, slot('header', 'csk-sm-header'), props, ref)}>
      <Avatar src={user.hasImage ? user.imageUrl : null} name={name} {...slot('avatar', 'csk-sm-avatar')} />
      <div {...slot('text', 'csk-k-grow')}>
        {titled(slot('name', 'csk-sm-name'), name)}
        {personLine(email, name, slot('email', 'csk-sm-email'))}
        {api.actor ? <span {...slot('badge', `${badgeClass('warning')} csk:mt-1`)}>{t.impersonated}</span> : null}
        {api.task ? <span {...slot('badge', `${badgeClass('warning')} csk:mt-1`)}>{api.task.label}</span> : null}
        {a ? (
          <p {...slot('device', 'csk-sm-device')}>
            <span {...slot('icon', 'csk-sm-icon')} data-kind={deviceKind(a)} />
            <span {...slot('label', 'csk-k-wrap')}>
              {[t.thisDevice, [browserLabel(a), a.deviceType].filter(Boolean).join(' · '), placeLabel(a, t.locale)]
                .filter(Boolean)
                .join(' — ')}
            </span>
          </p>
        ) : null}
      </div>
    </div>
  );
});

/** When the session began, was last active and expires; the session id behind a details control. */
export const Details = forwardRef<HTMLDivElement, DivProps>(function Details(props, ref) {
  const { api, slot, now } = usePart('Details');
  const { t, session } = api;
  const row = (term: string, value: ReactNode) => (
    <div {...slot('detail', 'csk-sm-detail')}>
      <dt {...slot('term', 'csk-sm-term')}>{term}</dt>
      <dd {...slot('value', 'csk-sm-value')}>{value}</dd>
    </div>
  );
  const when = (date: Date) => (
    <>
      <time dateTime={date.toISOString()}>{formatDateTime(date, t.locale, t.dateTimeFormat)}</time>
      <span {...slot('relative', 'csk:text-muted-foreground')}>{formatRelative(date, now, t.locale)}</span>
    </>
  );
  return (
    <div {...partProps({}, slot('body', 'csk-sm-body'), props, ref)}>
      <dl {...slot('details', 'csk-sm-details')}>
        {row(t.createdAt, when(session.createdAt))}
        {row(t.lastActiveAt, when(session.lastActiveAt))}
        {row(t.expireAt, when(session.expireAt))}
      </dl>
      <details {...slot('disclosure', 'csk:text-sm')}>
        <summary {...slot('summary', 'csk-k-summary csk:text-muted-foreground')}>{t.sessionDetails}</summary>
        <dl {...slot('details', 'csk-sm-raw')}>
          {row(
            t.sessionId,
            <>
              <code {...slot('code', 'csk-sm-code')}>{session.id}</code>
              <Button styles={slot} variant="ghost" {...api.getCopyIdProps()}>
                {api.copied === 'copied' ? t.copied : api.copied === 'failed' ? t.copyFailed : t.copySessionId}
              </Button>
            </>,
          )}
          {api.actor ? row(t.impersonator, <code {...slot('code', 'csk-sm-code-inline')}>{api.actor.sub}</code>) : null}
        </dl>
      </details>
    </div>
  );
});

/** "Sign out" here, "Sign out of all devices" behind a confirmation; a failed sign-out shows here with a retry. */
export const Actions = forwardRef<HTMLDivElement, DivProps>(function Actions(props, ref) {
  const { api, slot } = usePart('Actions');
  const { t, failure } = api;
  return (
    <div {...partProps({}, slot('body', 'csk-sm-stack'), props, ref)}>
      {failure?.action === 'sign-out' ? <InlineError slot={slot} t={t} failure={failure} retry={api.getRetryProps('sign-out')} /> : null}
      <div {...slot('actions', 'csk-sm-actions')}>
        <Button styles={slot} variant="primary" busyLabel={t.signingOut} {...api.getSignOutProps()}>
          {t.signOut}
        </Button>
        <Button styles={slot} variant="outline" {...api.getSignOutEverywhereProps()}>
          {t.signOutEverywhere}
        </Button>
      </div>
    </div>
  );
});

/** The confirmation (`<dialog>`) of "Sign out of all devices", with the count of other devices when known. */
export const ConfirmDialog = forwardRef<HTMLDialogElement, ComponentPropsWithoutRef<'dialog'>>(function ConfirmDialog(props, ref) {
  const { api, slot } = usePart('ConfirmDialog');
  const { t, failure } = api;
  return (
    <ConfirmDialogView
      api={api}
      slot={slot}
      caller={[props, ref]}
      title={t.signOutEverywhereTitle}
      description={t.signOutEverywhereDescription({ count: api.otherDevices })}
      confirmLabel={t.signOutEverywhereConfirm}
      error={failure?.action === 'sign-out-everywhere' ? <InlineError slot={slot} t={t} failure={failure} /> : null}
    />
  );
});
