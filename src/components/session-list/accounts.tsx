'use client';
import { useId, type ReactNode } from 'react';
import type { SessionResource } from '../../clerk';
import { badgeClass, Avatar, Button, InlineError } from '../shared/ui';
import type { SlotFn } from '../shared/parts';
import { Heading, usePartsContext } from './context';
import { accountName } from './names';

export const rowClass = 'csk-sl-row';
export const rowInnerClass = 'csk-sl-row-inner';
export const leadClass = 'csk-sl-lead';
export const listClass = 'csk-sl-list';
export const headingClass = 'csk-sl-heading';
/** Name and badge on one line while they fit; on a narrow row the badge wraps below instead of squeezing the name. */
export const nameClass = 'csk-sl-name';
/** Icons and avatars give their room to the text on very narrow rows (the kind stays in the accessible text). */
export const narrowHidden = 'csk:@max-[17rem]:hidden';
export const metaClass = 'csk-sl-meta';

/** One line, truncated, with the full value in `title` and in the accessible text. */
export const Truncated = ({ text, slot }: { text: string; slot: SlotFn }) => (
  <span {...slot('label', 'csk-sl-label')} title={text}>
    {text}
  </span>
);

export interface AccountsProps {
  /** "Add account": an href gets the kit's button look; a node replaces it entirely. */
  addAccount?: ReactNode | { href: string; label?: string };
  children?: ReactNode;
}

/** The accounts signed in on this browser: switch to one, or sign one out. */
export function Accounts({ addAccount, children }: AccountsProps) {
  const { api, slot, level } = usePartsContext('Accounts');
  const id = useId();
  const add =
    addAccount && typeof addAccount === 'object' && 'href' in addAccount ? (
      <a href={addAccount.href} {...slot('addAccount', 'csk-sl-add-account')}>
        <span aria-hidden="true">+</span>
        {addAccount.label ?? api.t.addAccount}
      </a>
    ) : addAccount ? (
      <div {...slot('addAccount', 'csk:mt-3')}>{addAccount}</div>
    ) : null;
  return (
    <section {...slot('section', '')} aria-labelledby={id} data-section="accounts">
      <Heading level={level + 1} id={id} tabIndex={-1} data-focus-fallback="" {...slot('heading', `${headingClass} csk:mb-2`)}>
        {api.t.accountsTitle}
      </Heading>
      <ul {...slot('list', listClass)}>{children ?? api.accounts.map((s) => <Account key={s.id} session={s} />)}</ul>
      {add}
    </section>
  );
}

/** One account row: who, whether it is the current one, and its actions. */
export function Account({ session }: { session: SessionResource }) {
  const { api, slot } = usePartsContext('Account');
  const { t } = api;
  const name = accountName(session);
  const email = session.user?.primaryEmailAddress?.emailAddress;
  const isCurrent = session.id === api.currentSessionId;
  const pending = api.pending.get(session.id);
  const failure = api.failures.get(session.id);
  const busy = [...api.pending.values()].some((a) => a !== 'revoke');
  return (
    <li {...slot('account', rowClass)} data-state={pending ? 'pending' : isCurrent ? 'current' : 'idle'}>
      <div {...slot('row', rowInnerClass)}>
        <div {...slot('lead', leadClass)}>
          <Avatar
            src={session.user?.hasImage ? session.user.imageUrl : null}
            name={name}
            {...slot('avatar', `${narrowHidden} csk-sl-avatar`)}
          />
          <div {...slot('text', 'csk-k-grow')}>
            <p {...slot('name', nameClass)}>
              <Truncated text={name} slot={slot} />
              {isCurrent ? <span {...slot('badge', badgeClass())}>{t.current}</span> : null}
            </p>
            {email && email !== name ? (
              <p {...slot('meta', metaClass)} title={email}>
                {email}
              </p>
            ) : null}
          </div>
        </div>
        <div {...slot('actions', 'csk-sl-actions')}>
          {isCurrent ? null : (
            <Button
              styles={slot}
              action="switch"
              aria-label={pending ? undefined : t.switchAccountLabel({ name })}
              blocked={busy}
              pending={pending === 'switch'}
              onClick={() => void api.switchAccount(session)}
            >
              {pending === 'switch' ? t.switching : t.switchAccount}
            </Button>
          )}
          <Button
            styles={slot}
            variant="ghost"
            action="sign-out"
            aria-label={pending ? undefined : t.signOutAccountLabel({ name })}
            blocked={busy}
            pending={pending === 'sign-out'}
            onClick={() => void api.signOutAccount(session)}
          >
            {pending ? null : (
              // On a narrow row the secondary action becomes an icon (its name stays in the label), so names keep their room.
              <svg
                {...slot('buttonIcon', 'csk-sl-narrow-icon')}
                width="16"
                height="16"
                viewBox="0 0 24 24"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
                strokeLinecap="round"
                aria-hidden="true"
              >
                <path d="M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4M16 17l5-5-5-5M21 12H9" />
              </svg>
            )}
            <span {...slot('buttonLabel', pending ? '' : 'csk:@max-[24rem]:sr-only')}>
              {pending === 'sign-out' ? t.signingOut : t.signOut}
            </span>
          </Button>
        </div>
      </div>
      {failure ? (
        <div {...slot('rowError', 'csk:mt-2')}>
          <InlineError
            slot={slot}
            t={t}
            text={failure.text}
            detail={failure.detail}
            retry={() => void (failure.action === 'switch' ? api.switchAccount(session) : api.signOutAccount(session))}
          />
        </div>
      ) : null}
    </li>
  );
}
