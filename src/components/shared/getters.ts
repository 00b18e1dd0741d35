'use client';
import type { Ref } from 'react';
import { mergeProps, type SlotFn } from './parts';

/**
 * A kit button's props, as every getter gives them: `type`, its `data-action`, and while its
 * action runs `data-state="pending"` and `aria-busy`. A pending or blocked button refuses clicks
 * with `aria-disabled` and no handler, not `disabled`: a button that has focus keeps it (a
 * disabled one drops it to `<body>`).
 */
export function buttonProps(action: string, onClick: () => void, pending?: boolean, blocked?: boolean) {
  const refuse = pending || blocked;
  return {
    type: 'button' as const,
    'data-action': action,
    'data-state': pending ? 'pending' : undefined,
    'aria-busy': pending || undefined,
    'aria-disabled': refuse || undefined,
    onClick: refuse ? undefined : onClick,
  };
}

export type ButtonGetterProps = ReturnType<typeof buttonProps>;

/**
 * A hook's api before it is ready: one member per status (not one member whose status is a
 * union), so a chain of checks (`loading`, `error`, `signed-out`) narrows to the ready api.
 */
export type NotReady<Api, S extends string> = S extends unknown ? Api & { status: S } : never;

/**
 * A part's element props: the hook's getter props and the part's slot (`data-slot` and classes),
 * with the caller's props and ref on top through `mergeProps` (the caller's handler runs first
 * and may `preventDefault()` the kit's; classes join; refs compose).
 */
export function partProps<Kit extends object, Caller extends object, T>(
  kit: Kit,
  slot: { 'data-slot': string; className: string | undefined },
  caller: Caller,
  ref: Ref<T> | undefined,
) {
  // A list renders its rows by the hundred, nearly always without props or a ref of the caller's: nothing to merge then.
  if (!ref && Object.keys(caller).length === 0) return { ...kit, ...slot };
  return mergeProps({ ...kit, ...slot }, ref ? { ...caller, ref } : caller);
}

const memos = new WeakMap<SlotFn, (name: string, kit: string | undefined) => ReturnType<SlotFn>>();
/**
 * `slot` (without extra classes) with its answers kept: a part's `data-slot` and classes built
 * once per slot function (a parts provider makes one per render) instead of once per row of a
 * long list. The answers are shared objects: spread them, never change them.
 */
export function memoSlot(slot: SlotFn) {
  let memo = memos.get(slot);
  if (!memo) {
    const answers: Record<string, ReturnType<SlotFn>> = {};
    memos.set(slot, (memo = (name, kit) => (answers[name + kit] ??= slot(name, kit))));
  }
  return memo;
}
