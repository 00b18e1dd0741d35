'use client';
import { useCallback, useState } from 'react';
import type { OrgStrings } from '../../i18n';
import { useLatest } from '../shared/parts';
import { useMemberships } from './use-memberships';
import { useOptions } from './use-options';
import { useRowWindow } from './use-row-window';

/**
 * The list: the query; the memberships (every page once something was searched); the options
 * matching the query; the active one (made active by hand, else the current organization, else the
 * first); the window of rows to render. Returns the api's part, the window, and the query as it is
 * matched (trimmed, lower case).
 */
export function useOrgList(open: boolean, pageSize: number, hidePersonal: boolean, t: OrgStrings, activeOrgId: string | null) {
  const [query, setQueryState] = useState('');
  // Once anything was searched for, every page is fetched (and kept) so a search sees them all.
  const [searched, setSearched] = useState(false);
  const [activeId, setActiveId] = useState<string | null>(null);

  const data = useMemberships(pageSize, searched);
  const needle = query.trim().toLocaleLowerCase();
  const options = useOptions(data.all, needle, hidePersonal ? null : t.orgPersonal);
  const wanted = activeId ?? (needle ? null : (activeOrgId ?? (hidePersonal ? null : 'personal')));
  const found = options.findIndex((o) => o.id === wanted);
  const activeIndex = found < 0 && options.length ? 0 : found;
  const searching = Boolean(needle) && !data.complete;
  const hasMore = !needle && data.all.length < (data.total ?? 0);
  // Reaching the end of the rows loaded so far loads Clerk's next page.
  const win = useRowWindow(open, options.length, activeIndex, hasMore ? data.loadMore : undefined);
  // `setActiveIndex` stays the same function: it reads the latest options through this ref.
  const live = useLatest(options);

  const api = {
    query,
    setQuery: useCallback((q: string) => {
      setQueryState(q);
      setActiveId(null);
      if (q.trim()) setSearched(true);
    }, []),
    options,
    visibleOptions: options.slice(win.start, win.end),
    visibleStart: win.start,
    activeIndex,
    setActiveIndex: useCallback(
      (index: number) => {
        const option = live.current[Math.max(0, Math.min(live.current.length - 1, index))];
        if (option) setActiveId(option.id);
      },
      [live],
    ),
    total: data.total,
    loadState: data.state,
    searching,
    progress: searching ? t.orgSearchingAll({ loaded: data.all.length, total: data.total ?? 0 }) : '',
    hasMore,
    retry: data.retry,
  };
  return [api, win, needle] as const;
}
