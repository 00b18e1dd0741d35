import type { OrganizationMembershipResource, OrganizationResource } from '../../clerk';
import type { Localization } from '../../i18n';
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
