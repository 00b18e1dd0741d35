'use client';
import { useCallback, useRef, useState } from 'react';

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
