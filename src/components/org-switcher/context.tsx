'use client';
import { createContext, useContext } from 'react';
import { initials } from '../../core/format';
import { cx } from '../../theme';
import type { OrganizationResource } from '../../clerk';
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
  | 'footer'
  | 'action';

interface PartsContext {
  api: OrgSwitcherApi;
  classNames?: Partial<Record<OrgSwitcherSlot, string>>;
  unstyled?: boolean;
}

export const Context = createContext<PartsContext | null>(null);

/** The api and styling of the nearest `OrgSwitcher.Root`, plus a `slot()` that honours them. */
export function useParts() {
  const ctx = useContext(Context);
  if (!ctx) throw new Error('OrgSwitcher parts must be rendered inside <OrgSwitcher.Root value={useOrgSwitcher()}>.');
  const { api, classNames, unstyled } = ctx;
  const slot = (name: OrgSwitcherSlot, kit: string | undefined, className?: string) => ({
    'data-slot': name,
    className: cx(!unstyled && kit, classNames?.[name], className),
  });
  /** Kit classes for an element without a slot of its own: none when unstyled. */
  const kit = (classes: string) => (unstyled ? undefined : classes);
  return { api, t: api.t, unstyled, slot, kit, attach: api.attach };
}

/** The organization's logo, else its initials; a person icon (and a round shape) for the personal account. */
export function OrgAvatar({ org }: { org: OrganizationResource | null | undefined }) {
  const { slot } = useParts();
  const props = slot('avatar', cx('csk-os-avatar', !org && 'csk:rounded-full'));
  if (org?.hasImage && org.imageUrl) return <img src={org.imageUrl} alt="" width={28} height={28} {...props} />;
  return (
    <span aria-hidden="true" {...props}>
      {org ? initials(org.name) : <Icon name="person" />}
    </span>
  );
}

/** Icon paths (24 px grid, stroked), circles written as two arcs so every icon is one path. */
const ICONS = {
  person: 'M16 8a4 4 0 1 1-8 0 4 4 0 0 1 8 0M4 21a8 8 0 0 1 16 0',
  chevron: 'm7 10 5 5 5-5',
  check: 'M5 12.5 10 17 19 7',
  alert: 'M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0M12 7.5v5M12 16.5h.01',
  search: 'M17.5 11a6.5 6.5 0 1 1-13 0 6.5 6.5 0 0 1 13 0m2.5 9-4.2-4.2',
};

/** The spinner: a ring drawn by its border, still under reduced motion (the label beside it still says it). */
export function Spinner() {
  const { kit } = useParts();
  return <span aria-hidden="true" className={kit('csk-k-ring csk-k-spin')} />;
}

/** A 16 px icon. */
export const Icon = ({ name, className }: { name: keyof typeof ICONS; className?: string }) => (
  <svg
    width={16}
    height={16}
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth={2}
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
    className={className}
  >
    <path d={ICONS[name]} />
  </svg>
);
