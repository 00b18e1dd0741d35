'use client';
import { useCallback, useLayoutEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { supportsPopover, usePressAnywhere } from '../shared/parts';

/** The popover's elements (trigger, popover, search box) and the check that focus or a press left them. */
export type PopoverElements = readonly [
  trigger: RefObject<HTMLButtonElement | null>,
  content: RefObject<HTMLDivElement | null>,
  search: RefObject<HTMLInputElement | null>,
  leave: (node: EventTarget | null) => void,
];

/**
 * The popover: `setOpen` and `close` over the (controllable) open state, and its behaviour on its
 * elements (the trigger, the popover, its search box). Opening starts afresh: no query, the list
 * at its top. Once open it is in the browser's top layer (no `overflow: hidden` ancestor clips it,
 * it stays above a modal `<dialog>`) with focus on the search box (on the popover itself without
 * one); focus or a pointer press outside it and the trigger closes it, leaving focus where it went.
 * Returns the api's part, and the three elements' refs with that "outside" check (`leave`).
 */
export function usePopover(
  open: boolean,
  setOpenValue: (next: boolean) => void,
  setQuery: (query: string) => void,
  setScrollTop: (top: number) => void,
) {
  const trigger = useRef<HTMLButtonElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const setOpen = useCallback(
    (next: boolean) => {
      setOpenValue(next);
      if (next) {
        setQuery('');
        setScrollTop(0);
      }
    },
    [setOpenValue, setQuery, setScrollTop],
  );
  const close = useCallback(
    (returnFocus = true) => {
      setOpen(false);
      if (returnFocus) trigger.current?.focus();
    },
    [setOpen],
  );

  useLayoutEffect(() => {
    const el = content.current;
    if (!open || !el) return;
    if (supportsPopover() && !el.matches(':popover-open')) el.showPopover();
    (search.current ?? el).focus();
  }, [open]);

  // The one check for both ways out: a pointer press here, focus moving (the popover's onBlur).
  const leave = useCallback(
    (node: EventTarget | null) => {
      if (node instanceof Node && !content.current?.contains(node) && !trigger.current?.contains(node)) close(false);
    },
    [close],
  );
  usePressAnywhere(open, leave);

  const elements: PopoverElements = [trigger, content, search, leave];
  return [{ open, setOpen, close }, elements] as const;
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
