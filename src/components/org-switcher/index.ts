import { Action, Empty, Footer, Item, List, LoadState, Notice, SwitchError } from './list-parts';
import { OrgSwitcher as Ready } from './org-switcher';
import { Content, Root, Search, Trigger } from './parts';

/** `<OrgSwitcher />`, plus its parts for your own layout: `<OrgSwitcher.Root value={useOrgSwitcher()}>`. */
export const OrgSwitcher = /* @__PURE__ */ Object.assign(Ready, {
  Root,
  Trigger,
  Content,
  Search,
  Notice,
  SwitchError,
  List,
  Item,
  Empty,
  LoadState,
  Footer,
  Action,
});
export type { OrgSwitcherProps } from './org-switcher';
export type { OrgSwitcherSlot } from './context';
export {
  useOrgSwitcher,
  type OrgOption,
  type OrgSwitcherApi,
  type OrgSwitcherEvent,
  type OrgSwitcherStatus,
  type UseOrgSwitcherOptions,
} from './use-org-switcher';
