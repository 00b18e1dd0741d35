'use client';
/**
 * The parts toolkit: the one way every component is built (Ark UI's shape).
 * - The hook (`useX()`) owns all behaviour and returns prop getters (`api.getTriggerProps()`…)
 *   carrying ids, ARIA, keys and handlers, so a caller of the hook alone gets the full behaviour.
 * - Each part is `mergeProps(api.getXProps(), props)` plus its `data-slot`: the caller's handlers
 *   run first and may `preventDefault()` the kit's, classes join, styles merge, refs compose.
 * - `createParts()` gives each component its provider and `usePart(name)`.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useInsertionEffect,
  useRef,
  useState,
  type ReactNode,
  type Ref,
  type RefCallback,
} from 'react';
import { slots, type StylingProps } from '../../theme';

/** What every hook reports: Clerk still loading, Clerk failed to load, nobody signed in, or ready. */
export type Status = 'loading' | 'error' | 'signed-out' | 'ready';

/** A failed action, kept where it happened: a sentence for people (`text`), Clerk's own words (`detail`) and the raw error. */
export interface Failure<Action extends string = string> {
  action: Action;
  text: string;
  detail: string;
  error: unknown;
}

/** A part's `data-slot` and classes from its slot name, honouring `classNames` and `unstyled`. */
export type SlotFn = ReturnType<typeof slots<string>>;

/** One callback ref that sets every ref given (callback or object refs; missing ones skipped). */
export function composeRefs<T>(...refs: (Ref<T> | undefined)[]): RefCallback<T> {
  return (node) => {
    for (const ref of refs) setRef(ref, node);
  };
}
const setRef = (ref: unknown, node: unknown) => {
  if (typeof ref === 'function') ref(node);
  else if (typeof ref === 'object' && ref && 'current' in ref) ref.current = node;
};

type Handler = (event: { defaultPrevented?: boolean }) => void;
const isHandler = (key: string, value: unknown): value is Handler => typeof value === 'function' && /^on[A-Z]/.test(key);

/**
 * The kit's props with the caller's on top. Handlers compose: the caller's runs first, and if it
 * calls `event.preventDefault()` the kit's does not run (an event already prevented before it
 * reached the caller still runs both). Classes join, styles merge (the caller's keys win), refs
 * compose; any other prop the caller gives wins, and `undefined` never overrides the kit.
 */
export function mergeProps<Kit extends object, Caller extends object>(kit: Kit, caller: Caller): Kit & Caller {
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(kit));
  for (const [key, theirs] of Object.entries(caller)) {
    const mine = out[key];
    if (theirs === undefined) continue;
    if (isHandler(key, mine) && isHandler(key, theirs)) {
      out[key] = (event: { defaultPrevented?: boolean }) => {
        const prevented = event?.defaultPrevented;
        theirs(event);
        if (prevented || !event?.defaultPrevented) mine(event);
      };
    } else if (key === 'className') out[key] = [mine, theirs].filter(Boolean).join(' ');
    else if (key === 'style') out[key] = { ...(mine ?? {}), ...theirs };
    else if (key === 'ref') out[key] = (node: unknown) => (setRef(mine, node), setRef(theirs, node));
    else out[key] = theirs;
  }
  // eslint-disable-next-line @typescript-eslint/consistent-type-assertions -- the merge holds every key of both; TypeScript has no type for a computed merge
  return out as Kit & Caller;
}

/** What every part of a component reads: the hook's api, its styling and extras the root adds. */
export type PartsValue<Api, Extra = object> = { api: Api; slot: SlotFn; unstyled: boolean } & Extra;

/**
 * A component's context: `PartsProvider` (rendered by its `Root`) and `usePart(part)`, which
 * throws naming the part and the root it needs when rendered outside one.
 */
export function createParts<Api, Extra extends object = object>(component: string) {
  const Context = createContext<PartsValue<Api, Extra> | null>(null);
  function PartsProvider({
    api,
    classNames,
    unstyled = false,
    extra,
    children,
  }: Omit<StylingProps<string>, 'className'> & { api: Api; extra: Extra; children?: ReactNode }) {
    const value = { api, slot: slots<string>({ classNames, unstyled }), unstyled, ...extra };
    return <Context.Provider value={value}>{children}</Context.Provider>;
  }
  function usePart(part: string): PartsValue<Api, Extra> {
    const value = useContext(Context);
    if (!value) throw new Error(`<${component}.${part}> must be rendered inside <${component}.Root value={use${component}()}>.`);
    return value;
  }
  return { PartsProvider, usePart };
}

/** A ref that always holds the latest value: callbacks read it and keep their identity across renders. */
export function useLatest<T>(value: T) {
  const ref = useRef(value);
  useInsertionEffect(() => {
    ref.current = value;
  });
  return ref;
}

/**
 * State the caller may control (`value` given, `null` included) or leave to the hook, named
 * `x` / `defaultX` / `onXChange` in every hook's options. `set` keeps its identity, updates the
 * hook's own value when uncontrolled, and tells `onChange` either way.
 */
export function useControllable<T>({
  value,
  defaultValue,
  onChange,
}: {
  value: T | undefined;
  defaultValue: T;
  onChange?: (next: T) => void;
}) {
  const [own, setOwn] = useState(defaultValue);
  const live = useLatest({ controlled: value !== undefined, onChange });
  const set = useCallback(
    (next: T) => {
      if (!live.current.controlled) setOwn(next);
      live.current.onChange?.(next);
    },
    [live],
  );
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

/** After how long loading says it is taking long: Clerk gives up on its script much later (10–25 s seen). */
export const SLOW_AFTER_MS = 8000;

/** True once `loading` has lasted `SLOW_AFTER_MS`; false again as soon as it ends. */
export function useTakingLong(loading: boolean) {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!loading) return undefined;
    const timer = setTimeout(() => setSlow(true), SLOW_AFTER_MS);
    return () => {
      clearTimeout(timer);
      setSlow(false);
    };
  }, [loading]);
  return loading && slow;
}

/** The default of "Try again" when Clerk itself could not load: load the page (and Clerk) again. */
export const reloadPage = () => window.location.reload();

/**
 * While `active`, every pointer press anywhere on the page reaches `onPress` first (capture phase),
 * with what it pressed: the one listener behind "a press outside closes it" for the kit's popovers.
 */
export function usePressAnywhere(active: boolean, onPress: (target: EventTarget | null) => void) {
  useEffect(() => {
    if (!active) return;
    const listener = (event: PointerEvent) => onPress(event.target);
    document.addEventListener('pointerdown', listener, true);
    return () => document.removeEventListener('pointerdown', listener, true);
  }, [active, onPress]);
}

/** Browsers without the popover API (and jsdom) get a fixed-position element instead. */
export const supportsPopover = () => typeof HTMLElement !== 'undefined' && typeof HTMLElement.prototype.showPopover === 'function';

/** The spinner: a ring drawn by its border, still under reduced motion (the label beside it still says it). */
export const Spinner = ({ slot }: { slot: SlotFn }) => <span aria-hidden="true" {...slot('spinner', 'csk-k-ring csk-k-spin')} />;

/**
 * A stroked icon on a 24 px grid, one path (each component keeps its own path table, so an
 * import of one component never carries another's icons). 16 px by default, 20 px for devices.
 */
export const Icon = ({ d, size = 16, ...rest }: { d: string; size?: 16 | 20; className?: string; 'data-slot'?: string }) => (
  <svg
    width={size}
    height={size}
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth={size === 16 ? 2 : 1.75}
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
    {...rest}
  >
    <path d={d} />
  </svg>
);

/** Polite announcements for screen readers; visually hidden. Render it once, outside any aria-busy region, never remounted. */
export const LiveRegion = ({ message }: { message: string }) => (
  <p role="status" aria-live="polite" data-slot="live-region" className="csk:sr-only">
    {message}
  </p>
);
