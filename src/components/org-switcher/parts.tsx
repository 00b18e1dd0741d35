'use client';
import { useLayoutEffect, type ComponentProps, type ReactNode } from 'react';
import type { StylingProps } from '../../theme';
import { AlertIcon, avatarClass, BOX, ChevronIcon, Context, OrgAvatar, SearchIcon, useParts, type OrgSwitcherSlot } from './context';
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
        className={[!unstyled && `${BOX} csk:relative csk:inline-flex csk:max-w-full csk:font-sans csk:text-foreground`, classNames?.root, className].filter(Boolean).join(' ') || undefined}
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
  const { api, t, slot, attach } = useParts();
  const { status, organization } = api;
  const { trigger: attachTrigger } = attach;
  const kit = `${BOX} csk:inline-flex csk:h-10 csk:max-w-full csk:min-w-0 csk:items-center csk:gap-2 csk:rounded-md csk:border csk:border-solid csk:border-border csk:bg-background csk:py-1 csk:pl-1.5 csk:pr-2 csk:text-left csk:text-sm csk:text-foreground csk:cursor-pointer csk:[font-family:inherit] csk:outline-none csk:hover:bg-accent csk:focus-visible:ring-2 csk:focus-visible:ring-ring csk:disabled:cursor-not-allowed csk:disabled:opacity-70 csk:pointer-coarse:h-11`;
  const name = status === 'ready' ? (organization?.name ?? (api.hidePersonal ? t.orgNoneSelected : t.orgPersonal)) : status === 'unavailable' ? t.orgUnavailable : status === 'signed-out' ? t.orgSignedOut : t.loading;
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
      {...slot('trigger', kit, className)}
      data-state={api.open ? 'open' : 'closed'}
      data-status={status}
      {...props}
    >
      {children ?? (
        <>
          {status === 'unavailable' ? (
            <span className="csk:flex csk:size-7 csk:shrink-0 csk:items-center csk:justify-center csk:text-destructive" aria-hidden="true">
              <AlertIcon />
            </span>
          ) : status === 'loading' ? (
            <span className="csk:size-7 csk:shrink-0 csk:rounded-md csk:bg-muted csk:animate-pulse csk:motion-reduce:animate-none" aria-hidden="true" />
          ) : (
            <OrgAvatar name={organization?.name ?? ''} imageUrl={organization?.imageUrl} hasImage={organization?.hasImage} personal={!organization} {...slot('avatar', avatarClass(!organization))} />
          )}
          <span className="csk:flex csk:min-w-0 csk:flex-col csk:leading-tight">
            <span {...slot('name', 'csk:truncate csk:font-medium')}>{name}</span>
            {status === 'ready' && organization && api.role ? <span {...slot('role', 'csk:truncate csk:text-xs csk:text-muted-foreground')}>{api.role}</span> : null}
            {status === 'unavailable' ? <span className="csk:sr-only">{t.orgUnavailableHint}</span> : null}
          </span>
          <ChevronIcon className="csk:ml-auto csk:shrink-0 csk:text-muted-foreground" />
        </>
      )}
    </button>
  );
}

/** Browsers without the popover API (and jsdom) get a fixed-position element instead. */
const supportsPopover = () => typeof HTMLElement !== 'undefined' && typeof HTMLElement.prototype.showPopover === 'function';

const GAP = 4;
const MARGIN = 8;

/** Places the popover below the trigger, or above when there is more room there, inside the viewport. */
function place(content: HTMLElement, trigger: HTMLElement) {
  const r = trigger.getBoundingClientRect();
  const vw = document.documentElement.clientWidth || window.innerWidth;
  const vh = window.innerHeight;
  const width = Math.min(Math.max(r.width, 288), vw - 2 * MARGIN);
  content.style.width = `${width}px`;
  const below = vh - r.bottom - GAP - MARGIN;
  const above = r.top - GAP - MARGIN;
  const downward = content.scrollHeight <= below || below >= above;
  content.style.maxHeight = `${Math.max(120, downward ? below : above)}px`;
  const height = content.offsetHeight;
  content.style.top = `${downward ? r.bottom + GAP : Math.max(MARGIN, r.top - GAP - height)}px`;
  content.style.left = `${Math.min(Math.max(MARGIN, r.left), vw - width - MARGIN)}px`;
  content.dataset.side = downward ? 'bottom' : 'top';
}

/**
 * The popover: a `popover="manual"` element in the browser's top layer, so no `overflow: hidden`
 * ancestor clips it and it stays above a modal `<dialog>`; placed next to the trigger, flipped
 * and clamped to the viewport. Escape closes it (without closing a surrounding dialog) and
 * focus returns to the trigger.
 */
export function Content({ className, children, ...props }: ComponentProps<'div'>) {
  const { api, t, slot, attach } = useParts();
  const { open, elements } = api;
  const { content: attachContent } = attach;
  useLayoutEffect(() => {
    const { content, trigger, search } = elements();
    if (!open || !content || !trigger) return;
    if (supportsPopover() && !content.matches(':popover-open')) content.showPopover();
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => place(content, trigger));
    };
    place(content, trigger);
    (search ?? content).focus();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(update) : null;
    observer?.observe(content);
    window.addEventListener('resize', update);
    window.addEventListener('scroll', update, true);
    return () => {
      cancelAnimationFrame(frame);
      observer?.disconnect();
      window.removeEventListener('resize', update);
      window.removeEventListener('scroll', update, true);
    };
  }, [open, elements]);
  if (!open) return null;
  const kit = `${BOX} csk:m-0 csk:flex csk:flex-col csk:overflow-auto csk:rounded-md csk:border csk:border-solid csk:border-border csk:bg-card csk:p-0 csk:text-card-foreground csk:font-sans csk:shadow-lg`;
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
      {...slot('content', kit, className)}
      data-state="open"
      {...props}
      style={{ position: 'fixed', inset: 'auto', zIndex: 50, ...props.style }}
    >
      {children}
    </div>
  );
}

/** The search box: a combobox that drives the listbox through `aria-activedescendant`. */
export function Search({ className, ...props }: ComponentProps<'input'>) {
  const { api, t, slot, unstyled, attach } = useParts();
  const { search: attachSearch } = attach;
  const active = api.options[api.activeIndex];
  return (
    <div className={unstyled ? undefined : `${BOX} csk:flex csk:items-center csk:gap-2 csk:border-0 csk:border-b csk:border-solid csk:border-border csk:px-3 csk:text-muted-foreground`}>
      {unstyled ? null : <SearchIcon />}
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
        {...slot('search', `${BOX} csk:h-11 csk:w-full csk:min-w-0 csk:border-0 csk:bg-transparent csk:p-0 csk:text-sm csk:text-foreground csk:outline-none csk:[font-family:inherit] csk:placeholder:text-muted-foreground`, className)}
        {...props}
      />
    </div>
  );
}
