'use client';
import { createElement, useEffect, useId, useRef, type ComponentProps, type FocusEvent, type ReactNode, type Ref } from 'react';
import type { SessionStrings } from '../../i18n';
import { partProps, type ButtonGetterProps } from './getters';
import { LiveRegion, type SlotFn, type Status } from './parts';
import { InlineError, SkeletonRows } from './ui';

/** `<h2>`…`<h6>` by level, clamped. */
export const Heading = ({ level, ...props }: { level: number } & ComponentProps<'h2'>) =>
  createElement(`h${Math.min(6, Math.max(1, level))}`, props);

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

/**
 * The frame both session components share: a titled region; skeletons while Clerk loads; a
 * localized error with a retry when Clerk could not load; "signed out"; and, once ready, the
 * children. The one live region sits outside every aria-busy part and is never remounted, and
 * focus is never dropped to `<body>`. The caller's props and ref go on the `<section>`.
 */
export function Frame({
  api,
  slot,
  caller,
  title,
  level,
  wide,
  children,
}: {
  api: {
    status: Status;
    t: SessionStrings;
    announcement: string;
    getRootProps: () => object;
    getTitleProps: () => object;
    getRetryProps: (of: 'load') => ButtonGetterProps;
  };
  slot: SlotFn;
  caller: [object, Ref<HTMLElement> | undefined];
  title: string;
  level: number;
  wide?: boolean;
  children: () => ReactNode;
}) {
  const { status, t } = api;
  return (
    <section {...partProps(api.getRootProps(), slot('root', `csk-k-frame ${wide ? 'csk:max-w-2xl' : 'csk:max-w-xl'}`), ...caller)}>
      <Heading level={level} {...api.getTitleProps()} {...slot('title', 'csk-k-title')}>
        {title}
      </Heading>
      {status === 'ready' ? (
        children()
      ) : status === 'loading' ? (
        <div aria-busy="true">
          <SkeletonRows rows={wide ? 3 : 2} slot={slot} label={t.loading} person={!wide} />
        </div>
      ) : status === 'error' ? (
        <InlineError slot={slot} t={t} failure={{ text: t.clerkFailed }} retry={api.getRetryProps('load')} />
      ) : (
        <p {...slot('empty', 'csk-k-empty')}>{t.signedOutMessage}</p>
      )}
      <LiveRegion message={api.announcement} />
    </section>
  );
}
