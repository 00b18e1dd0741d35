'use client';
import { useEffect, useId, useRef, type ComponentProps, type ReactNode } from 'react';
import { initials } from '../../core/format';
import { cx } from '../../theme';

/** Kit button looks. Variants keep a visible focus ring and a disabled state. */
export const buttonClass = (variant: 'primary' | 'outline' | 'destructive' | 'ghost' = 'outline', unstyled?: boolean) =>
  unstyled
    ? undefined
    : cx(
        // No preflight: reset what the browser's own button style would add.
        'csk:inline-flex csk:items-center csk:justify-center csk:gap-1.5 csk:rounded-md csk:px-3 csk:h-8 csk:text-sm csk:font-medium csk:whitespace-nowrap csk:cursor-pointer csk:[font-family:inherit]',
        'csk:outline-none csk:focus-visible:ring-2 csk:focus-visible:ring-ring csk:focus-visible:ring-offset-1 csk:disabled:opacity-60 csk:disabled:cursor-not-allowed',
        variant === 'primary' && 'csk:border-0 csk:bg-primary csk:text-primary-foreground',
        variant === 'destructive' && 'csk:border-0 csk:bg-destructive csk:text-destructive-foreground',
        variant === 'outline' && 'csk:border csk:border-solid csk:border-border csk:bg-background csk:text-foreground csk:hover:bg-accent',
        variant === 'ghost' && 'csk:border-0 csk:bg-transparent csk:text-foreground csk:hover:bg-accent',
      );

export const badgeClass = (tone: 'neutral' | 'warning' = 'neutral') =>
  cx(
    'csk:inline-flex csk:items-center csk:rounded-full csk:px-2 csk:py-0.5 csk:text-xs csk:font-medium',
    tone === 'neutral' ? 'csk:bg-muted csk:text-foreground' : 'csk:bg-warning csk:text-background',
  );

export function Avatar({ src, name, className }: { src?: string | null; name: string; className?: string }) {
  return src ? (
    <img src={src} alt="" className={className} width={40} height={40} />
  ) : (
    <span aria-hidden="true" className={className}>
      {initials(name)}
    </span>
  );
}

const iconProps = { width: 20, height: 20, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 1.75, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true } as const;
export const DesktopIcon = (props: ComponentProps<'svg'>) => (
  <svg {...iconProps} {...props}>
    <rect x="3" y="4" width="18" height="12" rx="2" />
    <path d="M8 20h8M12 16v4" />
  </svg>
);
export const MobileIcon = (props: ComponentProps<'svg'>) => (
  <svg {...iconProps} {...props}>
    <rect x="7" y="2.5" width="10" height="19" rx="2" />
    <path d="M11 18.5h2" />
  </svg>
);

/** Polite announcements for screen readers; visually hidden. */
export function LiveRegion({ message }: { message: string }) {
  return (
    <p role="status" aria-live="polite" data-slot="live-region" className="csk:sr-only">
      {message}
    </p>
  );
}

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  pendingLabel: string;
  pending: boolean;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
  unstyled?: boolean;
  className?: string;
  /** Where focus goes on close when the opener is gone (say, its row was removed). */
  fallbackFocus?: () => HTMLElement | null | undefined;
}

/**
 * A confirmation as a native modal `<dialog>`: the browser traps focus and makes the page inert;
 * Escape cancels. Focus starts on Cancel (the safe choice) and returns to the opener on close.
 */
export function ConfirmDialog({ open, title, description, confirmLabel, cancelLabel, pendingLabel, pending, error, onConfirm, onCancel, unstyled, className, fallbackFocus }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
      // After the commit that closed the dialog, the opener may have been removed with its row.
      const target = opener.current;
      queueMicrotask(() => (target instanceof HTMLElement && target.isConnected ? target : fallbackFocus?.())?.focus());
    }
  }, [open, fallbackFocus]);
  const titleId = useId();
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      data-slot="dialog"
      data-state={open ? 'open' : 'closed'}
      className={cx(
        !unstyled &&
          'csk:m-auto csk:w-[min(28rem,calc(100vw-2rem))] csk:rounded-md csk:border csk:border-border csk:bg-card csk:p-5 csk:text-card-foreground csk:shadow-lg csk:backdrop:bg-black/40',
        className,
      )}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onCancel();
      }}
      onKeyDown={(event) => {
        // Escape cancels for any keyboard source, not only the browser's own close request.
        if (event.key !== 'Escape') return;
        event.preventDefault();
        if (!pending) onCancel();
      }}
    >
      <h2 id={titleId} className={unstyled ? undefined : 'csk:m-0 csk:text-base csk:font-semibold'}>
        {title}
      </h2>
      <div className={unstyled ? undefined : 'csk:mt-2 csk:text-sm csk:text-muted-foreground'}>{description}</div>
      {error ? (
        <p role="alert" className={unstyled ? undefined : 'csk:mt-3 csk:text-sm csk:text-destructive'}>
          {error}
        </p>
      ) : null}
      <div className={unstyled ? undefined : 'csk:mt-5 csk:flex csk:justify-end csk:gap-2'}>
        <button type="button" data-autofocus className={buttonClass('outline', unstyled)} onClick={onCancel} disabled={pending}>
          {cancelLabel}
        </button>
        <button type="button" className={buttonClass('destructive', unstyled)} onClick={onConfirm} disabled={pending} aria-busy={pending || undefined}>
          {pending ? pendingLabel : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
