'use client';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useOrganizationList, useUser, type OrganizationMembershipResource } from '../../clerk';
// Clerk's largest page: the fewest requests for "all".
import { MAX_PAGE_SIZE } from '../../core/clerk-rules';

const NONE: OrganizationMembershipResource[] = [];
type Page = { data: OrganizationMembershipResource[]; total_count: number };
interface Bulk {
  /** The run these pages belong to (user and total): pages of an older run never land. */
  key: string;
  /** Where the first bulk page starts in Clerk's order (a multiple of 500). */
  from: number;
  /** The bulk pages so far, in order: one unbroken run from `from`. */
  rows: OrganizationMembershipResource[];
  /** The last page came back short or reached the total: nothing is left to fetch. */
  end?: boolean;
  failed?: unknown;
}

export interface Memberships {
  /** Every membership known so far, in Clerk's order: one unbroken run from the first one. */
  all: OrganizationMembershipResource[];
  /** Clerk's total_count (undefined until the first page arrives). */
  total: number | undefined;
  /** Every membership has been fetched (or Clerk has no more to give). */
  complete: boolean;
  /** 'loading' while a page the view waits for is on its way; 'error' when one failed. */
  state: 'idle' | 'loading' | 'error';
  /** Loads the next browsing page (Clerk's infinite list). */
  loadMore: () => void;
  /** Retries whatever failed: the browsing page and/or the bulk page. */
  retry: () => void;
}

/**
 * Memberships for the switcher: the real `useOrganizationList({ userMemberships: { infinite } })`
 * for browsing page by page, and, once `wantAll` (someone searched), the remaining pages at
 * `pageSize: 500` straight from `user.getOrganizationMemberships` (the same call Clerk's hook
 * makes, whose page size is fixed at its first render). One bulk page at a time, in order: the
 * list never has holes, results grow as pages land, and a burst never trips Clerk's rate limit.
 */
export function useMemberships(pageSize: number, wantAll: boolean): Memberships {
  const { userMemberships: list } = useOrganizationList({
    userMemberships: { infinite: true, pageSize, keepPreviousData: true },
  });
  const { user } = useUser();
  const browsed = useSameArray(list.data ?? NONE);
  const total = list.count === undefined || (list.isLoading && browsed.length === 0) ? undefined : list.count;
  const [bulk, setBulk] = useState<Bulk | null>(null);
  const key = `${user?.id}|${total}`;
  const current = bulk?.key === key ? bulk : null;
  // The next bulk page: after the last one landed, else the one holding the first row not browsed.
  const page = current ? (current.from + current.rows.length) / MAX_PAGE_SIZE + 1 : Math.floor(browsed.length / MAX_PAGE_SIZE) + 1;
  const fetching = wantAll && total !== undefined && browsed.length < total && !current?.end;
  const failed = current?.failed;

  useEffect(() => {
    if (!fetching || failed || !user) return;
    let live = true;
    const land = (update: (b: Bulk) => Bulk) =>
      live && setBulk((b) => update(b?.key === key ? b : { key, from: (page - 1) * MAX_PAGE_SIZE, rows: [] }));
    user.getOrganizationMemberships({ initialPage: page, pageSize: MAX_PAGE_SIZE }).then(
      (res: Page) =>
        land((b) => ({
          ...b,
          rows: b.rows.concat(res.data),
          end: res.data.length < MAX_PAGE_SIZE || page * MAX_PAGE_SIZE >= res.total_count,
        })),
      (error: unknown) => land((b) => ({ ...b, failed: error })),
    );
    return () => {
      live = false;
    };
    // `user` is a new object on every Clerk emit; the run is keyed by user id and total.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetching, failed, key, page]);

  // Whichever source reaches further; bulk pages start inside the browsed rows, so nothing is skipped.
  const all = useMemo(
    () => (current && current.from + current.rows.length > browsed.length ? browsed.slice(0, current.from).concat(current.rows) : browsed),
    [browsed, current],
  );
  const { fetchNext, revalidate, hasNextPage, isFetching } = list;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetching && !list.error && all === browsed) fetchNext?.();
  }, [hasNextPage, isFetching, list.error, all, browsed, fetchNext]);
  const retry = useCallback(() => {
    if (list.error) void (browsed.length === 0 ? revalidate?.() : fetchNext?.());
    if (failed) setBulk((b) => b && { ...b, failed: null });
  }, [list.error, browsed.length, revalidate, fetchNext, failed]);

  return {
    all,
    total,
    complete: total !== undefined && (all.length >= total || Boolean(current?.end)),
    state: list.error || failed ? 'error' : list.isLoading || isFetching || fetching ? 'loading' : 'idle',
    loadMore,
    retry,
  };
}

/**
 * Clerk's hook returns a new `data` array on every render (its cache keys are rebuilt each time);
 * keep the previous one while its items are the same, so 10,000 memberships are not mapped and
 * indexed again on every keystroke.
 */
function useSameArray<T>(next: T[]): T[] {
  // React's "storing information from previous renders": adjust state while rendering.
  const [kept, setKept] = useState(next);
  const same = kept.length === next.length && kept.every((x, i) => x === next[i]);
  if (!same) setKept(next);
  return same ? kept : next;
}
