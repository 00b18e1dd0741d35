'use client';
import { useEffect, useLayoutEffect, type KeyboardEvent, type RefObject } from 'react';

/** Browsers without the popover API (and jsdom) get a fixed-position element instead. */
export const supportsPopover = () => typeof HTMLElement !== 'undefined' && typeof HTMLElement.prototype.showPopover === 'function';

/**
 * The popover's behaviour on its elements: once open, it is in the browser's top layer (no
 * `overflow: hidden` ancestor clips it, it stays above a modal `<dialog>`) with focus on the search
 * box (on the popover itself without one); a pointer press outside it and the trigger closes it,
 * leaving focus where it went.
 */
export function usePopover(
  open: boolean,
  close: (returnFocus?: boolean) => void,
  trigger: RefObject<HTMLElement | null>,
  content: RefObject<HTMLElement | null>,
  search: RefObject<HTMLElement | null>,
) {
  useLayoutEffect(() => {
    const el = content.current;
    if (!open || !el) return;
    if (supportsPopover() && !el.matches(':popover-open')) el.showPopover();
    (search.current ?? el).focus();
  }, [open, content, search]);

  useEffect(() => {
    if (!open) return;
    const onDown = ({ target }: PointerEvent) => {
      if (!(target instanceof Node) || content.current?.contains(target) || trigger.current?.contains(target)) return;
      close(false);
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, [open, close, trigger, content]);
}

/**
 * Tab past the popover's last control (Shift+Tab before its first) closes it with focus back on
 * the trigger, so focus never falls to <body> behind an open popover.
 */
export function tabOut(event: KeyboardEvent<HTMLElement>, close: () => void) {
  const stops = event.currentTarget.querySelectorAll('input,a[href],button');
  if (event.target !== stops[event.shiftKey ? 0 : stops.length - 1]) return;
  event.preventDefault();
  close();
}
