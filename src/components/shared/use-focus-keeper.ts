'use client';
import { useEffect, useRef, type FocusEvent } from 'react';

/**
 * Focus is never dropped to `<body>`: when the focused control inside `root` leaves the DOM
 * (its row was removed, its account became current, its button turned into a label), focus
 * moves to the heading of the section it lived in (or the root's first heading). Checked after
 * every commit of the component; focus the user moved elsewhere on purpose is left alone.
 */
export function useFocusKeeper() {
  const root = useRef<HTMLElement>(null);
  const last = useRef<{ el: Element; fallback: HTMLElement | null } | null>(null);
  useEffect(() => {
    const was = last.current;
    if (!was || was.el.isConnected) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    last.current = null;
    (was.fallback?.isConnected ? was.fallback : root.current?.querySelector<HTMLElement>('[data-focus-fallback]'))?.focus();
  });
  const onFocus = (event: FocusEvent) => {
    const section = event.target.closest('section');
    last.current = { el: event.target, fallback: section?.querySelector<HTMLElement>('[data-focus-fallback]') ?? null };
  };
  return { ref: root, onFocus };
}
