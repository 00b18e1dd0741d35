'use client';
import { createContext, useCallback, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { en, type Localization } from './en';

interface KitContext {
  localization?: Partial<Localization>;
  /** The clock relative times are measured from; the mock Clerk provides its frozen one. */
  now?: () => number;
}

const Context = createContext<KitContext>({});

/**
 * Sets the localization (and, for tests, the clock) for every kit component below.
 * Keys given here override English; a component's own `localization` prop overrides these.
 */
export function KitProvider({ localization, now, children }: KitContext & { children?: ReactNode }) {
  const parent = useContext(Context);
  const value = useMemo(
    () => ({ localization: { ...parent.localization, ...localization }, now: now ?? parent.now }),
    [parent, localization, now],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** English, overridden by the nearest KitProvider, overridden by `override`. */
export function useLocalization(override?: Partial<Localization>): Localization {
  const { localization } = useContext(Context);
  return useMemo(() => ({ ...en, ...localization, ...override }), [localization, override]);
}

const MINUTE = 60_000;
const subscribeMinutes = (tick: () => void) => {
  const id = setInterval(tick, MINUTE);
  return () => clearInterval(id);
};
const wallClock = () => Math.floor(Date.now() / MINUTE) * MINUTE;

/**
 * The current time for relative dates, to the minute, re-rendering as minutes pass: the
 * KitProvider clock when there is one (the mock's frozen clock), else the wall clock.
 */
export function useNow(): number {
  const { now } = useContext(Context);
  const read = useCallback(() => (now ? now() : wallClock()), [now]);
  return useSyncExternalStore(subscribeMinutes, read, read);
}
