'use client';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useFrame } from '../shared/frame';
import { composeRefs } from '../shared/parts';

/** Below this root content width (rem), a row's actions collapse into its ⋯ menu: styles.css's `@max-[24rem]` says the same. */
export const COMPACT_BELOW_REM = 24;

/** Whether `el`'s content box is narrower than the compact width, or null when it has no width (not rendered, or no layout at all). */
function compactAt(el: HTMLElement): boolean | null {
  const width = el.clientWidth;
  if (!width) return null;
  const style = getComputedStyle(el);
  const rem = Number.parseFloat(getComputedStyle(el.ownerDocument.documentElement).fontSize) || 16;
  return width - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight) < COMPACT_BELOW_REM * rem;
}

/**
 * Whether the root is narrow enough for the rows' ⋯ menus, for a ref on the root: measured when the
 * root mounts (before the first paint) and on every resize. Each row then renders only the
 * control its width shows, the buttons or the ⋯ button, not both: the elements are most of what a
 * long list's first render costs. `null` until measured (on the server, in a test DOM without
 * layout, on a root not rendered): the rows render both and the stylesheet's container query
 * shows one, as it does before hydration.
 */
export function useCompact() {
  const [compact, setCompact] = useState<boolean | null>(null);
  const observer = useRef<ResizeObserver | null>(null);
  // A callback ref (called with null on detach, by React 18 and 19 alike): no effect to order after the root's.
  const ref = useCallback((el: HTMLElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => setCompact(compactAt(el));
    measure();
    observer.current = new ResizeObserver(measure);
    observer.current.observe(el);
  }, []);
  return [ref, compact] as const;
}

/**
 * The frame's getters (`useFrame`) with the root measured: `getRootProps()` adds the measuring ref
 * and `data-compact`, and `compact` says whether rows show their ⋯ menu (a narrow root) or their
 * buttons; null before the root is measured (both render, the stylesheet shows one).
 */
export function useCompactFrame(state: string) {
  const frame = useFrame(state);
  const [measure, compact] = useCompact();
  const root = frame.getRootProps();
  const ref = useMemo(() => composeRefs(root.ref, measure), [root.ref, measure]);
  return { ...frame, getRootProps: () => ({ ...root, ref, 'data-compact': compact ?? undefined }), compact };
}
