'use client';
import { useCallback, useId, useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { supportsPopover, usePressAnywhere } from '../shared/parts';

/** Which way focus enters an opening menu: its first item (click, Enter, ↓) or its last (↑). */
type Entry = 'first' | 'last';

const itemsOf = (menu: HTMLElement | null) => [...(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

/**
 * A row's ⋯ menu, the WAI-ARIA menu button: one open at a time (the row id in `openFor`), shown
 * in the browser's top layer, focus on its first item (its last after ↑); ↑ ↓ Home End move
 * between items, Escape and Tab close it with focus back on its button, and a press or focus
 * outside closes it where focus went. Choosing an item closes it with focus back on the button
 * before the item's action runs, so a confirmation the action opens returns focus there too.
 */
export function useRowMenu() {
  const [openFor, setOpenFor] = useState<{ id: string; entry: Entry } | null>(null);
  const menuId = useId();
  const button = useRef<HTMLElement | null>(null);
  const menu = useRef<HTMLElement | null>(null);
  const close = (refocus: boolean) => {
    setOpenFor(null);
    if (refocus) button.current?.focus();
  };

  useLayoutEffect(() => {
    const el = menu.current;
    if (!openFor || !el) return;
    if (supportsPopover() && !el.matches(':popover-open')) el.showPopover();
    const items = itemsOf(el);
    (openFor.entry === 'last' ? items[items.length - 1] : items[0])?.focus();
  }, [openFor]);

  // A press or focus outside the menu and its button closes it, leaving focus where it went.
  const leave = useCallback((node: EventTarget | null) => {
    if (node instanceof Node && !menu.current?.contains(node) && !button.current?.contains(node)) setOpenFor(null);
  }, []);
  usePressAnywhere(openFor !== null, leave);

  const open = (id: string, entry: Entry, target: EventTarget) => {
    if (target instanceof HTMLElement) button.current = target;
    setOpenFor({ id, entry });
  };
  return {
    /** The row whose menu is open, if any. */
    openFor: openFor?.id ?? null,
    closeMenu: () => close(true),
    /** The ⋯ button's ARIA and keys (merge with its `buttonProps`). */
    triggerProps: (id: string) => {
      const expanded = openFor?.id === id;
      return {
        'aria-haspopup': 'menu' as const,
        'aria-expanded': expanded,
        'aria-controls': expanded ? menuId : undefined,
        onClick: (event: MouseEvent) => (expanded ? close(true) : open(id, 'first', event.currentTarget)),
        onKeyDown: (event: KeyboardEvent) => {
          if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
          event.preventDefault();
          open(id, event.key === 'ArrowUp' ? 'last' : 'first', event.currentTarget);
        },
      };
    },
    /** The menu element (rendered while its row's menu is open). */
    menuProps: () => ({
      id: menuId,
      role: 'menu',
      popover: supportsPopover() ? ('manual' as const) : undefined,
      ref: (el: HTMLElement | null) => void (menu.current = el),
      onKeyDown: (event: KeyboardEvent) => {
        const items = itemsOf(menu.current);
        const at = items.findIndex((item) => item === event.target);
        const to: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 };
        if (event.key in to) items[((to[event.key] ?? 0) + items.length) % items.length]?.focus();
        else if (event.key !== 'Escape' && event.key !== 'Tab') return;
        else close(true);
        event.preventDefault();
      },
      onBlur: (event: FocusEvent) => leave(event.relatedTarget),
    }),
    /** An item: a menuitem out of the tab order; choosing it closes the menu, then runs `run` (a refused item runs nothing). */
    itemProps: (run: (() => void) | undefined) => ({
      role: 'menuitem',
      tabIndex: -1,
      onClick:
        run &&
        (() => {
          close(true);
          run();
        }),
    }),
  };
}
