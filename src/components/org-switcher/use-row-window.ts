'use client';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';

/** Every row is this tall (a 44 px touch target), which is what makes the window arithmetic exact. */
export const ROW_HEIGHT = 44;
/** Rows visible at most before the list scrolls. */
const VISIBLE = 7.5;
/** Rows a "page" moves for Page Up / Page Down: the whole rows in view. */
export const PAGE_STEP = 7;
/** Rows rendered beyond each edge of the visible window. */
const OVERSCAN = 4;

/**
 * A virtualized list's window: which rows to render for the list's scroll position (`start` to
 * `end`, about 20 of 10,000), and how tall the list is. While open, the active row is always
 * scrolled into view and rendered before paint, so `aria-activedescendant` never points at nothing,
 * and `onEnd` (when given) is called once the end of the rows comes into view.
 */
export function useRowWindow(open: boolean, count: number, activeIndex: number, onEnd?: () => void) {
  const listRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const viewport = Math.min(count, VISIBLE) * ROW_HEIGHT;
  const start = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const end = Math.min(count, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);

  useLayoutEffect(() => {
    const el = listRef.current;
    if (!open || !el || activeIndex < 0) return;
    const top = activeIndex * ROW_HEIGHT;
    const height = el.clientHeight || viewport;
    const current = el.scrollTop || scrollTop;
    const next = top < current ? top : top + ROW_HEIGHT > current + height ? top + ROW_HEIGHT - height : current;
    if (next !== el.scrollTop) el.scrollTop = next;
    setScrollTop(next);
    // Only a new active row (or list height) moves the scroll position; scrolling by hand does not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, activeIndex, viewport]);

  useEffect(() => {
    if (open && onEnd && end >= count - OVERSCAN) onEnd();
  }, [open, onEnd, end, count]);

  return {
    listRef,
    viewport,
    start,
    end,
    /** Where the list is scrolled to: from its scroll events, and 0 for a list opened again. */
    setScrollTop,
  };
}
