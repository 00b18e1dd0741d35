'use client';
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useClerk, useOrganization, useUser, type OrganizationMembershipResource, type OrganizationResource } from '../../clerk';
import { describeError, enCommon, enOrg, useStrings, type Localization } from '../../i18n';
import { useMemberships } from './use-memberships';

/** One row of the list: the personal account or a membership. */
export type OrgOption =
  | { kind: 'personal'; id: 'personal'; name: string }
  | { kind: 'organization'; id: string; name: string; membership: OrganizationMembershipResource };

export type OrgSwitcherEvent =
  | { type: 'switched'; organization: OrganizationResource | null }
  | { type: 'switch-failed'; organization: OrganizationResource | null; error: unknown }
  /** Clerk switched, but `onAfterSwitch` threw: the popover still closes on the new organization. */
  | { type: 'after-switch-failed'; organization: OrganizationResource | null; error: unknown };

export interface UseOrgSwitcherOptions {
  /** Controlled open state of the popover. */
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Leaves out the "Personal account" item. */
  hidePersonal?: boolean;
  /**
   * Awaited after Clerk switched and before the popover closes: refresh server data here
   * (`router.refresh()`, invalidate caches). The item stays pending until it settles.
   */
  onAfterSwitch?: (organization: OrganizationResource | null) => void | Promise<void>;
  /** Optional navigation target after a switch (Clerk's `setActive({ redirectUrl })`). */
  afterSwitchUrl?: string;
  /** Told about every switch and failure. */
  onEvent?: (event: OrgSwitcherEvent) => void;
  /** Memberships per browsing page (Clerk's infinite list); 1…500. Default 20. */
  pageSize?: number;
  localization?: Partial<Localization>;
}

export type OrgSwitcherStatus = 'loading' | 'unavailable' | 'signed-out' | 'ready';
/** Rows the list shows per "page" for Page Up / Page Down. */
export const PAGE_STEP = 7;

const roleLabel = (m: OrganizationMembershipResource | null | undefined) =>
  m ? m.roleName || m.role.replace(/^org:/, '').replace(/^\w/, (c) => c.toUpperCase()) : '';
export { roleLabel };

/**
 * Headless OrgSwitcher: who is active, the popover (controllable), the query, the options (all
 * memberships, searched across every page), the active option for `aria-activedescendant`,
 * the pending switch, its error and the live announcement. The parts only render this.
 */
export function useOrgSwitcher(options: UseOrgSwitcherOptions = {}) {
  const { hidePersonal = false, pageSize = 20 } = options;
  const t = useStrings(options.localization, enCommon, enOrg);
  const clerk = useClerk();
  const { isLoaded, user } = useUser();
  const { organization, membership } = useOrganization();
  const baseId = useId();
  const triggerRef = useRef<HTMLButtonElement | null>(null);
  const searchRef = useRef<HTMLInputElement | null>(null);
  const contentRef = useRef<HTMLDivElement | null>(null);
  const latest = useRef(options);

  const [openState, setOpenState] = useState(options.defaultOpen ?? false);
  const open = options.open ?? openState;
  const [query, setQueryState] = useState('');
  const [searched, setSearched] = useState(false);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [pending, setPending] = useState<OrgOption | null>(null);
  const busy = useRef(false);
  const [failure, setFailure] = useState<{ name: string; text: string; detail: string } | null>(null);
  const [switched, setSwitched] = useState('');

  const data = useMemberships({ pageSize, wantAll: searched });
  const setOpen = useCallback((next: boolean) => {
    setOpenState(next);
    latest.current.onOpenChange?.(next);
    if (next) {
      setQueryState('');
      setActiveId(null);
      setFailure(null);
      setSwitched('');
    }
  }, []);
  const close = useCallback(
    (returnFocus = true) => {
      setOpen(false);
      if (returnFocus) triggerRef.current?.focus();
    },
    [setOpen],
  );

  const activeOrgId = organization?.id ?? null;
  const orgOptions = useMemo(
    () =>
      data.all.map((m): OrgOption & { hay: string } => ({
        kind: 'organization',
        id: m.organization.id,
        name: m.organization.name,
        membership: m,
        hay: `${m.organization.name}\n${m.organization.slug ?? ''}`.toLocaleLowerCase(),
      })),
    [data.all],
  );
  const needle = query.trim().toLocaleLowerCase();
  const list: OrgOption[] = useMemo(() => {
    // One pass, one array: with 10,000 memberships every copy counts on each keystroke.
    const out: OrgOption[] =
      hidePersonal || !t.orgPersonal.toLocaleLowerCase().includes(needle)
        ? []
        : [{ kind: 'personal', id: 'personal', name: t.orgPersonal }];
    for (const o of orgOptions) if (o.hay.includes(needle)) out.push(o);
    return out;
  }, [hidePersonal, needle, t.orgPersonal, orgOptions]);

  const wanted = activeId ?? (needle ? null : (activeOrgId ?? (hidePersonal ? null : 'personal')));
  const found = wanted === null ? -1 : list.findIndex((o) => o.id === wanted);
  const activeIndex = found >= 0 ? found : list.length ? 0 : -1;
  const searching = Boolean(needle) && !data.complete;
  const progress = searching ? t.orgSearchingAll({ loaded: data.all.length, total: data.total ?? 0 }) : '';

  const setQuery = useCallback((q: string) => {
    setQueryState(q);
    setActiveId(null);
    if (q.trim()) setSearched(true);
  }, []);

  // Callbacks read the latest render through this ref, so they stay stable across renders.
  const now = useRef({ list, activeIndex, activeOrgId, t });
  useLayoutEffect(() => {
    latest.current = options;
    now.current = { list, activeIndex, activeOrgId, t };
  });
  const setActiveIndex = useCallback((index: number) => {
    const { list: items } = now.current;
    const option = items[Math.max(0, Math.min(items.length - 1, index))];
    if (option) setActiveId(option.id);
  }, []);

  const select = useCallback(
    async (option: OrgOption) => {
      if (busy.current) return;
      const { t } = now.current;
      const target = option.kind === 'personal' ? null : option.membership.organization;
      if ((target?.id ?? null) === now.current.activeOrgId) return close();
      busy.current = true;
      setPending(option);
      setFailure(null);
      try {
        await clerk.setActive({ organization: target?.id ?? null, redirectUrl: latest.current.afterSwitchUrl });
      } catch (error) {
        const { text, detail } = describeError(t, error);
        setFailure({ name: option.name, text, detail });
        latest.current.onEvent?.({ type: 'switch-failed', organization: target, error });
        busy.current = false;
        return setPending(null);
      }
      // The switch happened: a failing refresh is the app's to report, not a failed switch.
      await Promise.resolve(latest.current.onAfterSwitch?.(target)).catch((error: unknown) =>
        latest.current.onEvent?.({ type: 'after-switch-failed', organization: target, error }),
      );
      latest.current.onEvent?.({ type: 'switched', organization: target });
      setSwitched(t.orgSwitched({ name: option.name }));
      busy.current = false;
      setPending(null);
      close();
    },
    [clerk, close],
  );

  const onSearchKeyDown = useCallback(
    (event: KeyboardEvent<HTMLInputElement>) => {
      if (event.nativeEvent.isComposing) return; // Enter confirms an IME composition, not an option
      const { list: items, activeIndex: at } = now.current;
      const to = (
        {
          ArrowDown: at + 1,
          ArrowUp: at - 1,
          PageDown: at + PAGE_STEP,
          PageUp: at - PAGE_STEP,
          Home: 0,
          End: items.length - 1,
        } as Record<string, number>
      )[event.key];
      if (to !== undefined) {
        event.preventDefault();
        setActiveIndex(to);
      } else if (event.key === 'Enter') {
        event.preventDefault();
        const option = items[at];
        if (option) void select(option);
      }
    },
    [setActiveIndex, select],
  );

  // Close on a pointer press outside the trigger and the popover (focus stays where it went).
  useEffect(() => {
    if (!open) return;
    const onDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (contentRef.current?.contains(target) || triggerRef.current?.contains(target)) return;
      close(false);
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, [open, close]);

  const clerkStatus = (clerk as { status?: string }).status;
  const status: OrgSwitcherStatus = clerkStatus === 'error' ? 'unavailable' : !isLoaded ? 'loading' : !user ? 'signed-out' : 'ready';
  const announcement =
    switched ||
    (pending ? t.orgSwitching({ name: pending.name }) : '') ||
    (needle && open ? progress || t.orgResults({ count: list.length }) : '');

  return {
    status,
    t,
    /** The active organization, or null for the personal account. */
    organization: organization ?? null,
    /** The user's role in it, as a label ("Admin"). */
    role: roleLabel(membership),
    hidePersonal,
    open,
    setOpen,
    close,
    query,
    setQuery,
    /** What the list shows: personal (unless hidden or filtered out), then memberships. */
    options: list,
    activeIndex,
    /** Makes an option active (for `aria-activedescendant`), clamped to the list. */
    setActiveIndex,
    /** The id of the current organization's option ('personal' without one). */
    currentId: activeOrgId ?? 'personal',
    /** Total memberships (Clerk's total_count); undefined until the first page. */
    total: data.total,
    loadState: data.state,
    /** True while a query waits for pages not loaded yet. */
    searching,
    /** While searching: how far the search has got ("Searching all 1200 organizations (500 loaded)…"). */
    progress,
    /** Whether browsing can show more rows than it does (scroll to load them). */
    hasMore: !needle && data.total !== undefined && data.all.length < data.total,
    loadMore: data.loadMore,
    retry: data.retry,
    select,
    /** The option whose switch is in flight. */
    pending,
    /** The last failed switch: the option's name, a sentence for people, Clerk's own message. */
    failure,
    announcement,
    onSearchKeyDown,
    ids: {
      anchor: `--csk-os${baseId.replace(/\W/g, '')}`,
      trigger: `${baseId}-trigger`,
      content: `${baseId}-content`,
      search: `${baseId}-search`,
      list: `${baseId}-list`,
      option: (id: string) => `${baseId}-option-${id}`,
    },
    /** Callback refs the parts attach, so the hook can place the popover and move focus. */
    attach: {
      trigger: useCallback((el: HTMLButtonElement | null) => void (triggerRef.current = el), []),
      search: useCallback((el: HTMLInputElement | null) => void (searchRef.current = el), []),
      content: useCallback((el: HTMLDivElement | null) => void (contentRef.current = el), []),
    },
    /** The attached elements (for effects and handlers, never during render). */
    elements: useCallback(() => ({ trigger: triggerRef.current, search: searchRef.current, content: contentRef.current }), []),
  };
}

export type OrgSwitcherApi = ReturnType<typeof useOrgSwitcher>;
