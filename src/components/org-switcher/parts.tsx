'use client';
import { useLayoutEffect, type ComponentProps, type ReactNode } from 'react';
import { cx, type StylingProps } from '../../theme';
import { Context, Icon, OrgAvatar, useParts, type OrgSwitcherSlot } from './context';
import type { OrgSwitcherApi } from './use-org-switcher';

export interface RootProps extends StylingProps<OrgSwitcherSlot> {
  value: OrgSwitcherApi;
  children?: ReactNode;
}

/** Provides the api (from `useOrgSwitcher()`) and the styling to every part below it. */
export function Root({ value, className, classNames, unstyled, children }: RootProps) {
  return (
    <Context.Provider value={{ api: value, classNames, unstyled }}>
      <div
        data-csk-root=""
        data-slot="root"
        data-state={value.open ? 'open' : 'closed'}
        data-status={value.status}
        className={cx(!unstyled && 'csk-os-root', classNames?.root, className)}
      >
        {children}
        <p role="status" aria-live="polite" data-slot="live-region" className="csk:sr-only">
          {value.announcement}
        </p>
      </div>
    </Context.Provider>
  );
}

/** The button that shows who is active and opens the popover. */
export function Trigger({ className, children, ...props }: ComponentProps<'button'>) {
  const { api, t, slot, attach, kit } = useParts();
  const { status, organization } = api;
  const { trigger: attachTrigger } = attach;
  const name =
    status === 'ready'
      ? (organization?.name ?? (api.hidePersonal ? t.orgNoneSelected : t.orgPersonal))
      : status === 'unavailable'
        ? t.orgUnavailable
        : status === 'signed-out'
          ? t.orgSignedOut
          : t.loading;
  return (
    <button
      type="button"
      ref={attachTrigger}
      id={api.ids.trigger}
      aria-haspopup="dialog"
      aria-expanded={api.open}
      aria-controls={api.open ? api.ids.content : undefined}
      aria-busy={status === 'loading' || undefined}
      disabled={status !== 'ready'}
      title={status === 'unavailable' ? t.orgUnavailableHint : name}
      onClick={() => api.setOpen(!api.open)}
      onKeyDown={(event) => {
        if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !api.open) {
          event.preventDefault();
          api.setOpen(true);
        }
      }}
      {...slot('trigger', 'csk-os-trigger', className)}
      data-state={api.open ? 'open' : 'closed'}
      data-status={status}
      {...props}
      style={{ anchorName: api.ids.anchor, ...props.style }}
    >
      {children ?? (
        <>
          {status === 'unavailable' ? (
            <span className={kit('csk-os-alert-icon')} aria-hidden="true">
              <Icon name="alert" />
            </span>
          ) : status === 'loading' ? (
            <span className={kit('csk-os-skeleton-avatar')} aria-hidden="true" />
          ) : (
            <OrgAvatar org={organization} />
          )}
          <span className={kit('csk-os-trigger-text')}>
            <span {...slot('name', 'csk-os-name')}>{name}</span>
            {status === 'ready' && organization && api.role ? <span {...slot('role', 'csk-os-role')}>{api.role}</span> : null}
            {status === 'unavailable' ? <span className="csk:sr-only">{t.orgUnavailableHint}</span> : null}
          </span>
          <Icon name="chevron" className={kit('csk-os-chevron')} />
        </>
      )}
    </button>
  );
}

/** Browsers without the popover API (and jsdom) get a fixed-position element instead. */
const supportsPopover = () => typeof HTMLElement !== 'undefined' && typeof HTMLElement.prototype.showPopover === 'function';

/**
 * The popover: a `popover="manual"` element in the browser's top layer, so no `overflow: hidden`
 * ancestor clips it and it stays above a modal `<dialog>`. CSS anchor positioning places it at
 * the trigger, on the side with more room, inside the viewport (`csk-os-popover` in styles.css;
 * no script runs on scroll or resize). Escape closes it (without closing a surrounding dialog)
 * and focus returns to the trigger.
 */
export function Content({ className, children, ...props }: ComponentProps<'div'>) {
  const { api, t, slot, attach } = useParts();
  const { open, elements } = api;
  const { content: attachContent } = attach;
  useLayoutEffect(() => {
    const { content, search } = elements();
    if (!open || !content) return;
    if (supportsPopover() && !content.matches(':popover-open')) content.showPopover();
    (search ?? content).focus();
  }, [open, elements]);
  if (!open) return null;
  return (
    <div
      ref={attachContent}
      id={api.ids.content}
      popover={supportsPopover() ? 'manual' : undefined}
      role="dialog"
      aria-label={t.orgSwitcherLabel}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        // Handled here: a surrounding modal dialog must not close as well.
        event.preventDefault();
        event.stopPropagation();
        api.close();
      }}
      onBlur={(event) => {
        const next = event.relatedTarget as Node | null;
        if (next && !event.currentTarget.contains(next) && !elements().trigger?.contains(next)) api.close(false);
      }}
      // Placement is behaviour, not looks: `csk-os-popover` stays when unstyled.
      {...slot('content', 'csk-os-content', cx('csk-os-popover', className))}
      data-state="open"
      {...props}
      style={{ positionAnchor: api.ids.anchor, ...props.style }}
    >
      {children}
    </div>
  );
}

/** The search box: a combobox that drives the listbox through `aria-activedescendant`. */
export function Search({ className, ...props }: ComponentProps<'input'>) {
  const { api, t, slot, unstyled, attach, kit } = useParts();
  const { search: attachSearch } = attach;
  const active = api.options[api.activeIndex];
  return (
    <div className={kit('csk-os-search-box')}>
      {unstyled ? null : <Icon name="search" />}
      <input
        ref={attachSearch}
        id={api.ids.search}
        type="text"
        role="combobox"
        aria-label={t.orgSearchLabel}
        aria-expanded="true"
        aria-controls={api.ids.list}
        aria-autocomplete="list"
        aria-activedescendant={active ? api.ids.option(active.id) : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder={t.orgSearchPlaceholder}
        value={api.query}
        onChange={(event) => api.setQuery(event.target.value)}
        onKeyDown={api.onSearchKeyDown}
        {...slot('search', 'csk-os-search', className)}
        {...props}
      />
    </div>
  );
}
