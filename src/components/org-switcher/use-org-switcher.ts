'use client';
import { useId } from 'react';
import { personalAccountsOff, useClerk, useOrganization, useSession, useUser, type OrganizationMembershipResource } from '../../clerk';
import { roleName } from '../../core/clerk-rules';
import { enCommon, enOrg, useStrings, type OrgStrings } from '../../i18n';
import { useControllable, useLatest, useTakingLong, type Status } from '../shared/parts';
import { listGetters, popoverGetters } from './org-switcher-getters';
import type { OrgSwitcherApi, UseOrgSwitcherOptions } from './org-switcher-types';
import { useOrgList } from './use-org-list';
import { usePopover } from './use-popover';
import { useSwitch } from './use-switch';

/**
 * Clerk's default roles by key, also under the keys older instances have (Clerk's UI names those by
 * its `membershipRole__*` strings), each with the name an instance gives it until renamed.
 */
const DEFAULT_ROLES: Partial<Record<string, 'Admin' | 'Member' | 'Guest'>> = {
  'org:admin': 'Admin',
  admin: 'Admin',
  'org:member': 'Member',
  basic_member: 'Member',
  guest_member: 'Guest',
};

/**
 * A membership's role for people. A default role the instance has not renamed in the
 * localization's words (`roleAdmin`, `roleMember`, `roleGuest`); any other role by the instance's
 * name for it (Clerk's `roleName`), else by one made from its key.
 */
export const roleLabel = (m: OrganizationMembershipResource | null | undefined, t: OrgStrings) => {
  const own = m && DEFAULT_ROLES[m.role];
  return !m ? '' : own && (!m.roleName || m.roleName === own) ? t[`role${own}`] : m.roleName || roleName(m.role);
};

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
  // Once it is done they stay off: Clerk's environment says so, and setActive ignores a personal pick.
  const { session } = useSession();
  const clerk = useClerk();
  const task = session?.status === 'pending' ? (session.currentTask?.key ?? null) : null;
  const choosing = task === 'choose-organization';
  const hidePersonal = options.hidePersonal === true || choosing || personalAccountsOff(clerk);
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

  const status: Status = clerk.status === 'error' ? 'error' : !isLoaded ? 'loading' : !user ? 'signed-out' : 'ready';
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
    role: roleLabel(membership, t),
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
