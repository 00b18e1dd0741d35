'use client';
import { useEffect, useId, useRef, type FocusEvent, type ReactNode } from 'react';
import type { SessionStrings } from '../../i18n';
import { LiveRegion, type SlotFn, type Status } from './parts';
import { InlineError, SkeletonRows } from './ui';

/** `<h2>`…`<h6>` by level, clamped. */
export function Heading({ level, ...props }: { level: number } & React.ComponentProps<'h2'>) {
  const Tag = `h${Math.min(6, Math.max(1, level))}` as 'h2';
  return <Tag {...props} />;
}

/**
 * The frame both session components share: a titled region; skeletons while Clerk loads; a
 * localized error with a retry when Clerk could not load; "signed out"; and, once ready, the
 * children. The one live region sits outside every aria-busy part and is never remounted, and
 * focus is never dropped to `<body>`.
 */
export function Frame(props: {
  slot: SlotFn;
  className?: string;
  status: Status;
  state?: string;
  title: string;
  level: number;
  t: SessionStrings;
  announcement: string;
  retryLoad: () => void;
  wide?: boolean;
  children: () => ReactNode;
}) {
  const { slot, status, t } = props;
  const id = useId();
  const { ref, onFocus } = useFocusKeeper();
  return (
    <section
      ref={ref}
      onFocus={onFocus}
      {...slot('root', `csk-k-frame ${props.wide ? 'csk:max-w-2xl' : 'csk:max-w-xl'}`, props.className)}
      data-csk-root=""
      data-state={props.state ?? status}
      aria-labelledby={id}
    >
      <Heading level={props.level} id={id} tabIndex={-1} data-focus-fallback="" {...slot('title', 'csk-k-title')}>
        {props.title}
      </Heading>
      {status === 'ready' ? (
        props.children()
      ) : status === 'loading' ? (
        <div aria-busy="true">
          <SkeletonRows rows={props.wide ? 3 : 2} slot={slot} label={t.loading} person={!props.wide} />
        </div>
      ) : status === 'error' ? (
        <InlineError slot={slot} t={t} text={t.clerkFailed} retry={props.retryLoad} />
      ) : (
        <p {...slot('empty', 'csk-k-empty')}>{t.signedOutMessage}</p>
      )}
      <LiveRegion message={props.announcement} />
    </section>
  );
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
