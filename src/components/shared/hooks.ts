'use client';
import { useCallback, useEffect, useRef, useState, type FocusEvent } from 'react';

/** The default of "Try again" when Clerk itself could not load: load the page (and Clerk) again. */
export const reloadPage = () => window.location.reload();

/**
 * A value the caller may control (`value` given, `null` included) or leave to the hook. `set`
 * keeps its identity, updates the hook's own value when uncontrolled, and tells `onChange` either way.
 */
export function useControllable<T>(value: T | undefined, onChange: ((next: T) => void) | undefined, initial: T) {
  const [own, setOwn] = useState(initial);
  const live = useRef({ controlled: value !== undefined, onChange });
  useEffect(() => {
    live.current = { controlled: value !== undefined, onChange };
  });
  const set = useCallback((next: T) => {
    if (!live.current.controlled) setOwn(next);
    live.current.onChange?.(next);
  }, []);
  return [value === undefined ? own : value, set] as const;
}

/**
 * Runs one async action at a time: a second call while one is in flight is ignored (a double
 * click submits once). Exposes which action is pending and the last error; never rejects, so no
 * click handler leaves an unhandled promise behind.
 */
export function useSingleFlight<Name extends string>() {
  const busy = useRef(false);
  const [pending, setPending] = useState<Name | null>(null);
  const [error, setError] = useState<{ action: Name; error: unknown } | null>(null);
  const run = useCallback(async (action: Name, fn: () => Promise<void>): Promise<boolean> => {
    if (busy.current) return false;
    busy.current = true;
    setPending(action);
    setError(null);
    try {
      await fn();
      return true;
    } catch (e) {
      setError({ action, error: e });
      return false;
    } finally {
      busy.current = false;
      setPending(null);
    }
  }, []);
  return { pending, error, run, clearError: useCallback(() => setError(null), []) };
}

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
