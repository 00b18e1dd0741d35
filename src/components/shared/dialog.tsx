'use client';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { SlotFn } from './parts';
import { Button } from './ui';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  pending?: boolean;
  /** Shown inside the dialog, next to the action that failed. */
  error?: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
  slot: SlotFn;
}

/**
 * A confirmation as a native modal `<dialog>`: the browser traps focus and makes the page inert;
 * Escape cancels. Focus starts on Cancel (the safe choice) and returns to the opener on close.
 * Border-box and at most the viewport less 2 rem wide, so it fits a 320 px screen.
 */
export function ConfirmDialog({
  open,
  title,
  description,
  confirmLabel,
  cancelLabel,
  pending = false,
  error,
  onConfirm,
  onCancel,
  slot,
}: ConfirmDialogProps) {
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
      // After the commit that closed the dialog; an opener removed with its row is the focus
      // keeper's (the frame moves focus to the section's heading).
      const target = opener.current;
      queueMicrotask(() => target instanceof HTMLElement && target.isConnected && target.focus());
    }
  }, [open]);
  const titleId = useId();
  const cancel = () => !pending && onCancel();
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      {...slot('dialog', 'csk-k-dialog')}
      data-state={open ? 'open' : 'closed'}
      onCancel={(event) => {
        event.preventDefault();
        cancel();
      }}
      onKeyDown={(event) => {
        // Escape cancels for any keyboard source, not only the browser's own close request.
        if (event.key !== 'Escape') return;
        event.preventDefault();
        cancel();
      }}
    >
      <h2 id={titleId} {...slot('dialogTitle', 'csk-k-dialog-title')}>
        {title}
      </h2>
      <div {...slot('dialogDescription', 'csk-k-dialog-description')}>{description}</div>
      {error ? <div {...slot('dialogError', 'csk:mt-3')}>{error}</div> : null}
      <div {...slot('dialogActions', 'csk-k-dialog-actions')}>
        <Button styles={slot} action="cancel" data-autofocus="" onClick={cancel} blocked={pending}>
          {cancelLabel}
        </Button>
        <Button styles={slot} variant="destructive" action="confirm" onClick={onConfirm} pending={pending}>
          {confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
