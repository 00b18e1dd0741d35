export { OrgSwitcher, type OrgSwitcherProps } from './org-switcher';
export type { OrgSwitcherRootProps, OrgSwitcherSlot } from './org-switcher-parts';
export type { OrgSwitcherActionProps, OrgSwitcherItemProps, OrgSwitcherListProps } from './org-switcher-list-parts';
export { useOrgSwitcher, type OrgSwitcherApi } from './use-org-switcher';
export type { OrgOption, OrgSwitcherEvent, OrgSwitcherFailure, OrgSwitcherStatus, UseOrgSwitcherOptions } from './org-switcher-types';
