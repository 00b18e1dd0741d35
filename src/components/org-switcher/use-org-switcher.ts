'use client';
import { useId } from 'react';
import { useClerk, useOrganization, useSession, useUser, type OrganizationMembershipResource } from '../../clerk';
import { enCommon, enOrg, useStrings } from '../../i18n';
import { useControllable, useLatest, useTakingLong, type Status } from '../shared/parts';
import { listGetters, popoverGetters } from './org-switcher-getters';
import type { OrgSwitcherApi, UseOrgSwitcherOptions } from './org-switcher-types';
import { useOrgList } from './use-org-list';
import { usePopover } from './use-popover';
import { useSwitch } from './use-switch';

/** A membership's role for people: Clerk's name for it, else one made from its key. */
export const roleLabel = (m: OrganizationMembershipResource | null | undefined) =>
  m ? m.roleName || m.role.replace(/^org:/, '').replace(/^\w/, (c) => c.toUpperCase()) : '';

/**
 * Headless OrgSwitcher (see `OrgSwitcherApi`): the hooks below it hold the list, the popover and the
 * switch; this one adds who is active and what the trigger and the live region say.
 */
export function useOrgSwitcher(options: UseOrgSwitcherOptions = {}): OrgSwitcherApi {
  const { pageSize = 20 } = options;
  const t = useStrings(options.localization, enCommon, enOrg);
  const { isLoaded, user } = useUser();
  // A session Clerk holds pending: with a choose-organization task, personal accounts are off
  // (Clerk gives that task only then), so the list is memberships only, and a pick resolves it.
  const { session } = useSession();
  const task = session?.status === 'pending' ? (session.currentTask?.key ?? null) : null;
  const choosing = task === 'choose-organization';
  const hidePersonal = options.hidePersonal === true || choosing;
  const { organization, membership } = useOrganization();
  const id = useId();
  const activeOrgId = organization?.id ?? null;
  const [open, setOpen] = useControllable({
    value: options.open,
    defaultValue: options.defaultOpen ?? false,
    onChange: options.onOpenChange,
  });
  const [list, win, needle] = useOrgList(open, pageSize, hidePersonal, t, activeOrgId);
  const [popover, elements] = usePopover(open, setOpen, list.setQuery, win.setScrollTop);
  // The switch reads the latest render and options through this ref.
  const { select, pending, failure, switched } = useSwitch(open, useLatest({ options, activeOrgId, t }), popover.close);

  const status: Status = useClerk().status === 'error' ? 'error' : !isLoaded ? 'loading' : !user ? 'signed-out' : 'ready';
  const slow = useTakingLong(status === 'loading');
  const label =
    status === 'ready'
      ? (organization?.name ?? (choosing ? t.taskChooseOrganization : hidePersonal ? t.orgNoneSelected : t.orgPersonal))
      : status === 'error'
        ? t.orgUnavailable
        : status === 'signed-out'
          ? t.orgSignedOut
          : slow
            ? t.loadingSlow
            : t.loading;
  return {
    status,
    t,
    organization: organization ?? null,
    role: roleLabel(membership),
    label,
    hidePersonal,
    task,
    ...popover,
    ...list,
    select,
    pending,
    failure,
    announcement:
      switched ||
      (pending ? t.orgSwitching({ name: pending.name }) : '') ||
      (needle && open ? list.progress || t.orgResults({ count: list.options.length }) : ''),
    ...popoverGetters(popover, status, label, t, elements, id),
    ...listGetters(list, select, pending, t, elements, win, id, activeOrgId ?? 'personal'),
  };
}

export type { OrgSwitcherApi };
