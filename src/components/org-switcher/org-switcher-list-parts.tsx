'use client';
import { forwardRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { Icon, mergeProps, Spinner } from '../shared/parts';
import { CHECK, OrgAvatar, usePart } from './org-switcher-parts';
import type { OrgOption } from './org-switcher-types';
import { roleLabel } from './use-org-switcher';

export interface OrgSwitcherListProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** Renders one option (default: `<Item option={option} index={index} />`); called for the visible rows only. */
  children?: (option: OrgOption, index: number) => ReactNode;
}

/**
 * The listbox, virtualized: only the rows near the visible window are in the DOM (about 20 of
 * 10,000), in a spacer as tall as all of them. The hook keeps the active option scrolled into
 * view and rendered, and loads Clerk's next page when the end comes into view.
 */
export const List = forwardRef<HTMLDivElement, OrgSwitcherListProps>(function List({ children, ...props }, ref) {
  const { api, slot } = usePart('List');
  return (
    <div {...mergeProps({ ...api.getListProps(), ...slot('list', 'csk-os-list') }, { ...props, ref })}>
      <div {...api.getSpacerProps()}>
        {api.visibleOptions.map((option, i) =>
          children ? children(option, api.visibleStart + i) : <Item key={option.id} option={option} index={api.visibleStart + i} />,
        )}
      </div>
    </div>
  );
});

export interface OrgSwitcherItemProps extends ComponentPropsWithoutRef<'div'> {
  option: OrgOption;
  /** Its place in `api.options` (found when left out). */
  index?: number;
}

/** One option. The current organization is `aria-selected`; the pending one shows a spinner. */
export const Item = forwardRef<HTMLDivElement, OrgSwitcherItemProps>(function Item({ option, index, ...props }, ref) {
  const { api, slot, kit } = usePart('Item');
  const { t } = api;
  const own = api.getItemProps(option, index);
  const state = own['data-state'];
  const org = option.kind === 'organization' ? option.membership : null;
  const detail = roleLabel(org, t);
  return (
    <div {...mergeProps({ ...own, ...slot('item', 'csk-os-item') }, { ...props, ref })}>
      <OrgAvatar org={org?.organization} slot={slot} />
      <span className={kit('csk-os-text')}>
        <span {...slot('name', 'csk-os-name')}>{option.name}</span>
        {detail ? <span {...slot('role', 'csk-os-role')}>{detail}</span> : null}
      </span>
      <span className={kit('csk-os-mark')}>
        {state === 'idle' ? null : (
          <>
            {state === 'pending' ? (
              <Spinner slot={slot} />
            ) : (
              <span className={kit('csk:text-foreground')}>
                <Icon d={CHECK} />
              </span>
            )}
            <span className="csk:sr-only">{state === 'pending' ? t.orgSwitching({ name: option.name }) : t.current}</span>
          </>
        )}
      </span>
    </div>
  );
});

/** Says plainly when there is nothing to list, or nothing matches. */
export const Empty = forwardRef<HTMLParagraphElement, ComponentPropsWithoutRef<'p'>>(function Empty(props, ref) {
  const { api, slot } = usePart('Empty');
  const { t, options, query } = api;
  const memberships = options.length > 1 || options[0]?.kind === 'organization';
  if (api.total === undefined || memberships || api.searching || (api.loadState === 'loading' && api.hasMore)) return null;
  return (
    <p {...mergeProps(slot('empty', 'csk-os-empty'), { ...props, ref })}>
      {query.trim() ? t.orgNoMatches({ query: query.trim() }) : t.orgNoMemberships}
    </p>
  );
});

/** The first page's skeleton, a "loading more" row, or a failed page with a retry. */
export const LoadState = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'>>(function LoadState(props, ref) {
  const { api, slot, kit } = usePart('LoadState');
  const { t } = api;
  const row = 'csk-os-status-row';
  const own = { ...props, ref };
  if (api.total === undefined && api.loadState === 'loading') {
    return (
      <div {...mergeProps({ ...slot('status', 'csk-os-status'), 'data-state': 'loading', 'aria-busy': true }, own)}>
        <span className="csk:sr-only">{t.loading}</span>
        {[0, 1, 2].map((i) => (
          <span key={i} aria-hidden="true" className={kit('csk-os-skeleton-row')}>
            <span className={kit('csk-os-skeleton-avatar')} />
            <span className={kit('csk-os-skeleton-text')} />
          </span>
        ))}
      </div>
    );
  }
  if (api.loadState === 'error') {
    return (
      <div {...mergeProps({ ...slot('status', `${row} csk:text-destructive`), 'data-state': 'error', role: 'alert' }, own)}>
        <span className={kit('csk:flex-1')}>{t.orgPageFailed}</span>
        <button type="button" onClick={api.retry} className={kit('csk-k-button csk-k-focus csk-k-outline')}>
          {t.retry}
        </button>
      </div>
    );
  }
  if (api.loadState === 'loading' && (api.hasMore || api.searching)) {
    return (
      <div {...mergeProps({ ...slot('status', row), 'data-state': 'loading' }, own)}>
        <Spinner slot={slot} />
        <span>{api.progress || t.orgLoadingMore}</span>
      </div>
    );
  }
  return null;
});

/** A failed switch, next to the list: a sentence for people, Clerk's message behind Details. */
export const SwitchError = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'>>(function SwitchError(props, ref) {
  const { api, slot, kit } = usePart('SwitchError');
  const { t, failure } = api;
  if (!failure) return null;
  return (
    <div {...mergeProps({ ...slot('error', 'csk-os-error'), role: 'alert' }, { ...props, ref })}>
      <p className={kit('csk-os-headline')}>{t.orgSwitchFailed({ name: failure.name })}</p>
      <p className={kit('csk:m-0')}>{failure.text}</p>
      {failure.detail ? (
        <details className={kit('csk-os-details')}>
          <summary className={kit('csk-k-summary')}>{t.details}</summary>
          {failure.detail}
        </details>
      ) : null}
    </div>
  );
});

/** Without an active organization (and no personal account to fall back to), says so. */
export const Notice = forwardRef<HTMLParagraphElement, ComponentPropsWithoutRef<'p'>>(function Notice(props, ref) {
  const { api, slot } = usePart('Notice');
  if (api.organization || !api.hidePersonal) return null;
  return <p {...mergeProps(slot('notice', 'csk-os-notice'), { ...props, ref })}>{api.t.orgNoneActive}</p>;
});

/** Under the list: where the create / manage actions go. */
export const Footer = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'>>(function Footer(props, ref) {
  const { slot } = usePart('Footer');
  return <div {...mergeProps(slot('footer', 'csk-os-footer'), { ...props, ref })} />;
});

export interface OrgSwitcherActionProps extends Omit<ComponentPropsWithoutRef<'a'>, 'children'> {
  /** An href for a finished link in the kit's style, or your own node in its place. */
  value: string | ReactNode;
  /** The link's text. */
  label: string;
}

/** A footer action: an href becomes a finished link in the kit's style; a node replaces it. */
export const Action = forwardRef<HTMLAnchorElement, OrgSwitcherActionProps>(function Action({ value, label, ...props }, ref) {
  const { slot } = usePart('Action');
  if (typeof value !== 'string') return <>{value}</>;
  return <a {...mergeProps({ href: value, ...slot('action', 'csk-os-action') }, { ...props, ref })}>{label}</a>;
});
