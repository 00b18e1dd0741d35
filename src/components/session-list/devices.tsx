'use client';
import { Fragment, useId } from 'react';
import type { SessionWithActivitiesResource } from '../../clerk';
import { browserLabel, formatRelative, placeLabel } from '../../core/format';
import { describeError, type SessionStrings } from '../../i18n';
import { ConfirmDialog as Dialog } from '../shared/dialog';
import { badgeClass, Button, DeviceIcon, deviceKind, InlineError, SkeletonRows, type DeviceKind } from '../shared/ui';
import { headingClass, leadClass, narrowHidden, listClass, nameClass, rowClass, rowInnerClass, Truncated } from './accounts';
import { Heading, usePartsContext } from './context';
import { deviceName } from './names';

const kindLabel = (kind: DeviceKind, t: SessionStrings) =>
  ({ desktop: t.desktop, phone: t.mobile, tablet: t.tablet, unknown: t.unknownDevice })[kind];
/** IPv6 and IPv4 addresses break only after a colon or a dot. */
const breakable = (ip: string) =>
  ip.split(/(?<=[:.])/).map((part, i) => (
    <Fragment key={i}>
      {i ? <wbr /> : null}
      {part}
    </Fragment>
  ));

/** The user's sessions on every device: this one first, revoke one or all others. */
export function Devices() {
  const { api, slot, level } = usePartsContext('Devices');
  const { t } = api;
  const id = useId();
  const state = api.status === 'ready' ? api.devicesState : null;
  if (!state) return null;
  const count = api.others.length;
  return (
    <section {...slot('section', '')} aria-labelledby={id} data-section="devices">
      <div {...slot('row', 'csk-sl-section-head')}>
        <Heading level={level + 1} id={id} tabIndex={-1} data-focus-fallback="" {...slot('heading', headingClass)}>
          {t.devicesTitle}
        </Heading>
        {state.status === 'ready' && count > 1 ? (
          <Button
            styles={slot}
            variant="ghost"
            action="revoke-all"
            aria-haspopup="dialog"
            onClick={() => api.openConfirm({ kind: 'all' })}
            blocked={api.others.every((d) => api.pending.has(d.id))}
          >
            {t.revokeAllOthers}
          </Button>
        ) : null}
      </div>
      {state.status === 'loading' ? (
        <div aria-busy="true">
          <SkeletonRows rows={3} slot={slot} label={t.devicesLoading} />
        </div>
      ) : state.status === 'error' ? (
        <InlineError
          slot={slot}
          t={t}
          text={`${t.devicesFailed} ${describeError(t, state.error).text}`}
          detail={describeError(t, state.error).detail}
          retry={api.reloadDevices}
        />
      ) : (
        <>
          <ul {...slot('list', listClass)}>
            {api.devices.map((d) => (
              <Device key={d.id} device={d} />
            ))}
          </ul>
          {count === 0 ? <p {...slot('empty', 'csk-sl-empty')}>{t.noOtherDevices}</p> : null}
        </>
      )}
    </section>
  );
}

/** One device row: browser and OS, place and IP, last activity, and Revoke (not for this device). */
export function Device({ device }: { device: SessionWithActivitiesResource }) {
  const { api, slot, now } = usePartsContext('Device');
  const { t } = api;
  const a = device.latestActivity;
  const isCurrent = device.id === api.currentSessionId;
  const kind = deviceKind(a);
  const pending = api.pending.get(device.id);
  const failure = api.failures.get(device.id);
  const title = [browserLabel(a) ?? t.unknownBrowser, a.deviceType || t.unknownDevice].join(' · ');
  const meta = [placeLabel(a, t.locale), a.ipAddress];
  return (
    <li {...slot('device', rowClass)} data-state={pending ? 'pending' : isCurrent ? 'current' : 'idle'}>
      <div {...slot('row', rowInnerClass)}>
        <div {...slot('lead', leadClass)}>
          <span {...slot('icon', `${narrowHidden} csk-sl-icon`)} data-kind={kind}>
            <DeviceIcon kind={kind} />
          </span>
          <div {...slot('text', 'csk-k-grow')}>
            <p {...slot('name', nameClass)}>
              <span className="csk:sr-only">{kindLabel(kind, t)}: </span>
              <Truncated text={title} slot={slot} />
              {isCurrent ? <span {...slot('badge', badgeClass())}>{t.thisDevice}</span> : null}
            </p>
            <p {...slot('meta', 'csk-sl-device-meta')}>
              {meta.filter(Boolean).map((part, i) => (
                <span key={i} {...slot('metaItem', i ? 'csk-k-wrap csk-sl-dot' : 'csk-k-wrap')}>
                  {i ? breakable(part!) : part}
                </span>
              ))}
            </p>
            <p {...slot('meta', 'csk-sl-meta-line')}>{t.lastActive({ relative: formatRelative(device.lastActiveAt, now, t.locale) })}</p>
          </div>
        </div>
        {isCurrent ? null : (
          <div {...slot('actions', 'csk-sl-actions')}>
            <Button
              styles={slot}
              action="revoke"
              aria-label={pending ? undefined : t.revokeLabel({ device: deviceName(device, t) })}
              aria-haspopup="dialog"
              pending={pending === 'revoke'}
              onClick={() => api.openConfirm({ kind: 'device', id: device.id })}
            >
              {pending ? t.revoking : t.revoke}
            </Button>
          </div>
        )}
      </div>
      {failure ? (
        <div {...slot('rowError', 'csk:mt-2')}>
          <InlineError slot={slot} t={t} text={failure.text} detail={failure.detail} retry={() => void api.revoke(device)} />
        </div>
      ) : null}
    </li>
  );
}

/** The confirmation for revoking one device or all others, naming the device or the count. */
export function ConfirmDialog() {
  const { api, slot } = usePartsContext('ConfirmDialog');
  const { t, confirm, confirmDevice } = api;
  const all = confirm?.kind === 'all';
  const count = api.others.length;
  return (
    <Dialog
      open={confirm !== null}
      title={all ? t.revokeAllTitle({ count }) : t.revokeTitle}
      description={
        all ? t.revokeAllDescription({ count }) : confirmDevice ? t.revokeDescription({ device: deviceName(confirmDevice, t) }) : ''
      }
      confirmLabel={all ? t.revokeAllConfirm({ count }) : t.revokeConfirm}
      cancelLabel={t.cancel}
      onConfirm={api.runConfirmed}
      onCancel={api.closeConfirm}
      slot={slot}
    />
  );
}
