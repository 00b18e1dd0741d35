import type { ButtonHTMLAttributes, HTMLAttributes, InputHTMLAttributes, RefObject } from 'react';
import type { OrganizationMembershipResource, OrganizationResource } from '../../clerk';
import type { Localization, OrgStrings } from '../../i18n';
import type { Failure, Status } from '../shared/parts';

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

/** Every hook's status: 'error' when Clerk could not load (the trigger says so and stays disabled). */
export type OrgSwitcherStatus = Status;

/** The last failed switch: the option's name, a sentence for people, Clerk's own message, the error. */
export type OrgSwitcherFailure = Failure<'switch'> & { name: string };

/** The `data-*` attributes a prop getter sets (`data-state`, `data-status`, `data-active`). */
export type DataAttributes = { [attribute: `data-${string}`]: string | boolean | undefined };

/**
 * What `useOrgSwitcher()` returns: who is active, the popover (controllable), the query, the options
 * (every membership, searched across all pages, virtualized), the active option, the switch in
 * flight, its failure, the live announcement; and prop getters carrying every id, ARIA attribute,
 * key and handler, which the parts (or your own plain elements) only spread. Written out rather
 * than inferred: the hook is assembled from smaller hooks, and this is the one place its surface
 * (and every member's documentation) lives.
 */
export interface OrgSwitcherApi {
  status: Status;
  t: OrgStrings;
  /** The active organization, or null for the personal account. */
  organization: OrganizationResource | null;
  /** The user's role in it, as a label ("Admin"). */
  role: string;
  /** What the trigger says: the active organization's name, or why there is none to switch. */
  label: string;
  /**
   * Whether the personal account is left out: `hidePersonal`, a choose-organization task, or an
   * instance with personal accounts off (Clerk's `forceOrganizationSelection`).
   */
  hidePersonal: boolean;
  /**
   * The session's task while Clerk holds it pending (`'choose-organization'`…), else null. Under
   * `'choose-organization'` the trigger says "Choose an organization" and picking one resolves the task.
   */
  task: string | null;
  open: boolean;
  setOpen: (next: boolean) => void;
  /** Closes the popover and (unless `false`) returns focus to the trigger. */
  close: (returnFocus?: boolean) => void;
  query: string;
  setQuery: (q: string) => void;
  /** What the list shows: personal (unless hidden or filtered out), then memberships. */
  options: OrgOption[];
  /** The options to render (the list is virtualized): a window around the visible rows. */
  visibleOptions: OrgOption[];
  /** The index in `options` of the first of `visibleOptions`. */
  visibleStart: number;
  activeIndex: number;
  /** Makes an option active (for `aria-activedescendant`), clamped to the list. */
  setActiveIndex: (index: number) => void;
  /** Total memberships (Clerk's total_count); undefined until the first page. */
  total: number | undefined;
  loadState: 'error' | 'loading' | 'idle';
  /** True while a query waits for pages not loaded yet. */
  searching: boolean;
  /** While searching: how far the search has got ("Searching all 1200 organizations (500 loaded)…"). */
  progress: string;
  /** Whether browsing can show more rows than it does (scrolling to the end loads them). */
  hasMore: boolean;
  retry: () => void;
  select: (option: OrgOption) => Promise<void>;
  /** The option whose switch is in flight. */
  pending: OrgOption | null;
  /** The last failed switch (cleared by the next attempt and on opening). */
  failure: OrgSwitcherFailure | null;
  announcement: string;
  /** The element around the switcher: its state for CSS. */
  getRootProps: () => DataAttributes;
  /** The button that opens the popover (Arrow Up / Down open it too); focus returns here on close. */
  getTriggerProps: () => ButtonHTMLAttributes<HTMLButtonElement> & DataAttributes & { ref: RefObject<HTMLButtonElement | null> };
  /**
   * The popover (render it while `open`): `popover="manual"`, placed by `csk-os-popover` (CSS anchor
   * positioning). Escape closes it, not a surrounding dialog; so does focus leaving it.
   */
  getContentProps: () => HTMLAttributes<HTMLDivElement> & DataAttributes & { ref: RefObject<HTMLDivElement | null> };
  /** The search box: a combobox driving the listbox through `aria-activedescendant`. */
  getSearchProps: () => InputHTMLAttributes<HTMLInputElement> & DataAttributes & { ref: RefObject<HTMLInputElement | null> };
  /** The listbox: the scrolling element, as tall as 7.5 rows at most (hidden while empty). */
  getListProps: () => HTMLAttributes<HTMLDivElement> & DataAttributes & { ref: RefObject<HTMLDivElement | null> };
  /** Inside the listbox, around the options: as tall as every option, so the scrollbar is right. */
  getSpacerProps: () => HTMLAttributes<HTMLElement>;
  /**
   * One option, at its row; a click switches to it. `data-state`: `current`, `pending` or `idle`.
   * Its place in `options` is looked up unless given (`visibleStart + i` for `visibleOptions[i]`).
   */
  getItemProps: (option: OrgOption, at?: number) => HTMLAttributes<HTMLElement> & DataAttributes;
}
