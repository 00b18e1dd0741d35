'use client';
import { createContext, useContext, type ReactNode } from 'react';
import { browserLabel, formatDateTime, formatRelative, placeLabel } from '../../core/format';
import { useNow } from '../../i18n';
import { slots, type StylingProps } from '../../theme';
import { ConfirmDialog as Dialog } from '../shared/dialog';
import { Frame } from '../shared/frame';
import { Avatar, badgeClass, Button, DeviceIcon, deviceKind, InlineError, type SharedSlot } from '../shared/ui';
import type { SlotFn } from '../shared/parts';
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

type Ready = Extract<SessionManagerApi, { status: 'ready' }>;
const Context = createContext<{ api: Ready; slot: SlotFn; now: number } | null>(null);
const useParts = (part: string) => {
  const value = useContext(Context);
  if (!value)
    throw new Error(`SessionManager.${part} must be rendered inside <SessionManager.Root value={api}> once the session is ready.`);
  return value;
};

export interface SessionManagerRootProps extends StylingProps<SessionManagerSlot> {
  /** The API from `useSessionManager()`: you own the hook, the parts render it. */
  value: SessionManagerApi;
  /** Level of the visible title (default 2). */
  headingLevel?: number;
  /** Rendered once the session is ready. Default: header, details, actions, dialog. */
  children?: ReactNode;
}

/** The frame: title, loading / failed / signed-out states, the one live region, focus that is never dropped. */
export function Root({ value: api, headingLevel = 2, className, classNames, unstyled, children }: SessionManagerRootProps) {
  const slot = slots<string>({ classNames, unstyled });
  const now = useNow();
  return (
    <Frame
      slot={slot}
      className={className}
      status={api.status}
      state={api.status === 'ready' && api.pending ? 'pending' : undefined}
      title={api.t.sessionManagerTitle}
      level={headingLevel}
      t={api.t}
      announcement={api.announcement}
      retryLoad={api.retryLoad}
    >
      {() =>
        api.status === 'ready' && (
          <Context.Provider value={{ api, slot, now }}>
            {children ?? (
              <>
                <Header />
                <Details />
                <Actions />
                <ConfirmDialog />
              </>
            )}
          </Context.Provider>
        )
      }
    </Frame>
  );
}

/** Who is signed in, an impersonation badge (Clerk's actor claim carries only an id: it waits in the details), and this browser's device. */
export function Header() {
  const { api, slot } = useParts('Header');
  const { t, user, device } = api;
  const email = user.primaryEmailAddress?.emailAddress;
  const name = user.fullName || user.username || email || t.unknownUser;
  const a = device?.latestActivity;
  return (
    <div {...slot('header', 'csk-sm-header')}>
      <Avatar src={user.hasImage ? user.imageUrl : null} name={name} {...slot('avatar', 'csk-sm-avatar')} />
      <div {...slot('text', 'csk-k-grow')}>
        <p {...slot('name', 'csk-sm-name')} title={name}>
          {name}
        </p>
        {email && email !== name ? (
          <p {...slot('email', 'csk-sm-email')} title={email}>
            {email}
          </p>
        ) : null}
        {api.actor ? <span {...slot('badge', `${badgeClass('warning')} csk:mt-1`)}>{t.impersonated}</span> : null}
        {a ? (
          <p {...slot('device', 'csk-sm-device')}>
            <span {...slot('icon', 'csk-sm-icon')}>
              <DeviceIcon kind={deviceKind(a)} />
            </span>
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
}

/** When the session began, was last active and expires; the session id behind a details control. */
export function Details() {
  const { api, slot, now } = useParts('Details');
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
    <div {...slot('body', 'csk-sm-body')}>
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
              <Button styles={slot} variant="ghost" action="copy" onClick={() => void api.copyId()}>
                {api.copied === 'copied' ? t.copied : api.copied === 'failed' ? t.copyFailed : t.copySessionId}
              </Button>
            </>,
          )}
          {api.actor ? row(t.impersonator, <code {...slot('code', 'csk-sm-code-inline')}>{api.actor.sub}</code>) : null}
        </dl>
      </details>
    </div>
  );
}

/** "Sign out" here, "Sign out of all devices" behind a confirmation; a failed sign-out shows here with a retry. */
export function Actions() {
  const { api, slot } = useParts('Actions');
  const { t, pending, failure } = api;
  return (
    <div {...slot('body', 'csk-sm-stack')}>
      {failure && failure.action === 'sign-out' ? (
        <InlineError
          slot={slot}
          t={t}
          text={t.signOutFailed({ message: failure.text })}
          detail={failure.detail}
          retry={() => void api.signOut()}
        />
      ) : null}
      <div {...slot('actions', 'csk-sm-actions')}>
        <Button
          styles={slot}
          variant="primary"
          action="sign-out"
          onClick={() => void api.signOut()}
          blocked={pending !== null}
          pending={pending === 'sign-out'}
        >
          {pending === 'sign-out' ? t.signingOut : t.signOut}
        </Button>
        <Button
          styles={slot}
          variant="outline"
          action="sign-out-everywhere"
          onClick={() => api.setConfirming(true)}
          blocked={pending !== null}
          aria-haspopup="dialog"
        >
          {t.signOutEverywhere}
        </Button>
      </div>
    </div>
  );
}

/** The confirmation of "Sign out of all devices", with the count of other devices when known. */
export function ConfirmDialog() {
  const { api, slot } = useParts('ConfirmDialog');
  const { t, failure } = api;
  return (
    <Dialog
      open={api.confirming}
      title={t.signOutEverywhereTitle}
      description={t.signOutEverywhereDescription({ count: api.otherDevices })}
      confirmLabel={t.signOutEverywhereConfirm}
      cancelLabel={t.cancel}
      pending={api.pending === 'sign-out-everywhere'}
      error={
        failure && failure.action === 'sign-out-everywhere' ? (
          <InlineError slot={slot} t={t} text={t.signOutEverywhereFailed({ message: failure.text })} detail={failure.detail} />
        ) : null
      }
      onConfirm={() => void api.signOutEverywhere()}
      onCancel={() => api.setConfirming(false)}
      slot={slot}
    />
  );
}
