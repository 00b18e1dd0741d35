'use client';
import type { OrgStrings } from '../../i18n';
import type { Status } from '../shared/parts';
import type { OrgSwitcherApi as Api } from './org-switcher-types';
import type { useOrgList } from './use-org-list';
import { supportsPopover } from '../shared/parts';
import { tabOut, type PopoverElements } from './use-popover';
import { PAGE_STEP, ROW_HEIGHT } from './use-row-window';

/**
 * The root's, the trigger's and the popover's props for one render. `id` is the hook's `useId()`:
 * the popover's id and the CSS anchor name that places it at the trigger are made from it.
 */
export function popoverGetters(
  { open, setOpen, close }: Pick<Api, 'open' | 'setOpen' | 'close'>,
  status: Status,
  label: string,
  t: OrgStrings,
  [trigger, content, , leave]: PopoverElements,
  id: string,
): Pick<Api, 'getRootProps' | 'getTriggerProps' | 'getContentProps'> {
  const data = { 'data-state': open ? 'open' : 'closed', 'data-status': status };
  const anchor = `--csk-os${id.replace(/\W/g, '')}`;
  const contentId = `${id}-content`;
  return {
    getRootProps: () => ({ ...data }),
    getTriggerProps: () => ({
      ref: trigger,
      type: 'button',
      'aria-haspopup': 'dialog',
      'aria-expanded': open,
      'aria-controls': open ? contentId : undefined,
      'aria-busy': status === 'loading' || undefined,
      disabled: status !== 'ready',
      title: status === 'error' ? t.orgUnavailableHint : label,
      ...data,
      style: { anchorName: anchor },
      onClick: () => setOpen(!open),
      onKeyDown: (event) => {
        if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !open) {
          event.preventDefault();
          setOpen(true);
        }
      },
    }),
    getContentProps: () => ({
      ref: content,
      id: contentId,
      popover: supportsPopover() ? 'manual' : undefined,
      role: 'dialog',
      'aria-label': t.orgSwitcherLabel,
      tabIndex: -1,
      className: 'csk-os-popover',
      'data-state': 'open',
      style: { positionAnchor: anchor },
      onKeyDown: (event) => {
        if (event.key === 'Tab') return tabOut(event, close);
        if (event.key !== 'Escape') return;
        // Handled here: a surrounding modal dialog must not close as well.
        event.preventDefault();
        event.stopPropagation();
        close();
      },
      onBlur: (event) => leave(event.relatedTarget),
    }),
  };
}

/**
 * The search box's, the listbox's and the options' props for one render: the search box drives the
 * listbox through `aria-activedescendant`; the options sit at their rows in a spacer as tall as all
 * of them. `currentId` is the active organization's id (`'personal'` for the personal account).
 */
export function listGetters(
  { query, setQuery, options, activeIndex, setActiveIndex, searching, hasMore }: ReturnType<typeof useOrgList>[0],
  select: Api['select'],
  pending: Api['pending'],
  t: OrgStrings,
  [, , search]: PopoverElements,
  win: ReturnType<typeof useOrgList>[1],
  id: string,
  currentId: string,
): Pick<Api, 'getSearchProps' | 'getListProps' | 'getSpacerProps' | 'getItemProps'> {
  const count = options.length;
  const active = options[activeIndex];
  return {
    getSearchProps: () => ({
      ref: search,
      role: 'combobox',
      'aria-label': t.orgSearchLabel,
      'aria-expanded': true,
      'aria-controls': `${id}-list`,
      'aria-autocomplete': 'list',
      'aria-activedescendant': active && `${id}-option-${active.id}`,
      autoComplete: 'off',
      spellCheck: false,
      placeholder: t.orgSearchPlaceholder,
      value: query,
      onChange: (event) => setQuery(event.target.value),
      onKeyDown: (event) => {
        if (event.nativeEvent.isComposing) return; // Enter confirms an IME composition, not an option
        const moves: Partial<Record<string, number>> = {
          ArrowDown: activeIndex + 1,
          ArrowUp: activeIndex - 1,
          PageDown: activeIndex + PAGE_STEP,
          PageUp: activeIndex - PAGE_STEP,
          Home: 0,
          End: count - 1,
        };
        const to = moves[event.key];
        if (to !== undefined) {
          event.preventDefault();
          setActiveIndex(to);
        } else if (event.key === 'Enter') {
          event.preventDefault();
          if (active) void select(active);
        }
      },
    }),
    getListProps: () => ({
      ref: win.listRef,
      id: `${id}-list`,
      role: 'listbox',
      'aria-label': t.orgListLabel,
      'aria-busy': searching || undefined,
      hidden: !count,
      tabIndex: -1,
      style: { height: win.viewport, overflowY: 'auto' },
      onScroll: (event) => win.setScrollTop(event.currentTarget.scrollTop),
    }),
    getSpacerProps: () => ({ role: 'presentation', style: { position: 'relative', height: count * ROW_HEIGHT } }),
    getItemProps: (option, at = options.indexOf(option)) => {
      const current = option.id === currentId;
      const switching = pending?.id === option.id;
      return {
        id: `${id}-option-${option.id}`,
        role: 'option',
        'aria-selected': current,
        'aria-busy': switching || undefined,
        'aria-setsize': hasMore || searching ? -1 : count,
        'aria-posinset': at + 1,
        title: option.name,
        'data-state': switching ? 'pending' : current ? 'current' : 'idle',
        'data-active': at === activeIndex || undefined,
        style: { position: 'absolute', insetInline: 0, top: at * ROW_HEIGHT, height: ROW_HEIGHT },
        onClick: () => void select(option),
        onPointerMove: () => at === activeIndex || setActiveIndex(at),
        onMouseDown: (event) => event.preventDefault(), // keeps focus in the search box, where the keyboard is
      };
    },
  };
}
