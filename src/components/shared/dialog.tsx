'use client';
import type { ReactNode, Ref } from 'react';
import { partProps } from './getters';
import type { SlotFn } from './parts';
import { Button } from './ui';
import type { ConfirmDialogGetters } from './use-confirm-dialog';

/**
 * A confirmation as a native modal `<dialog>`, its behaviour from the hook's getters
 * (`useConfirmDialog`). Border-box and at most the viewport less 2 rem wide, so it fits a 320 px
 * screen. The caller's props and ref go on the `<dialog>`.
 */
export function ConfirmDialogView({
  api,
  slot,
  caller,
  title,
  description,
  confirmLabel,
  error,
}: {
  api: ConfirmDialogGetters & { t: { cancel: string } };
  slot: SlotFn;
  caller: [object, Ref<HTMLDialogElement> | undefined];
  title: string;
  description: ReactNode;
  confirmLabel: string;
  /** Shown inside the dialog, next to the action that failed. */
  error?: ReactNode;
}) {
  return (
    <dialog {...partProps(api.getConfirmDialogProps(), slot('dialog', 'csk-k-dialog'), ...caller)}>
      <h2 {...api.getConfirmTitleProps()} {...slot('dialogTitle', 'csk-k-dialog-title')}>
        {title}
      </h2>
      <div {...slot('dialogDescription', 'csk-k-dialog-description')}>{description}</div>
      {error ? <div {...slot('dialogError', 'csk:mt-3')}>{error}</div> : null}
      <div {...slot('dialogActions', 'csk-k-dialog-actions')}>
        <Button styles={slot} {...api.getCancelProps()}>
          {api.t.cancel}
        </Button>
        <Button styles={slot} variant="destructive" {...api.getConfirmProps()}>
          {confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
