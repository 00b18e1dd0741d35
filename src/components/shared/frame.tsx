'use client';
import {
  createElement,
  forwardRef,
  useEffect,
  useId,
  useRef,
  useState,
  type ComponentProps,
  type ComponentPropsWithoutRef,
  type FocusEvent,
  type ReactNode,
} from 'react';
import { useClerk, useSession, useUser } from '../../clerk';
import { enCommon, enSessions, useNow, useStrings, type Localization, type SessionStrings } from '../../i18n';
import { slots, type StylingProps } from '../../theme';
import { partProps, type ButtonGetterProps } from './getters';
import { LiveRegion, useControllable, useTakingLong, type SlotFn, type Status } from './parts';
import { InlineError, SkeletonRows } from './ui';
import { useDevices } from './use-devices';

/** `<h2>`…`<h6>` by level, clamped. */
export const Heading = ({ level, ...props }: { level: number } & ComponentProps<'h2'>) =>
  createElement(`h${Math.min(6, Math.max(1, level))}`, props);

/** A line of text with its whole value in `title`, for when it is cut off. */
export const titled = (slot: ReturnType<SlotFn>, text: string) => (
  <p {...slot} title={text}>
    {text}
  </p>
);

/** The email under a person's name, unless it is the name. */
export const personLine = (email: string | undefined, name: string, slot: ReturnType<SlotFn>) =>
  email && email !== name ? titled(slot, email) : null;

const heading = (id: string) => ({ id, tabIndex: -1, 'data-focus-fallback': '' });

/**
 * The frame's behaviour, for a session hook: the root's and its title's ids and ARIA, the
 * sections' (a heading is where focus goes when the focused control leaves its section), and the
 * focus keeper on the root. `state` is the root's `data-state`.
 */
export function useFrame(state: string) {
  const id = useId();
  const root = useRef<HTMLElement>(null);
  const last = useRef<{ el: Element; fallback: HTMLElement | null } | null>(null);
  // The focus keeper: when the focused control inside the root leaves the DOM (its row was
  // removed, its account became current, its button turned into a label), focus moves to the
  // heading of the section it lived in (or the root's first heading), never to `<body>`. Checked
  // after every commit; focus the user moved elsewhere on purpose is left alone.
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
  return {
    /** The root (a `<section>`): its title, `data-state`, and the focus keeper (ref, onFocus). */
    getRootProps: () => ({ ref: root, onFocus, 'aria-labelledby': id, 'data-csk-root': '', 'data-state': state }),
    /** The root's heading: focusable by script, the last place focus falls back to. */
    getTitleProps: () => heading(id),
    /** A `<section>` inside the root, named by its heading. */
    getSectionProps: (name: string) => ({ 'aria-labelledby': id + name, 'data-section': name }),
    /** A section's heading: where focus goes when the focused control leaves that section. */
    getHeadingProps: (name: string) => heading(id + name),
  };
}

/** The options both session hooks share, by the type of their confirmation. */
interface SessionOptions<Confirm> {
  localization?: Partial<Localization>;
  confirm?: Confirm;
  onConfirmChange?: (confirm: Confirm) => void;
}

/**
 * What both session hooks start from: their strings, Clerk, this session, its user and the
 * user's devices, the live region's announcement, and the confirmation (controllable).
 */
export function useSessionBase<Confirm>({ localization, confirm, onConfirmChange }: SessionOptions<Confirm>, defaultConfirm: Confirm) {
  const t = useStrings(localization, enCommon, enSessions);
  const clerk = useClerk();
  const { isLoaded, session } = useSession();
  const { user } = useUser();
  const devices = useDevices(user, session?.id);
  const [announcement, announce] = useState('');
  const [open, setConfirm] = useControllable({ value: confirm, defaultValue: defaultConfirm, onChange: onConfirmChange });
  return { t, clerk, isLoaded, session, user, devices, announcement, announce, open, setConfirm };
}

/** What the root reads from a session hook's api. */
interface FrameApi {
  status: Status;
  t: SessionStrings;
  announcement: string;
  getRootProps: () => object;
  getTitleProps: () => object;
  getRetryProps: (of: 'load') => ButtonGetterProps;
}

interface RootProps<Api> extends StylingProps<string>, Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  value: Api;
  headingLevel?: number;
  children?: ReactNode;
}

/** The parts' provider, given the ready api, the styling, and the title's level and the clock. */
type Provider<Api> = (props: {
  api: Extract<Api, { status: 'ready' }>;
  classNames?: Partial<Record<string, string>>;
  unstyled?: boolean;
  extra: { level: number; now: number };
  children?: ReactNode;
}) => ReactNode;

/** The api narrowed to its ready member (checking `status` does not narrow a type parameter). */
const isReady = <Api extends { status: Status }>(api: Api): api is Extract<Api, { status: 'ready' }> => api.status === 'ready';

/**
 * The `Root` both session components share (a `<section>`): the title; skeletons while Clerk
 * loads; a localized error with a retry when Clerk could not load; "signed out"; and once ready
 * the parts (`children`, or the default layout `parts`) under their provider. The one live region
 * sits outside every aria-busy part and is never remounted, and focus is never dropped to
 * `<body>` (`useFrame`). The caller's props and ref go on the `<section>`.
 */
export const sessionRoot = <Api extends FrameApi, Props extends RootProps<Api>>(
  title: 'sessionListTitle' | 'sessionManagerTitle',
  Parts: Provider<Api>,
  parts: ReactNode,
  wide?: boolean,
) =>
  forwardRef<HTMLElement, Props>(function Root({ value: api, headingLevel: level = 2, classNames, unstyled, children, ...props }, ref) {
    const now = useNow();
    const slot: SlotFn = slots<string>({ classNames, unstyled });
    const { t, status } = api;
    const slow = useTakingLong(status === 'loading');
    return (
      // eslint-disable-next-line react-hooks/refs -- mergeProps composes the forwarded ref into a callback ref; nothing reads it during render
      <section {...partProps(api.getRootProps(), slot('root', `csk-k-frame ${wide ? 'csk:max-w-2xl' : 'csk:max-w-xl'}`), props, ref)}>
        <Heading level={level} {...api.getTitleProps()} {...slot('title', 'csk-k-title')}>
          {t[title]}
        </Heading>
        {isReady(api) ? (
          <Parts api={api} classNames={classNames} unstyled={unstyled} extra={{ level, now }}>
            {children ?? parts}
          </Parts>
        ) : status === 'loading' ? (
          <div aria-busy="true">
            <SkeletonRows rows={wide ? 3 : 2} slot={slot} label={t.loading} person={!wide} />
            {slow ? <p {...slot('skeletonSlow', 'csk-k-empty csk:mt-3')}>{t.loadingSlow}</p> : null}
          </div>
        ) : status === 'error' ? (
          <InlineError slot={slot} t={t} failure={{ text: t.clerkFailed }} retry={api.getRetryProps('load')} />
        ) : (
          <p {...slot('empty', 'csk-k-empty')}>{t.signedOutMessage}</p>
        )}
        <LiveRegion message={slow ? t.loadingSlow : api.announcement} />
      </section>
    );
  });
