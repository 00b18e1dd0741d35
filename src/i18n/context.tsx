'use client';
import { createContext, useCallback, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { useClerk } from '../clerk';
import { fromClerkLocalization, type ClerkLocalization } from './clerk';
import { en, type Localization } from './en';

interface KitContext {
  localization?: Partial<Localization>;
  /** The clock relative times are measured from; the mock Clerk provides its frozen one. */
  now?: () => number;
}

const Context = createContext<KitContext>({});

/**
 * Sets the localization (and, for tests, the clock) for every kit component below.
 * Keys given here override English and Clerk's localization; a component's own `localization` prop overrides these.
 */
export function KitProvider({ localization, now, children }: KitContext & { children?: ReactNode }) {
  const parent = useContext(Context);
  const value = useMemo(
    () => ({ localization: { ...parent.localization, ...localization }, now: now ?? parent.now }),
    [parent, localization, now],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/**
 * The strings of the localization the app gave Clerk (`<ClerkProvider localization={frFR}>`), read
 * back as Clerk's own React hooks read it: `useClerk().__internal_getOption('localization')` (clerk-js
 * answers from the options of its load(); before that, @clerk/react from the provider's props).
 */
function useClerkStrings(): Partial<Localization> {
  // Optional: an older @clerk/react within the peer range, or a hand-made Clerk, may not have it.
  const source: ClerkLocalization | undefined = useClerk().__internal_getOption?.('localization');
  return useMemo(() => fromClerkLocalization(source), [source]);
}

/**
 * One component's strings: its English defaults (`common`, then its own), overridden by Clerk's
 * localization where it has the same string, by the nearest KitProvider, then by `override`. Each
 * component passes only its own English, so its bundle carries no other component's strings.
 */
export function useStrings<A extends object, B extends object = object>(
  override: Partial<Localization> | undefined,
  common: A,
  own?: B,
): A & B {
  const { localization } = useContext(Context);
  const clerk = useClerkStrings();
  return useMemo(
    () =>
      // eslint-disable-next-line @typescript-eslint/consistent-type-assertions -- TypeScript has no generic spread type: the layers over A and B hold only Localization's own keys and types, so the result is still A & B
      ({ ...common, ...own, ...clerk, ...localization, ...override }) as A & B,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the defaults are module constants
    [clerk, localization, override],
  );
}

/**
 * All of English, overridden by Clerk's localization, by the nearest KitProvider, then by `override`.
 * Like every kit component, it reads Clerk: call it below a ClerkProvider.
 */
export function useLocalization(override?: Partial<Localization>): Localization {
  return useStrings(override, en);
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
