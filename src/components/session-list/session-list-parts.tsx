'use client';
import { forwardRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import type { SessionResource } from '../../clerk';
import { ConfirmDialogView } from '../shared/dialog';
import { Heading, personLine } from '../shared/frame';
import { memoSlot, partProps } from '../shared/getters';
import { createParts, type SlotFn } from '../shared/parts';
import { Avatar, badgeClass, Button, InlineError, type SharedSlot } from '../shared/ui';
import { accountName, deviceName } from './names';
import type { Row, RowAction, SessionListApi } from './use-session-list';

export type SessionListSlot =
  | 'root'
  | 'title'
  | 'section'
  | 'heading'
  | 'list'
  | 'account'
  | 'sectionHead'
  | 'text'
  | 'label'
  | 'device'
  | 'avatar'
  | 'icon'
  | 'name'
  | 'meta'
  | 'badge'
  | 'actions'
  | 'addAccount'
  | 'metaItem'
  | 'menu'
  | 'menuItem'
  | 'rowError'
  | 'empty'
  | SharedSlot;

type Api = Extract<SessionListApi, { status: 'ready' }>;

/** What every part reads: the ready api, its slots, the title's level (sections are one below) and the clock. */
export const { PartsProvider, usePart } = createParts<Api, { level: number; now: number }>('SessionList');

export const rowClass = 'csk-sl-row';
export const listClass = 'csk-sl-list';
export const headingClass = 'csk-sl-heading';
/** Name and badge on one line while they fit; on a narrow row the badge wraps below instead of squeezing the name. */
export const nameClass = 'csk-sl-name';
/** Icons and avatars give their room to the text on very narrow rows (the kind stays in the accessible text). */
export const narrowHidden = 'csk:@max-[17rem]:hidden';

/** Up to two lines, then an ellipsis, with the full value in `title` and in the accessible text. */
export const truncated = (text: string, slot: SlotFn) => (
  <span {...slot('label', 'csk-sl-label')} title={text}>
    {text}
  </span>
);

/** "Pending: Choose an organization" on the row of a session Clerk holds pending. */
export function pendingBadge(api: Api, slot: SlotFn, row: Row) {
  const task = api.taskOf(row);
  return task ? <span {...slot('badge', badgeClass('warning'))}>{task.label}</span> : null;
}

/** A row's last failure, under its content, with a retry. */
export function rowError(api: Api, slot: SlotFn, row: Row) {
  const failure = api.failures.get(row.id);
  return failure ? (
    <div {...slot('rowError', 'csk-sl-row-error')}>
      <InlineError slot={slot} t={api.t} failure={failure} retry={api.getRetryProps(row)} />
    </div>
  ) : null;
}

const busyLabels = { switch: 'switching', 'sign-out': 'signingOut', revoke: 'revoking' } as const;

/**
 * A row's actions as one compact control, for a narrow row (below a 24rem container the row's
 * buttons give way to its ⋯ button: by `api.compact` once the root is measured, by the
 * stylesheet's container query before): the ⋯ button, busy while the row's action runs, and
 * while open its menu of the same actions.
 */
export function rowMenu(api: Api, slot: SlotFn, row: Row, items: [RowAction, string][]) {
  if (api.compact === false) return null;
  const pending = api.pending.get(row.id);
  const menu = slot('menu', 'csk-sl-menu');
  return (
    <>
      {Button({
        styles: slot,
        variant: 'ghost',
        className: 'csk-sl-more',
        ...api.getRowMenuTriggerProps(row),
        busyLabel: pending && api.t[busyLabels[pending]],
        // Three middle dots as text, in every font: no icon element per row of a long list.
        children: '···',
      })}
      {api.rowMenu === row.id ? (
        <div {...api.getRowMenuProps(row)} data-slot={menu['data-slot']} className={`csk-sl-menu-place ${menu.className ?? ''}`}>
          {items.map(([action, label]) => (
            <button key={action} {...api.getRowMenuItemProps(row, action)} {...slot('menuItem', 'csk-sl-menu-item')}>
              {label}
            </button>
          ))}
        </div>
      ) : null}
    </>
  );
}

export interface AccountsProps extends ComponentPropsWithoutRef<'section'> {
  /** "Add account": an href gets the kit's button look; a node replaces it entirely. */
  addAccount?: ReactNode | { href: string; label?: string };
}

/** The accounts signed in on this browser: switch to one, or sign one out. Its element is the `<section>`. */
export const Accounts = forwardRef<HTMLElement, AccountsProps>(function Accounts({ addAccount, children, ...props }, ref) {
  const { api, slot, level } = usePart('Accounts');
  return (
    <section {...partProps(api.getSectionProps('accounts'), slot('section', ''), props, ref)}>
      <Heading level={level + 1} {...api.getHeadingProps('accounts')} {...slot('heading', `${headingClass} csk:mb-2`)}>
        {api.t.accountsTitle}
      </Heading>
      <ul {...slot('list', listClass)}>{children ?? api.accounts.map((s) => <Account key={s.id} session={s} />)}</ul>
      {addAccount && typeof addAccount === 'object' && 'href' in addAccount ? (
        <a href={addAccount.href} {...slot('addAccount', 'csk-sl-add-account')}>
          <span aria-hidden="true">+</span>
          {addAccount.label ?? api.t.addAccount}
        </a>
      ) : addAccount ? (
        <div {...slot('addAccount', 'csk:mt-3')}>{addAccount}</div>
      ) : null}
    </section>
  );
});

export interface AccountProps extends ComponentPropsWithoutRef<'li'> {
  session: SessionResource;
}

/** One account row (`<li>`): who, whether it is the current one, and its actions. */
export const Account = forwardRef<HTMLLIElement, AccountProps>(function Account({ session, ...props }, ref) {
  const { api, slot: slots } = usePart('Account');
  const slot = memoSlot(slots);
  const { t } = api;
  const name = accountName(session);
  const current = session.id === api.currentSessionId;
  return (
    <li {...partProps(api.getRowProps(session), slot('account', rowClass), props, ref)}>
      <Avatar
        src={session.user?.hasImage ? session.user.imageUrl : null}
        name={name}
        {...slot('avatar', `${narrowHidden} csk-sl-avatar`)}
      />
      <div {...slot('text', 'csk-sl-text')}>
        <p {...slot('name', nameClass)}>
          {truncated(name, slot)}
          {current ? <span {...slot('badge', badgeClass())}>{t.current}</span> : null}
          {pendingBadge(api, slot, session)}
        </p>
        {personLine(session.user?.primaryEmailAddress?.emailAddress, name, slot('meta', 'csk-sl-meta'))}
      </div>
      {api.compact === true ? null : (
        <div {...slot('actions', 'csk-sl-actions')}>
          {current ? null : (
            <Button styles={slot} busyLabel={t.switching} {...api.getSwitchProps(session)}>
              {t.switchAccount}
            </Button>
          )}
          <Button styles={slot} variant="ghost" busyLabel={t.signingOut} {...api.getSignOutProps(session)}>
            {t.signOut}
          </Button>
        </div>
      )}
      {rowMenu(
        api,
        slot,
        session,
        current
          ? [['sign-out', t.signOut]]
          : [
              ['switch', t.switchAccount],
              ['sign-out', t.signOut],
            ],
      )}
      {rowError(api, slot, session)}
    </li>
  );
});

/** The confirmation (`<dialog>`) for revoking one device or all others, naming the device or the count. */
export const ConfirmDialog = forwardRef<HTMLDialogElement, ComponentPropsWithoutRef<'dialog'>>(function ConfirmDialog(props, ref) {
  const { api, slot } = usePart('ConfirmDialog');
  const { t, confirm, confirmDevice } = api;
  const all = confirm?.kind === 'all';
  const count = api.others.length;
  return (
    <ConfirmDialogView
      api={api}
      slot={slot}
      caller={[props, ref]}
      title={all ? t.revokeAllTitle({ count }) : t.revokeTitle}
      description={
        all ? t.revokeAllDescription({ count }) : confirmDevice ? t.revokeDescription({ device: deviceName(confirmDevice, t) }) : ''
      }
      confirmLabel={all ? t.revokeAllConfirm({ count }) : t.revokeConfirm}
    />
  );
});
