'use client';
import { useEffect, useId, useRef, type KeyboardEvent, type SyntheticEvent } from 'react';
import { buttonProps } from './getters';

/**
 * A confirmation's behaviour as prop getters, for a native `<dialog>`: shown modal while `open`
 * (the browser traps focus and makes the page inert), focus starting on Cancel (the safe choice,
 * marked `data-autofocus`), Escape cancelling from any keyboard source, and focus back on the
 * opener once it closes (an opener removed with its row is the frame's focus keeper's). While
 * `pending`, Cancel and Escape are refused and Confirm shows its action running.
 */
export function useConfirmDialog(open: boolean, pending: boolean, onConfirm: () => void, onCancel: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open === open) return;
    if (open) {
      opener.current = document.activeElement;
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    } else {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
      // After the commit that closed the dialog.
      const target = opener.current;
      queueMicrotask(() => target instanceof HTMLElement && target.isConnected && target.focus());
    }
  }, [open]);
  const cancel = () => {
    if (!pending) onCancel();
  };
  const dismiss = (event: SyntheticEvent) => {
    event.preventDefault();
    cancel();
  };
  return {
    /** The `<dialog>`: its ref, title, `data-state` and the Escape / cancel handling. */
    getConfirmDialogProps: () => ({
      ref,
      'aria-labelledby': id,
      'data-state': open ? 'open' : 'closed',
      onCancel: dismiss,
      onKeyDown: (event: KeyboardEvent) => {
        if (event.key === 'Escape') dismiss(event);
      },
    }),
    /** The dialog's title (its accessible name). */
    getConfirmTitleProps: () => ({ id }),
    getCancelProps: () => ({ ...buttonProps('cancel', cancel, false, pending), 'data-autofocus': '' }),
    getConfirmProps: () => buttonProps('confirm', onConfirm, pending),
  };
}

export type ConfirmDialogGetters = ReturnType<typeof useConfirmDialog>;
