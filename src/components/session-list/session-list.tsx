'use client';
import { useId, useRef, useState, type ReactNode } from 'react';
import type { SessionResource, SessionWithActivitiesResource } from '../../clerk';
import { errorMessage } from '../../core/errors';
import { browserLabel, formatRelative, placeLabel } from '../../core/format';
import { useLocalization, useNow, type Localization } from '../../i18n';
import { slots, type StylingProps } from '../../theme';
import { Avatar, badgeClass, buttonClass, ConfirmDialog, DesktopIcon, LiveRegion, MobileIcon } from '../shared/ui';
import { useSessionList, type SessionListEvent, type UseSessionListOptions } from './use-session-list';

export type SessionListSlot =
  | 'root'
  | 'section'
  | 'heading'
  | 'list'
  | 'account'
  | 'device'
  | 'avatar'
  | 'icon'
  | 'title'
  | 'meta'
  | 'badge'
  | 'actions'
  | 'empty'
  | 'error'
  | 'skeleton'
  | 'dialog';

export interface SessionListProps extends UseSessionListOptions, StylingProps<SessionListSlot> {
  /** Rendered under the accounts, e.g. a link to your sign-in page to add an account. */
  addAccount?: ReactNode;
  /** Override any string or the locale (`localization={de}` for German). */
  localization?: Partial<Localization>;
}

const accountName = (s: SessionResource) =>
  s.user?.fullName || s.user?.username || s.user?.primaryEmailAddress?.emailAddress || s.publicUserData?.identifier || s.id;

/** "Chrome 142, Macintosh, Berlin": what a person recognises a device by. */
export const deviceName = (d: SessionWithActivitiesResource, t: Localization) =>
  [browserLabel(d.latestActivity) ?? t.unknownBrowser, d.latestActivity.deviceType || t.unknownDevice, d.latestActivity.city].filter(Boolean).join(', ');

/**
 * Accounts signed in on this browser (switch, sign out) and this user's sessions on every device
 * (revoke one, revoke all others), in one list with two sections.
 */
export function SessionList({ addAccount, onEvent, localization, className, classNames, unstyled }: SessionListProps) {
  const t = useLocalization(localization);
  const now = useNow();
  const slot = slots<SessionListSlot>({ classNames, unstyled });
  const [announcement, setAnnouncement] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<SessionWithActivitiesResource | 'all' | null>(null);
  const devicesHeading = useRef<HTMLHeadingElement>(null);
  const id = useId();

  const onListEvent = (event: SessionListEvent) => {
      onEvent?.(event);
      const message = (e: unknown) => errorMessage(e, t.errorUnknown);
      switch (event.type) {
        case 'switched':
          return setAnnouncement(t.switchedAccount({ name: accountName(event.session) }));
        case 'signed-out':
          return setAnnouncement(t.signedOutAccount({ name: accountName(event.session) }));
        case 'switch-failed':
          return setFailure(t.switchFailed({ name: accountName(event.session), message: message(event.error) }));
        case 'sign-out-failed':
          return setFailure(t.signOutFailed({ message: message(event.error) }));
        case 'revoked':
          return setAnnouncement(event.devices.length === 1 ? t.revoked({ device: deviceName(event.devices[0]!, t) }) : t.revokedAll({ count: event.devices.length }));
        case 'revoke-failed':
          return setFailure(t.revokeFailed({ device: event.devices.map((d) => deviceName(d, t)).join('; '), message: message(event.error) }));
      }
  };
  const api = useSessionList({ onEvent: onListEvent });

  const root = slot('root', 'csk:flex csk:flex-col csk:gap-6 csk:rounded-md csk:border csk:border-border csk:bg-card csk:p-5 csk:text-card-foreground csk:font-sans csk:max-w-2xl', className);
  if (api.status !== 'ready') {
    return (
      <section {...root} data-csk-root="" data-state={api.status} aria-label={t.sessionListTitle} aria-busy={api.status === 'loading' || undefined}>
        {api.status === 'loading' ? <Skeleton rows={3} slot={slot} /> : <p className={unstyled ? undefined : 'csk:m-0 csk:text-sm csk:text-muted-foreground'}>{t.signedOutMessage}</p>}
        <LiveRegion message={api.status === 'loading' ? t.loading : ''} />
      </section>
    );
  }

  // Rows wrap on narrow screens: the actions drop below the text instead of squeezing it.
  const row = 'csk:flex csk:flex-wrap csk:items-center csk:gap-x-3 csk:gap-y-2 csk:py-3 csk:first:pt-0 csk:last:pb-0';
  const lead = unstyled ? undefined : 'csk:flex csk:min-w-0 csk:flex-[1_1_13rem] csk:items-center csk:gap-3';
  const text = unstyled ? undefined : 'csk:min-w-0 csk:flex-1';
  const heading = 'csk:m-0 csk:mb-3 csk:text-sm csk:font-semibold csk:text-muted-foreground csk:outline-none';
  const list = 'csk:m-0 csk:p-0 csk:list-none csk:divide-y csk:divide-border';
  const title = 'csk:m-0 csk:text-sm csk:font-medium csk:break-words';
  const meta = 'csk:m-0 csk:text-xs csk:text-muted-foreground csk:break-words';
  const actions = 'csk:ml-auto csk:flex csk:shrink-0 csk:flex-wrap csk:justify-end csk:gap-2';
  const confirming = confirm === 'all' ? null : confirm;

  return (
    <section {...root} data-csk-root="" data-state="ready" aria-label={t.sessionListTitle}>
      {failure ? (
        <div {...slot('error', 'csk:flex csk:items-start csk:justify-between csk:gap-3 csk:rounded-md csk:border csk:border-destructive csk:p-3 csk:text-sm csk:text-destructive')} role="alert">
          <span>{failure}</span>
          <button type="button" className={buttonClass('ghost', unstyled)} onClick={() => setFailure(null)}>
            {t.close}
          </button>
        </div>
      ) : null}

      <section {...slot('section', '')} aria-labelledby={`${id}-accounts`} data-state="accounts">
        <h3 {...slot('heading', heading)} id={`${id}-accounts`}>
          {t.accountsTitle}
        </h3>
        <ul {...slot('list', list)}>
          {api.accounts.map((s) => {
            const name = accountName(s);
            const isCurrent = s.id === api.currentSessionId;
            const email = s.user?.primaryEmailAddress?.emailAddress;
            return (
              <li key={s.id} {...slot('account', row)} data-state={isCurrent ? 'current' : api.busyAccount === s.id ? 'pending' : 'idle'}>
                <div className={lead}>
                <Avatar src={s.user?.hasImage ? s.user.imageUrl : null} name={name} {...slot('avatar', 'csk:flex csk:size-9 csk:shrink-0 csk:items-center csk:justify-center csk:rounded-full csk:bg-muted csk:text-xs csk:font-semibold')} />
                <div className={text}>
                  <p {...slot('title', title)}>
                    {name}{' '}
                    {isCurrent ? <span {...slot('badge', badgeClass())}>{t.current}</span> : null}
                  </p>
                  {email && email !== name ? <p {...slot('meta', meta)}>{email}</p> : null}
                </div>
                </div>
                <div {...slot('actions', actions)}>
                  {isCurrent ? null : (
                    <button type="button" className={buttonClass('outline', unstyled)} aria-label={t.switchAccountLabel({ name })} disabled={api.busyAccount !== null} onClick={() => void api.switchAccount(s)}>
                      {t.switchAccount}
                    </button>
                  )}
                  <button type="button" className={buttonClass('ghost', unstyled)} aria-label={t.signOutAccountLabel({ name })} disabled={api.busyAccount !== null} onClick={() => void api.signOutAccount(s)}>
                    {t.signOut}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
        {addAccount ? <div className={unstyled ? undefined : 'csk:mt-3'}>{addAccount}</div> : null}
      </section>

      <section {...slot('section', '')} aria-labelledby={`${id}-devices`} aria-busy={api.devicesStatus === 'loading' || undefined} data-state="devices">
        <div className={unstyled ? undefined : 'csk:mb-3 csk:flex csk:flex-wrap csk:items-center csk:justify-between csk:gap-3'}>
          <h3 {...slot('heading', heading)} id={`${id}-devices`} ref={devicesHeading} tabIndex={-1} style={unstyled ? undefined : { marginBottom: 0 }}>
            {t.devicesTitle}
          </h3>
          {api.otherDevices.length > 1 ? (
            <button type="button" className={buttonClass('outline', unstyled)} aria-haspopup="dialog" onClick={() => setConfirm('all')}>
              {t.revokeAllOthers}
            </button>
          ) : null}
        </div>

        {api.devicesStatus === 'loading' ? (
          <>
            <Skeleton rows={3} slot={slot} />
            <span className="csk:sr-only">{t.devicesLoading}</span>
          </>
        ) : api.devicesStatus === 'error' ? (
          <div {...slot('error', 'csk:flex csk:items-center csk:justify-between csk:gap-3 csk:rounded-md csk:border csk:border-destructive csk:p-3 csk:text-sm csk:text-destructive')} role="alert">
            <span>
              {t.devicesFailed} {errorMessage(api.devicesError, '')}
            </span>
            <button type="button" className={buttonClass('outline', unstyled)} onClick={api.reloadDevices}>
              {t.retry}
            </button>
          </div>
        ) : (
          <>
            <ul {...slot('list', list)}>
              {api.devices.map((d) => {
                const isCurrent = d.id === api.currentSessionId;
                const a = d.latestActivity;
                const Icon = a.isMobile ? MobileIcon : DesktopIcon;
                const name = deviceName(d, t);
                return (
                  <li key={d.id} {...slot('device', row)} data-state={isCurrent ? 'current' : 'idle'}>
                    <div className={lead}>
                    <span {...slot('icon', 'csk:flex csk:size-9 csk:shrink-0 csk:items-center csk:justify-center csk:rounded-md csk:bg-muted')} title={a.isMobile ? t.mobile : t.desktop}>
                      <Icon />
                    </span>
                    <div className={text}>
                      <p {...slot('title', title)}>
                        {[browserLabel(a) ?? t.unknownBrowser, a.deviceType || t.unknownDevice].join(' · ')}{' '}
                        {isCurrent ? <span {...slot('badge', badgeClass())}>{t.thisDevice}</span> : null}
                      </p>
                      <p {...slot('meta', meta)}>{[placeLabel(a, t.locale), a.ipAddress].filter(Boolean).join(' · ')}</p>
                      <p {...slot('meta', meta)}>{t.lastActive({ relative: formatRelative(d.lastActiveAt, now, t.locale) })}</p>
                    </div>
                    </div>
                    <div {...slot('actions', actions)}>
                      {isCurrent ? null : (
                        <button type="button" className={buttonClass('outline', unstyled)} aria-label={t.revokeLabel({ device: name })} aria-haspopup="dialog" onClick={() => setConfirm(d)}>
                          {t.revoke}
                        </button>
                      )}
                    </div>
                  </li>
                );
              })}
            </ul>
            {api.otherDevices.length === 0 ? <p {...slot('empty', 'csk:m-0 csk:mt-3 csk:text-sm csk:text-muted-foreground')}>{t.noOtherDevices}</p> : null}
          </>
        )}
      </section>

      <ConfirmDialog
        open={confirm !== null}
        title={confirm === 'all' ? t.revokeAllTitle : t.revokeTitle}
        description={confirm === 'all' ? t.revokeAllDescription({ count: api.otherDevices.length }) : confirming ? t.revokeDescription({ device: deviceName(confirming, t) }) : ''}
        confirmLabel={confirm === 'all' ? t.revokeAllConfirm : t.revokeConfirm}
        cancelLabel={t.cancel}
        pendingLabel={t.revoking}
        pending={false}
        onConfirm={() => {
          setFailure(null);
          setAnnouncement(t.revoking);
          setConfirm(null);
          void (confirm === 'all' ? api.revokeAllOthers() : confirming && api.revoke(confirming));
        }}
        onCancel={() => setConfirm(null)}
        fallbackFocus={() => devicesHeading.current}
        unstyled={unstyled}
        className={classNames?.dialog}
      />
      <LiveRegion message={announcement} />
    </section>
  );
}

function Skeleton({ rows, slot }: { rows: number; slot: ReturnType<typeof slots<SessionListSlot>> }) {
  return (
    <ul {...slot('skeleton', 'csk:m-0 csk:flex csk:list-none csk:flex-col csk:gap-3 csk:p-0')} aria-hidden="true">
      {Array.from({ length: rows }, (_, i) => (
        <li key={i} className="csk:flex csk:items-center csk:gap-3">
          <span className="csk:size-9 csk:rounded-md csk:bg-muted" />
          <span className="csk:flex csk:flex-1 csk:flex-col csk:gap-1.5">
            <span className="csk:h-3 csk:w-1/3 csk:rounded csk:bg-muted" />
            <span className="csk:h-3 csk:w-1/2 csk:rounded csk:bg-muted" />
          </span>
        </li>
      ))}
    </ul>
  );
}
