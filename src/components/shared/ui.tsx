'use client';
import type { ComponentProps } from 'react';
import { initials } from '../../core/format';
import type { Activity } from '../../core/format';
import { cx } from '../../theme';
import type { ButtonGetterProps } from './getters';
import { Spinner, type SlotFn } from './parts';

/** Parts the shared pieces render: buttons, inline errors, skeletons, the confirmation dialog. */
export type SharedSlot =
  | 'button'
  | 'spinner'
  | 'error'
  | 'errorText'
  | 'details'
  | 'summary'
  | 'detailText'
  | 'skeleton'
  | 'skeletonRow'
  | 'skeletonText'
  | 'skeletonBar'
  | 'skeletonSlow'
  | 'dialog'
  | 'dialogTitle'
  | 'dialogDescription'
  | 'dialogError'
  | 'dialogActions';

export type ButtonVariant = 'primary' | 'outline' | 'destructive' | 'danger' | 'ghost';
/** Kit button looks. Variants keep a visible focus ring, a disabled state, and a 44 px target under a coarse pointer. */
export const buttonClass = (variant: ButtonVariant = 'outline') => `csk-k-button csk-k-focus csk-k-${variant}`;

/**
 * A kit button: its getter's props (`data-action`, ARIA, the handler; see `buttonProps`),
 * `data-slot="button"` and its look. While its action runs (`aria-busy`) a spinner takes the
 * label's place and the label stays, hidden, so the button keeps its width and the row its
 * height whatever the language; its name is then `busyLabel` ("Revoking…"), or the label.
 */
export function Button({
  styles: slot,
  variant,
  busyLabel,
  className,
  children,
  ...props
}: ComponentProps<'button'> & { styles: SlotFn; variant?: ButtonVariant; busyLabel?: string }) {
  return (
    <button {...props} {...slot('button', className ? `${buttonClass(variant)} ${className}` : buttonClass(variant))}>
      {/* A label alone is set as the button's text (no text node of its own to create and append per row). */}
      {props['aria-busy'] ? (
        <>
          <Spinner slot={slot} />
          <span aria-hidden="true" className="csk-k-busy">
            {children}
          </span>
          <span className="csk:sr-only">{busyLabel ?? children}</span>
        </>
      ) : (
        children
      )}
    </button>
  );
}

export const badgeClass = (tone: 'neutral' | 'warning' = 'neutral') => `csk-k-badge csk-k-badge-${tone}`;

export function Avatar({ src, name, ...rest }: { src?: string | null; name: string; className?: string; 'data-slot': string }) {
  return src ? (
    <img src={src} alt="" width={40} height={40} {...rest} />
  ) : (
    <span aria-hidden="true" {...rest}>
      {initials(name)}
    </span>
  );
}

export type DeviceKind = 'desktop' | 'phone' | 'tablet' | 'unknown';
/** Tablets first (Clerk marks an iPad `isMobile`), then phones, then anything with a known browser or OS. */
export const deviceKind = (a: Activity): DeviceKind =>
  /ipad|tablet|tab\b/i.test(a.deviceType ?? '') ? 'tablet' : a.isMobile ? 'phone' : a.deviceType || a.browserName ? 'desktop' : 'unknown';

/** Skeleton rows shaped like the loaded rows (icon, two lines, a button), pulsing unless reduced motion is asked for. */
export function SkeletonRows({ rows, slot, label, person }: { rows: number; slot: SlotFn; label: string; person?: boolean }) {
  const bar = 'csk-k-bar';
  return (
    <div {...slot('skeleton', 'csk-k-skeleton')}>
      <span className="csk:sr-only">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <span key={i} aria-hidden="true" {...slot('skeletonRow', 'csk-k-skeleton-row')}>
          <span {...slot('skeletonBar', cx(bar, 'csk-k-skeleton-lead', person ? 'csk:rounded-full' : 'csk:rounded-md'))} />
          <span {...slot('skeletonText', 'csk-k-skeleton-text')}>
            <span {...slot('skeletonBar', cx(bar, 'csk-k-skeleton-line'))} />
            <span {...slot('skeletonBar', cx(bar, 'csk-k-skeleton-line-2'))} />
          </span>
          {person ? null : <span {...slot('skeletonBar', cx(bar, 'csk-k-skeleton-bar'))} />}
        </span>
      ))}
    </div>
  );
}

/** A failure where it happened: the sentence for people, a retry, and Clerk's own words behind "Details". */
export function InlineError({
  slot,
  t,
  failure: { text, detail },
  retry,
}: {
  slot: SlotFn;
  t: { retry: string; details: string };
  /** The sentence for people, and Clerk's own words for "Details" (a `Failure`). */
  failure: { text: string; detail?: string };
  /** The retry button's props, from the hook's `getRetryProps()`. */
  retry?: ButtonGetterProps;
}) {
  return (
    <div {...slot('error', 'csk-k-error')} role="alert">
      <span {...slot('errorText', 'csk-k-error-text')}>{text}</span>
      {retry ? (
        <Button styles={slot} {...retry}>
          {t.retry}
        </Button>
      ) : null}
      {detail ? (
        <details {...slot('details', 'csk-k-details')}>
          <summary {...slot('summary', 'csk-k-summary')}>{t.details}</summary>
          <span {...slot('detailText', 'csk:break-all')}>{detail}</span>
        </details>
      ) : null}
    </div>
  );
}
