'use client';
import { createContext, useContext, type ComponentProps } from 'react';
import { initials } from '../../core/format';
import { cx } from '../../theme';
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
  return { api, t: api.t, unstyled, slot, attach: api.attach };
}

/** Every part sets its own box-sizing: the kit ships no reset. */
export const BOX = 'csk:box-border';

/** Kit classes of the avatar (the personal account's is round). */
export const avatarClass = (personal: boolean) =>
  cx('csk:box-border csk:flex csk:size-7 csk:shrink-0 csk:items-center csk:justify-center csk:overflow-hidden csk:rounded-md csk:bg-muted csk:text-[11px] csk:font-semibold csk:text-foreground', personal && 'csk:rounded-full');

/** The organization's logo, else its initials; a person icon for the personal account. */
export function OrgAvatar({ name, imageUrl, hasImage, personal, ...slotProps }: { name: string; imageUrl?: string; hasImage?: boolean; personal: boolean; className?: string; 'data-slot': string }) {
  if (hasImage && imageUrl) return <img src={imageUrl} alt="" width={28} height={28} {...slotProps} />;
  return (
    <span aria-hidden="true" {...slotProps}>
      {personal ? <PersonIcon /> : initials(name)}
    </span>
  );
}

const icon = { width: 16, height: 16, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true } as const;
export const PersonIcon = () => (
  <svg {...icon}>
    <circle cx="12" cy="8" r="4" />
    <path d="M4 21a8 8 0 0 1 16 0" />
  </svg>
);
export const ChevronIcon = (props: ComponentProps<'svg'>) => (
  <svg {...icon} {...props}>
    <path d="m7 10 5 5 5-5" />
  </svg>
);
export const CheckIcon = () => (
  <svg {...icon}>
    <path d="M5 12.5 10 17 19 7" />
  </svg>
);
export const AlertIcon = () => (
  <svg {...icon}>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 7.5v5M12 16.5h.01" />
  </svg>
);
export const SearchIcon = () => (
  <svg {...icon}>
    <circle cx="11" cy="11" r="6.5" />
    <path d="m20 20-4.2-4.2" />
  </svg>
);
/** A spinner that stands still under reduced motion (the label beside it still says it). */
export const Spinner = () => (
  <svg {...icon} className="csk:animate-spin csk:motion-reduce:animate-none">
    <path d="M12 3a9 9 0 1 0 9 9" />
  </svg>
);
