'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { initials } from '../../core/format';
import { cx, slots, type StylingProps } from '../../theme';
import type { OrganizationResource } from '../../clerk';
import { createParts, Icon, LiveRegion, mergeProps, type SlotFn } from '../shared/parts';
import type { OrgSwitcherApi } from './use-org-switcher';

export type OrgSwitcherSlot =
  | 'root'
  | 'trigger'
  | 'avatar'
  | 'name'
  | 'role'
  | 'content'
  | 'search'
  | 'notice'
  | 'error'
  | 'list'
  | 'item'
  | 'empty'
  | 'status'
  | 'spinner'
  | 'footer'
  | 'action';

/** Kit classes for an element without a slot of its own: none when unstyled. */
type Kit = (classes: string) => string | undefined;

/** The provider `Root` renders, and `usePart(name)` for every part below it. */
export const { PartsProvider, usePart } = createParts<OrgSwitcherApi, { kit: Kit }>('OrgSwitcher');

/** Icon paths (24 px grid, stroked), circles written as two arcs so every icon is one path. */
const PERSON = 'M16 8a4 4 0 1 1-8 0 4 4 0 0 1 8 0M4 21a8 8 0 0 1 16 0';
const CHEVRON = 'm7 10 5 5 5-5';
export const CHECK = 'M5 12.5 10 17 19 7';
const ALERT = 'M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0M12 7.5v5M12 16.5h.01';
const SEARCH = 'M17.5 11a6.5 6.5 0 1 1-13 0 6.5 6.5 0 0 1 13 0m2.5 9-4.2-4.2';

/** The organization's logo, else its initials; a person icon (and a round shape) for the personal account. */
export function OrgAvatar({ org, slot }: { org: OrganizationResource | null | undefined; slot: SlotFn }) {
  const props = slot('avatar', cx('csk-os-avatar', !org && 'csk:rounded-full'));
  if (org?.hasImage && org.imageUrl) return <img src={org.imageUrl} alt="" width={28} height={28} {...props} />;
  return (
    <span aria-hidden="true" {...props}>
      {org ? initials(org.name) : <Icon d={PERSON} />}
    </span>
  );
}

export interface OrgSwitcherRootProps extends Omit<ComponentPropsWithoutRef<'div'>, 'className'>, StylingProps<OrgSwitcherSlot> {
  /** The api from `useOrgSwitcher()`: you own the hook, the parts render it. */
  value: OrgSwitcherApi;
}

/** Provides the api and the styling to every part below it, and announces switches to screen readers. */
export const Root = forwardRef<HTMLDivElement, OrgSwitcherRootProps>(function Root(
  { value, classNames, unstyled = false, children, ...props },
  ref,
) {
  const kit: Kit = (classes) => (unstyled ? undefined : classes);
  const root = { ...value.getRootProps(), 'data-csk-root': '', ...slots({ classNames, unstyled })('root', 'csk-os-root') };
  // eslint-disable-next-line react-hooks/refs -- mergeProps composes the forwarded ref into a callback ref; nothing reads it during render
  const own = mergeProps(root, { ...props, ref });
  return (
    <PartsProvider api={value} classNames={classNames} unstyled={unstyled} extra={{ kit }}>
      <div {...own}>
        {children}
        <LiveRegion message={value.announcement} />
      </div>
    </PartsProvider>
  );
});

/** The button that shows who is active and opens the popover. */
export const Trigger = forwardRef<HTMLButtonElement, ComponentPropsWithoutRef<'button'>>(function Trigger({ children, ...props }, ref) {
  const { api, slot, kit } = usePart('Trigger');
  const { status, t } = api;
  // eslint-disable-next-line react-hooks/refs -- mergeProps composes the forwarded ref into a callback ref; nothing reads it during render
  const own = mergeProps({ ...api.getTriggerProps(), ...slot('trigger', 'csk-os-trigger') }, { ...props, ref });
  return (
    <button {...own}>
      {children ?? (
        <>
          {status === 'error' ? (
            <span className={kit('csk-os-alert-icon')} aria-hidden="true">
              <Icon d={ALERT} />
            </span>
          ) : status === 'loading' ? (
            <span className={kit('csk-os-skeleton-avatar')} aria-hidden="true" />
          ) : (
            <OrgAvatar org={api.organization} slot={slot} />
          )}
          <span className={kit('csk-os-trigger-text')}>
            <span {...slot('name', 'csk-os-name')}>{api.label}</span>
            {api.role ? <span {...slot('role', 'csk-os-role')}>{api.role}</span> : null}
            {status === 'error' ? <span className="csk:sr-only">{t.orgUnavailableHint}</span> : null}
          </span>
          <Icon d={CHEVRON} className={kit('csk-os-chevron')} />
        </>
      )}
    </button>
  );
});

/**
 * The popover, rendered while open: in the browser's top layer, so no `overflow: hidden`
 * ancestor clips it and it stays above a modal `<dialog>`; CSS anchor positioning places it at
 * the trigger (`csk-os-popover` in styles.css). The hook moves focus in and back out.
 */
export const Content = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'>>(function Content(props, ref) {
  const { api, slot } = usePart('Content');
  if (!api.open) return null;
  // Placement is behaviour, not looks: `csk-os-popover` stays when unstyled.
  // eslint-disable-next-line react-hooks/refs -- mergeProps composes the forwarded ref into a callback ref; nothing reads it during render
  const own = mergeProps({ ...api.getContentProps(), ...slot('content', 'csk-os-content', 'csk-os-popover') }, { ...props, ref });
  return <div {...own} />;
});

/** The search box: a combobox that drives the listbox through `aria-activedescendant`. */
export const Search = forwardRef<HTMLInputElement, ComponentPropsWithoutRef<'input'>>(function Search(props, ref) {
  const { api, slot, unstyled, kit } = usePart('Search');
  // eslint-disable-next-line react-hooks/refs -- mergeProps composes the forwarded ref into a callback ref; nothing reads it during render
  const own = mergeProps({ ...api.getSearchProps(), ...slot('search', 'csk-os-search') }, { ...props, ref });
  return (
    <div className={kit('csk-os-search-box')}>
      {unstyled ? null : <Icon d={SEARCH} />}
      <input {...own} />
    </div>
  );
});
