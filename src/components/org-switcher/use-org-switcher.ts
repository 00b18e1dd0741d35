'use client';
import {
  useCallback,
  useId,
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type HTMLAttributes,
  type InputHTMLAttributes,
  type RefObject,
} from 'react';
import { useClerk, useOrganization, useUser, type OrganizationMembershipResource } from '../../clerk';
import { enCommon, enOrg, useStrings } from '../../i18n';
import { useControllable, useLatest, type Status } from '../shared/parts';
import type { DataAttributes as Data, OrgOption, UseOrgSwitcherOptions } from './org-switcher-types';
import { useMemberships } from './use-memberships';
import { useOptions } from './use-options';
import { supportsPopover, tabOut, usePopover } from './use-popover';
import { PAGE_STEP, ROW_HEIGHT, useRowWindow } from './use-row-window';
import { useSwitch } from './use-switch';

export const roleLabel = (m: OrganizationMembershipResource | null | undefined) =>
  m ? m.roleName || m.role.replace(/^org:/, '').replace(/^\w/, (c) => c.toUpperCase()) : '';

/**
 * Headless OrgSwitcher: who is active, the popover (controllable), the query, the options (every
 * membership, searched across all pages, virtualized), the active option, the switch in flight, its
 * failure, the live announcement; and prop getters carrying every id, ARIA attribute, key and
 * handler, which the parts (or your own plain elements) only spread.
 */
export function useOrgSwitcher(options: UseOrgSwitcherOptions = {}) {
  const { hidePersonal = false, pageSize = 20 } = options;
  const t = useStrings(options.localization, enCommon, enOrg);
  const { isLoaded, user } = useUser();
  const { organization, membership } = useOrganization();
  const baseId = useId();
  const triggerRef = useRef<HTMLButtonElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);

  const [open, setOpenValue] = useControllable({
    value: options.open,
    defaultValue: options.defaultOpen ?? false,
    onChange: options.onOpenChange,
  });
  const [query, setQueryState] = useState('');
  const [searched, setSearched] = useState(false);
  const [activeId, setActiveId] = useState<string | null>(null);

  const data = useMemberships({ pageSize, wantAll: searched });
  const activeOrgId = organization?.id ?? null;
  const needle = query.trim().toLocaleLowerCase();
  const list = useOptions(data.all, needle, hidePersonal ? null : t.orgPersonal);

  const wanted = activeId ?? (needle ? null : (activeOrgId ?? (hidePersonal ? null : 'personal')));
  const found = wanted === null ? -1 : list.findIndex((o) => o.id === wanted);
  const activeIndex = found >= 0 ? found : list.length ? 0 : -1;
  const searching = Boolean(needle) && !data.complete;
  const progress = searching ? t.orgSearchingAll({ loaded: data.all.length, total: data.total ?? 0 }) : '';
  const hasMore = !needle && data.total !== undefined && data.all.length < data.total;

  const count = list.length;
  // Reaching the end of the rows loaded so far loads Clerk's next page.
  const win = useRowWindow(open, count, activeIndex, hasMore ? data.loadMore : undefined);
  const { start, end, setScrollTop } = win;

  const setOpen = useCallback(
    (next: boolean) => {
      setOpenValue(next);
      if (next) {
        setQueryState('');
        setActiveId(null);
        setScrollTop(0);
      }
    },
    [setOpenValue, setScrollTop],
  );
  const close = useCallback(
    (returnFocus = true) => {
      setOpen(false);
      if (returnFocus) triggerRef.current?.focus();
    },
    [setOpen],
  );

  const setQuery = useCallback((q: string) => {
    setQueryState(q);
    setActiveId(null);
    if (q.trim()) setSearched(true);
  }, []);

  // Stable callbacks read the latest render and options through this ref.
  const live = useLatest({ options, list, activeOrgId, t });
  const setActiveIndex = useCallback(
    (index: number) => {
      const items = live.current.list;
      const option = items[Math.max(0, Math.min(items.length - 1, index))];
      if (option) setActiveId(option.id);
    },
    [live],
  );

  const { select, pending, failure, switched } = useSwitch(open, live, close);

  usePopover(open, close, triggerRef, contentRef, searchRef);

  const status: Status = useClerk().status === 'error' ? 'error' : !isLoaded ? 'loading' : !user ? 'signed-out' : 'ready';
  const label =
    status === 'ready'
      ? (organization?.name ?? (hidePersonal ? t.orgNoneSelected : t.orgPersonal))
      : status === 'error'
        ? t.orgUnavailable
        : status === 'signed-out'
          ? t.orgSignedOut
          : t.loading;
  const announcement =
    switched || (pending ? t.orgSwitching({ name: pending.name }) : '') || (needle && open ? progress || t.orgResults({ count }) : '');
  const currentId = activeOrgId ?? 'personal';
  const state = open ? 'open' : 'closed';
  const anchor = `--csk-os${baseId.replace(/\W/g, '')}`;
  const id = (part: string) => `${baseId}-${part}`;
  const active = list[activeIndex];
  const visibleOptions = list.slice(start, end);

  return {
    status,
    t,
    /** The active organization, or null for the personal account. */
    organization: organization ?? null,
    /** The user's role in it, as a label ("Admin"). */
    role: roleLabel(membership),
    /** What the trigger says: the active organization's name, or why there is none to switch. */
    label,
    hidePersonal,
    open,
    setOpen,
    /** Closes the popover and (unless `false`) returns focus to the trigger. */
    close,
    query,
    setQuery,
    /** What the list shows: personal (unless hidden or filtered out), then memberships. */
    options: list,
    /** The options to render (the list is virtualized): a window around the visible rows. */
    visibleOptions,
    /** The index in `options` of the first of `visibleOptions`. */
    visibleStart: start,
    activeIndex,
    /** Makes an option active (for `aria-activedescendant`), clamped to the list. */
    setActiveIndex,
    /** Total memberships (Clerk's total_count); undefined until the first page. */
    total: data.total,
    loadState: data.state,
    /** True while a query waits for pages not loaded yet. */
    searching,
    /** While searching: how far the search has got ("Searching all 1200 organizations (500 loaded)…"). */
    progress,
    /** Whether browsing can show more rows than it does (scrolling to the end loads them). */
    hasMore,
    retry: data.retry,
    select,
    /** The option whose switch is in flight. */
    pending,
    /** The last failed switch (cleared by the next attempt and on opening). */
    failure,
    announcement,

    /** The element around the switcher: its state for CSS. */
    getRootProps: (): Data => ({ 'data-state': state, 'data-status': status }),

    /** The button that opens the popover (Arrow Up / Down open it too); focus returns here on close. */
    getTriggerProps: (): ButtonHTMLAttributes<HTMLButtonElement> & Data & { ref: RefObject<HTMLButtonElement | null> } => ({
      ref: triggerRef,
      type: 'button',
      'aria-haspopup': 'dialog',
      'aria-expanded': open,
      'aria-controls': open ? id('content') : undefined,
      'aria-busy': status === 'loading' || undefined,
      disabled: status !== 'ready',
      title: status === 'error' ? t.orgUnavailableHint : label,
      'data-state': state,
      'data-status': status,
      style: { anchorName: anchor },
      onClick: () => setOpen(!open),
      onKeyDown: (event) => {
        if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !open) {
          event.preventDefault();
          setOpen(true);
        }
      },
    }),

    /**
     * The popover (render it while `open`): `popover="manual"`, placed by `csk-os-popover` (CSS anchor
     * positioning). Escape closes it, not a surrounding dialog; so does focus leaving it.
     */
    getContentProps: (): HTMLAttributes<HTMLDivElement> & Data & { ref: RefObject<HTMLDivElement | null> } => ({
      ref: contentRef,
      id: id('content'),
      popover: supportsPopover() ? 'manual' : undefined,
      role: 'dialog',
      'aria-label': t.orgSwitcherLabel,
      tabIndex: -1,
      className: 'csk-os-popover',
      'data-state': 'open',
      style: { positionAnchor: anchor },
      onKeyDown: (event) => {
        if (event.key === 'Tab') return tabOut(event, close);
        if (event.key !== 'Escape') return;
        // Handled here: a surrounding modal dialog must not close as well.
        event.preventDefault();
        event.stopPropagation();
        close();
      },
      onBlur: ({ relatedTarget: next, currentTarget }) => {
        if (next instanceof Node && !currentTarget.contains(next) && !triggerRef.current?.contains(next)) close(false);
      },
    }),

    /** The search box: a combobox driving the listbox through `aria-activedescendant`. */
    getSearchProps: (): InputHTMLAttributes<HTMLInputElement> & Data & { ref: RefObject<HTMLInputElement | null> } => ({
      ref: searchRef,
      role: 'combobox',
      'aria-label': t.orgSearchLabel,
      'aria-expanded': true,
      'aria-controls': id('list'),
      'aria-autocomplete': 'list',
      'aria-activedescendant': active && id(`option-${active.id}`),
      autoComplete: 'off',
      spellCheck: false,
      placeholder: t.orgSearchPlaceholder,
      value: query,
      onChange: (event) => setQuery(event.target.value),
      onKeyDown: (event) => {
        if (event.nativeEvent.isComposing) return; // Enter confirms an IME composition, not an option
        const moves: Partial<Record<string, number>> = {
          ArrowDown: activeIndex + 1,
          ArrowUp: activeIndex - 1,
          PageDown: activeIndex + PAGE_STEP,
          PageUp: activeIndex - PAGE_STEP,
          Home: 0,
          End: count - 1,
        };
        const to = moves[event.key];
        if (to !== undefined) {
          event.preventDefault();
          setActiveIndex(to);
        } else if (event.key === 'Enter') {
          event.preventDefault();
          if (active) void select(active);
        }
      },
    }),

    /** The listbox: the scrolling element, as tall as 7.5 rows at most (hidden while empty). */
    getListProps: (): HTMLAttributes<HTMLDivElement> & Data & { ref: RefObject<HTMLDivElement | null> } => ({
      ref: win.listRef,
      id: id('list'),
      role: 'listbox',
      'aria-label': t.orgListLabel,
      'aria-busy': searching || undefined,
      hidden: !count,
      tabIndex: -1,
      style: { height: win.viewport, overflowY: 'auto' },
      onScroll: (event) => setScrollTop(event.currentTarget.scrollTop),
    }),

    /** Inside the listbox, around the options: as tall as every option, so the scrollbar is right. */
    getSpacerProps: (): HTMLAttributes<HTMLElement> => ({
      role: 'presentation',
      style: { position: 'relative', height: count * ROW_HEIGHT },
    }),

    /**
     * One option, at its row; a click switches to it. `data-state`: `current`, `pending` or `idle`.
     * Its place in `options` is looked up unless given (`visibleStart + i` for `visibleOptions[i]`).
     */
    getItemProps: (option: OrgOption, at = list.indexOf(option)): HTMLAttributes<HTMLElement> & Data => {
      const current = option.id === currentId;
      const switching = pending?.id === option.id;
      return {
        id: id(`option-${option.id}`),
        role: 'option',
        'aria-selected': current,
        'aria-busy': switching || undefined,
        'aria-setsize': hasMore || searching ? -1 : count,
        'aria-posinset': at + 1,
        title: option.name,
        'data-state': switching ? 'pending' : current ? 'current' : 'idle',
        'data-active': at === activeIndex || undefined,
        style: { position: 'absolute', insetInline: 0, top: at * ROW_HEIGHT, height: ROW_HEIGHT },
        onClick: () => void select(option),
        onPointerMove: () => at === activeIndex || setActiveIndex(at),
        // Keep focus in the search box, where the keyboard is.
        onMouseDown: (event) => event.preventDefault(),
      };
    },
  };
}

export type OrgSwitcherApi = ReturnType<typeof useOrgSwitcher>;
