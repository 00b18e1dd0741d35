'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import type { SessionWithActivitiesResource } from '../../clerk';
import { browserLabel, formatRelative, placeLabel } from '../../core/format';
import { describeError, type SessionStrings } from '../../i18n';
import { Heading } from '../shared/frame';
import { memoSlot, partProps } from '../shared/getters';
import { badgeClass, Button, deviceKind, InlineError, SkeletonRows } from '../shared/ui';
import {
  headingClass,
  listClass,
  nameClass,
  narrowHidden,
  pendingBadge,
  rowClass,
  rowError,
  rowMenu,
  truncated,
  usePart,
} from './session-list-parts';

/** The string that names each kind of device. */
const kindLabel = { desktop: 'desktop', phone: 'mobile', tablet: 'tablet', unknown: 'unknownDevice' } as const;
const places: Record<string, string | undefined> = {};
/** "Berlin, Germany", kept per place and locale: naming a country through Intl is the slow part of a row. */
const placeOf = (a: SessionWithActivitiesResource['latestActivity'], locale: string) => {
  const key = `${locale}|${a.city}|${a.country}`;
  return key in places ? places[key] : (places[key] = placeLabel(a, locale));
};
/**
 * An IPv6 address breaks only after a colon (text and `<wbr>` side by side: no fragment per part).
 * An IPv4 address (15 characters at most) fits any row on one line: no `<wbr>`, no extra nodes.
 */
const breakable = (ip: string) => (ip.includes(':') ? ip.split(/(?<=:)/).flatMap((part, i) => (i ? [<wbr key={i} />, part] : part)) : ip);

/** "Could not load your devices." with the reason, and Clerk's own words for "Details". */
const failed = (t: SessionStrings, error: unknown) => {
  const { text, detail } = describeError(t, error);
  return { text: `${t.devicesFailed} ${text}`, detail };
};

/** The user's sessions on every device (a `<section>`): this one first, revoke one or all others. */
export const Devices = forwardRef<HTMLElement, ComponentPropsWithoutRef<'section'>>(function Devices(props, ref) {
  const { api, slot, level } = usePart('Devices');
  const { t, devicesState: state } = api;
  if (!state) return null;
  const count = api.others.length;
  return (
    <section {...partProps(api.getSectionProps('devices'), slot('section', ''), props, ref)}>
      <div {...slot('sectionHead', 'csk-sl-section-head')}>
        <Heading level={level + 1} {...api.getHeadingProps('devices')} {...slot('heading', headingClass)}>
          {t.devicesTitle}
        </Heading>
        {state.status === 'ready' && count > 1 ? (
          <Button styles={slot} variant="danger" {...api.getRevokeAllProps()}>
            {t.revokeAllOthers({ count })}
          </Button>
        ) : null}
      </div>
      {state.status === 'loading' ? (
        <div aria-busy="true">
          <SkeletonRows rows={3} slot={slot} label={t.devicesLoading} />
        </div>
      ) : state.status === 'error' ? (
        <InlineError slot={slot} t={t} failure={failed(t, state.error)} retry={api.getRetryProps('devices')} />
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
});

export interface DeviceProps extends ComponentPropsWithoutRef<'li'> {
  device: SessionWithActivitiesResource;
}

/** One device row (`<li>`): browser and OS, place and IP, last activity, and Revoke (not for this device). */
export const Device = forwardRef<HTMLLIElement, DeviceProps>(function Device({ device, ...props }, ref) {
  const { api, slot: slots, now } = usePart('Device');
  const slot = memoSlot(slots);
  const { t } = api;
  const a = device.latestActivity;
  const current = device.id === api.currentSessionId;
  const kind = deviceKind(a);
  const place = placeOf(a, t.locale);
  return (
    <li {...partProps(api.getRowProps(device), slot('device', rowClass), props, ref)}>
      {/* The icon is the stylesheet's, by data-kind: no SVG elements per row. */}
      <span {...slot('icon', `${narrowHidden} csk-sl-icon`)} data-kind={kind} />
      <div {...slot('text', 'csk-sl-text')}>
        <p {...slot('name', nameClass)}>
          <span className="csk:sr-only">{`${t[kindLabel[kind]]}: `}</span>
          {truncated(`${browserLabel(a) ?? t.unknownBrowser}\u00a0·\u00a0${a.deviceType || t.unknownDevice}`, slot)}
          {current ? <span {...slot('badge', badgeClass())}>{t.thisDevice}</span> : null}
          {pendingBadge(api, slot, device)}
        </p>
        <p {...slot('meta', 'csk-sl-device-meta')}>
          {place ? <span {...slot('metaItem', 'csk-k-wrap')}>{place}</span> : null}
          {a.ipAddress ? (
            <span {...slot('metaItem', place ? 'csk-k-wrap csk-sl-dot' : 'csk-k-wrap')}>
              {place ? breakable(a.ipAddress) : a.ipAddress}
            </span>
          ) : null}
        </p>
        <p {...slot('meta', 'csk-sl-meta-line')}>{t.lastActive({ relative: formatRelative(device.lastActiveAt, now, t.locale) })}</p>
      </div>
      {current || api.compact === true ? null : (
        <div {...slot('actions', 'csk-sl-actions')}>
          {/* Called, not rendered: one component fewer per row of a long list. */}
          {Button({ styles: slot, ...api.getRevokeProps(device), busyLabel: t.revoking, children: t.revoke })}
        </div>
      )}
      {current ? null : rowMenu(api, slot, device, [['revoke', t.revokeConfirm]])}
      {rowError(api, slot, device)}
    </li>
  );
});
