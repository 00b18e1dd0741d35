'use client';
import type { ReactNode } from 'react';
import type { StylingProps } from '../../theme';
import { Action, Empty, Footer, Item, List, LoadState, Notice, SwitchError } from './org-switcher-list-parts';
import { Content, Root, Search, Trigger, type OrgSwitcherSlot } from './org-switcher-parts';
import type { UseOrgSwitcherOptions } from './org-switcher-types';
import { useOrgSwitcher } from './use-org-switcher';

export interface OrgSwitcherProps extends UseOrgSwitcherOptions, StylingProps<OrgSwitcherSlot> {
  /** "Create organization": an href for a finished link, or your own node. Left out when omitted. */
  createOrganization?: string | ReactNode;
  /** "Manage organization" (shown while an organization is active): an href or your own node. */
  manageOrganization?: string | ReactNode;
}

/**
 * The ready-made switcher, built from the parts: a trigger showing the active organization and a
 * popover with search, the virtualized list of every membership, and the optional actions.
 * Own the hook and rearrange the parts (`OrgSwitcher.Root value={useOrgSwitcher()}`) for more;
 * the parts are its statics (`OrgSwitcher.Trigger`…).
 */
export const OrgSwitcher = /* @__PURE__ */ Object.assign(
  function OrgSwitcher({ createOrganization, manageOrganization, className, classNames, unstyled, ...options }: OrgSwitcherProps) {
    const api = useOrgSwitcher(options);
    const manage = api.organization ? manageOrganization : undefined;
    return (
      <Root value={api} className={className} classNames={classNames} unstyled={unstyled}>
        <Trigger />
        <Content>
          <Search />
          <Notice />
          <SwitchError />
          <List />
          <Empty />
          <LoadState />
          {createOrganization || manage ? (
            <Footer>
              {manage ? <Action value={manage} label={api.t.orgManage} /> : null}
              {createOrganization ? <Action value={createOrganization} label={api.t.orgCreate} /> : null}
            </Footer>
          ) : null}
        </Content>
      </Root>
    );
  },
  { Root, Trigger, Content, Search, Notice, SwitchError, List, Item, Empty, LoadState, Footer, Action },
);
