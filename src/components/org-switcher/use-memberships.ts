'use client';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useOrganizationList, useUser, type OrganizationMembershipResource } from '../../clerk';

/** Clerk's paginated lists accept a `pageSize` of 1 to 500: the fewest requests for "all". */
export const MAX_PAGE_SIZE = 500;
/** Bulk pages in flight at once: fast, without a burst that trips Clerk's rate limit. */
const CONCURRENCY = 2;

type Page = { data: OrganizationMembershipResource[]; total_count: number };
interface Bulk {
  /** The run these pages belong to (user, total, retry): pages of an older run never land. */
  key: string;
  pages: ReadonlyMap<number, OrganizationMembershipResource[]>;
  failed: unknown;
  done: boolean;
}

export interface Memberships {
  /** Every membership known so far, in Clerk's order, without holes or duplicates. */
  all: OrganizationMembershipResource[];
  /** How many of `all` form an unbroken run from the first one (what browsing may show). */
  prefix: number;
  /** Clerk's total_count (undefined until the first page arrives). */
  total: number | undefined;
  /** Every membership has been fetched (or every page was asked for and answered). */
  complete: boolean;
  /** 'loading' while a page the view waits for is on its way; 'error' when one failed. */
  state: 'idle' | 'loading' | 'error';
  error: unknown;
  /** Loads the next browsing page (Clerk's infinite list). */
  loadMore: () => void;
  /** Retries whatever failed: the browsing page and/or the bulk pages. */
  retry: () => void;
}

/**
 * Memberships for the switcher: the real `useOrganizationList({ userMemberships: { infinite } })`
 * for browsing page by page, and, once `wantAll` (someone searched), the remaining pages at
 * `pageSize: 500` straight from `user.getOrganizationMemberships` (the same call Clerk's hook
 * makes), two at a time. Pages land by position, so out-of-order responses merge in order.
 */
export function useMemberships({ pageSize, wantAll }: { pageSize: number; wantAll: boolean }): Memberships {
  const { userMemberships: list } = useOrganizationList({ userMemberships: { infinite: true, pageSize, keepPreviousData: true } });
  const { user } = useUser();
  const browsed = useSameArray(list.data);
  const total = list.count === undefined || (list.isLoading && browsed?.length === 0) ? undefined : list.count;
  const [bulk, setBulk] = useState<Bulk | null>(null);
  const [retries, setRetries] = useState(0);
  const key = `${user?.id}|${total}|${retries}`;
  const current = bulk?.key === key ? bulk : null;
  const browsedCount = browsed?.length ?? 0;

  useEffect(() => {
    if (!wantAll || !user || total === undefined || browsedCount >= total) return;
    let live = true;
    const pageCount = Math.ceil(total / MAX_PAGE_SIZE);
    // Pages whose every row is already browsed are skipped.
    const queue = Array.from({ length: pageCount }, (_, i) => i + 1).filter((p) => p * MAX_PAGE_SIZE > browsedCount);
    const land = (update: (b: Bulk) => Bulk) =>
      live && setBulk((b) => update(b?.key === key ? b : { key, pages: new Map(), failed: null, done: false }));
    let running = 0;
    const next = (): void => {
      const page = queue.shift();
      if (page === undefined) {
        if (running === 0) land((b) => ({ ...b, done: true }));
        return;
      }
      running++;
      user.getOrganizationMemberships({ initialPage: page, pageSize: MAX_PAGE_SIZE }).then(
        (res: Page) => land((b) => ({ ...b, pages: new Map(b.pages).set(page, res.data) })),
        (error: unknown) => land((b) => ({ ...b, failed: error })),
      ).finally(() => {
        running--;
        if (live) next();
      });
    };
    land((b) => b);
    for (let i = 0; i < CONCURRENCY; i++) next();
    return () => {
      live = false;
    };
    // `user` is a new object on every Clerk emit; the run is keyed by user id, total and retries.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wantAll, key]);

  const { all, prefix } = useMemo(() => merge(browsed ?? [], current?.pages), [browsed, current?.pages]);
  const bulkRunning = wantAll && total !== undefined && browsedCount < total && !current?.done;
  const error = list.error ?? current?.failed ?? null;
  const { fetchNext, revalidate, hasNextPage, isFetching } = list;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetching && !list.error && prefix === browsedCount) fetchNext?.();
  }, [hasNextPage, isFetching, list.error, prefix, browsedCount, fetchNext]);
  const retry = useCallback(() => {
    if (list.error) void (browsedCount === 0 ? revalidate?.() : fetchNext?.());
    if (current?.failed) setRetries((n) => n + 1);
  }, [list.error, browsedCount, revalidate, fetchNext, current?.failed]);

  return {
    all,
    prefix,
    total,
    complete: total !== undefined && (all.length >= total || Boolean(current?.done && !current.failed)),
    state: error ? 'error' : list.isLoading || isFetching || bulkRunning ? 'loading' : 'idle',
    error,
    loadMore,
    retry,
  };
}

/** Browsed rows at 0…n, bulk page p at (p−1)·500…: one ordered list, first occurrence wins. */
function merge(browsed: OrganizationMembershipResource[], pages: ReadonlyMap<number, OrganizationMembershipResource[]> | undefined) {
  if (!pages?.size) return { all: browsed, prefix: browsed.length };
  const slots: (OrganizationMembershipResource | undefined)[] = [...browsed];
  for (const [page, rows] of pages) rows.forEach((row, i) => (slots[(page - 1) * MAX_PAGE_SIZE + i] ??= row));
  const seen = new Set<string>();
  const all: OrganizationMembershipResource[] = [];
  let prefix = -1;
  for (let i = 0; i < slots.length; i++) {
    const row = slots[i];
    if (!row) {
      if (prefix < 0) prefix = all.length;
      continue;
    }
    if (seen.has(row.organization.id)) continue;
    seen.add(row.organization.id);
    all.push(row);
  }
  return { all, prefix: prefix < 0 ? all.length : prefix };
}

/**
 * Clerk's hook returns a new `data` array on every render (its cache keys are rebuilt each time);
 * keep the previous one while its items are the same, so 10,000 memberships are not merged and
 * indexed again on every keystroke.
 */
function useSameArray<T>(next: T[] | undefined): T[] | undefined {
  // React's "storing information from previous renders": adjust state while rendering.
  const [kept, setKept] = useState(next);
  const same = kept === next || (kept !== undefined && next !== undefined && kept.length === next.length && kept.every((x, i) => x === next[i]));
  if (!same) setKept(next);
  return same ? kept : next;
}
