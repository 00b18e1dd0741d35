'use client';
import { useEffect, useLayoutEffect, useRef, useState, type ComponentProps, type ReactNode } from 'react';
import { Icon, OrgAvatar, Spinner, useParts } from './context';
import { roleLabel, type OrgOption } from './use-org-switcher';

/** Every row is this tall (a 44 px touch target), which is what makes the window arithmetic exact. */
export const ROW_HEIGHT = 44;
/** Rows visible at most before the list scrolls. */
const VISIBLE = 7.5;
/** Rows rendered beyond each edge of the visible window. */
const OVERSCAN = 4;

/** Which rows to render for a scroll position: a window around the visible ones. */
export function windowOf(scrollTop: number, viewport: number, count: number) {
  const start = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const end = Math.min(count, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  return { start, end };
}

/**
 * The listbox, virtualized: only the rows near the visible window are in the DOM (about 20 of
 * 10,000), in a spacer as tall as all of them. The active option is always scrolled into view
 * and rendered, so `aria-activedescendant` never points at nothing. Reaching the end loads
 * Clerk's next page.
 */
export function List({
  className,
  children,
  ...props
}: Omit<ComponentProps<'div'>, 'children'> & { children?: (option: OrgOption, index: number) => ReactNode }) {
  const { api, t, slot } = useParts();
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const count = api.options.length;
  const viewport = Math.min(count, VISIBLE) * ROW_HEIGHT;
  const { start, end } = windowOf(scrollTop, viewport, count);
  const { activeIndex, hasMore, loadMore } = api;

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || activeIndex < 0) return;
    const top = activeIndex * ROW_HEIGHT;
    const height = el.clientHeight || viewport;
    const current = el.scrollTop || scrollTop;
    const next = top < current ? top : top + ROW_HEIGHT > current + height ? top + ROW_HEIGHT - height : current;
    if (next !== el.scrollTop) el.scrollTop = next;
    // Render the new window before paint: the active row must exist for assistive technology.
    setScrollTop(next);
    // Only a new active row (or list height) moves the scroll position; scrolling by hand does not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [activeIndex, viewport]);

  useEffect(() => {
    if (hasMore && end >= count - OVERSCAN) loadMore();
  }, [hasMore, end, count, loadMore]);

  if (count === 0) return <div id={api.ids.list} role="listbox" aria-label={t.orgListLabel} hidden />;
  const rows: ReactNode[] = [];
  for (let i = start; i < end; i++)
    rows.push(children ? children(api.options[i]!, i) : <Item key={api.options[i]!.id} option={api.options[i]!} index={i} />);
  return (
    <div
      ref={ref}
      id={api.ids.list}
      role="listbox"
      aria-label={t.orgListLabel}
      aria-busy={api.searching || undefined}
      tabIndex={-1}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      {...slot('list', 'csk-os-list', className)}
      {...props}
      style={{ height: viewport, ...props.style }}
    >
      <div role="presentation" style={{ position: 'relative', height: count * ROW_HEIGHT }}>
        {rows}
      </div>
    </div>
  );
}

/** One option. The current organization is `aria-selected`; the pending one shows a spinner. */
export function Item({ option, index, className, ...props }: ComponentProps<'div'> & { option: OrgOption; index: number }) {
  const { api, t, slot, kit } = useParts();
  const active = index === api.activeIndex;
  const current = option.id === api.currentId;
  const pending = api.pending?.id === option.id;
  const org = option.kind === 'organization' ? option.membership.organization : null;
  const detail =
    option.kind === 'organization' ? [roleLabel(option.membership), option.membership.organization.slug].filter(Boolean).join(' · ') : '';
  const complete = !api.hasMore && !api.searching;
  return (
    <div
      id={api.ids.option(option.id)}
      role="option"
      aria-selected={current}
      aria-busy={pending || undefined}
      aria-setsize={complete ? api.options.length : -1}
      aria-posinset={index + 1}
      title={option.name}
      onClick={() => void api.select(option)}
      onPointerMove={() => active || api.setActiveIndex(index)}
      // Keep focus in the search box, where the keyboard is.
      onMouseDown={(event) => event.preventDefault()}
      {...slot('item', 'csk-os-item', className)}
      data-state={pending ? 'pending' : current ? 'current' : 'idle'}
      data-active={active || undefined}
      {...props}
      style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT, ...props.style }}
    >
      <OrgAvatar org={org} />
      <span className={kit('csk-os-text')}>
        <span {...slot('name', 'csk-os-name')}>{option.name}</span>
        {detail ? <span {...slot('role', 'csk-os-role')}>{detail}</span> : null}
      </span>
      <span className={kit('csk-os-mark')}>
        {pending ? (
          <>
            <Spinner />
            <span className="csk:sr-only">{t.orgSwitching({ name: option.name })}</span>
          </>
        ) : current ? (
          <>
            <span className={kit('csk:text-foreground')}>
              <Icon name="check" />
            </span>
            <span className="csk:sr-only">{t.current}</span>
          </>
        ) : null}
      </span>
    </div>
  );
}

/** Says plainly when there is nothing to list, or nothing matches. */
export function Empty({ className, ...props }: ComponentProps<'p'>) {
  const { api, t, slot } = useParts();
  const memberships = api.options.length > 1 || api.options[0]?.kind === 'organization';
  if (api.total === undefined || memberships || api.searching || (api.loadState === 'loading' && api.hasMore)) return null;
  return (
    <p {...slot('empty', 'csk-os-empty', className)} {...props}>
      {api.query.trim() ? t.orgNoMatches({ query: api.query.trim() }) : t.orgNoMemberships}
    </p>
  );
}

/** The first page's skeleton, a "loading more" row, or a failed page with a retry. */
export function LoadState({ className, ...props }: ComponentProps<'div'>) {
  const { api, t, slot, kit } = useParts();
  const row = 'csk-os-status-row';
  if (api.total === undefined && api.loadState === 'loading') {
    return (
      <div {...slot('status', 'csk-os-status', className)} data-state="loading" aria-busy="true" {...props}>
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
      <div {...slot('status', `${row} csk:text-destructive`, className)} data-state="error" role="alert" {...props}>
        <span className={kit('csk:flex-1')}>{t.orgPageFailed}</span>
        <button type="button" onClick={api.retry} className={kit('csk-k-button csk-k-focus csk-k-outline')}>
          {t.retry}
        </button>
      </div>
    );
  }
  if (api.loadState === 'loading' && (api.hasMore || api.searching)) {
    return (
      <div {...slot('status', row, className)} data-state="loading" {...props}>
        <Spinner />
        <span>{api.progress || t.orgLoadingMore}</span>
      </div>
    );
  }
  return null;
}

/** A failed switch, next to the list: a sentence for people, Clerk's message behind Details. */
export function SwitchError({ className, ...props }: ComponentProps<'div'>) {
  const { api, t, slot, kit } = useParts();
  if (!api.failure) return null;
  return (
    <div {...slot('error', 'csk-os-error', className)} role="alert" {...props}>
      <p className={kit('csk-os-headline')}>{t.orgSwitchFailed({ name: api.failure.name })}</p>
      <p className={kit('csk:m-0')}>{api.failure.text}</p>
      {api.failure.detail ? (
        <details className={kit('csk-os-details')}>
          <summary className={kit('csk-k-summary')}>{t.details}</summary>
          {api.failure.detail}
        </details>
      ) : null}
    </div>
  );
}

/** Without an active organization (and no personal account to fall back to), says so. */
export function Notice({ className, ...props }: ComponentProps<'p'>) {
  const { api, t, slot } = useParts();
  if (api.organization || !api.hidePersonal) return null;
  return (
    <p {...slot('notice', 'csk-os-notice', className)} {...props}>
      {t.orgNoneActive}
    </p>
  );
}

/** Under the list: where the create / manage actions go. */
export function Footer({ className, ...props }: ComponentProps<'div'>) {
  const { slot } = useParts();
  return <div {...slot('footer', 'csk-os-footer', className)} {...props} />;
}

/** A footer action: an href becomes a finished link in the kit's style; a node replaces it. */
export function Action({ value, label, className }: { value: string | ReactNode; label: string; className?: string }) {
  const { slot } = useParts();
  if (typeof value !== 'string') return <>{value}</>;
  return (
    <a href={value} {...slot('action', 'csk-os-action', className)}>
      {label}
    </a>
  );
}
