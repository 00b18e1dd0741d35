import { act, renderHook, screen, waitFor, within } from '@testing-library/react';
import { createRef, type MouseEvent, type ReactNode, type Ref } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { SessionList, useSessionList } from '../../src';
import { mergeProps } from '../../src/components/shared/parts';
import { createMockClerk, mergePersona, MockClerkProvider, personas, type Persona } from '../../src/testing';
import { expectNoAxeViolations } from '../support/axe';
import { renderWithMockClerk } from '../support/render';

type Part = 'switch' | 'sign-out' | 'revoke' | 'revoke-all' | 'confirm' | 'cancel' | 'retry';
const IPHONE = 'Revoke session on Safari 19, iPhone, Lisbon';

/**
 * SessionList from the hook alone: plain elements and the getters, each button with the caller's
 * own onClick composed over the kit's by mergeProps (the caller's runs first).
 */
function GetterLayout({ onClick }: { onClick: (part: Part, event: MouseEvent) => void }) {
  const api = useSessionList();
  const mine = <P extends object>(part: Part, props: P) => mergeProps(props, { onClick: (event: MouseEvent) => onClick(part, event) });
  return (
    <section {...api.getRootProps()}>
      <h2 {...api.getTitleProps()}>{api.t.sessionListTitle}</h2>
      <ul aria-label="Accounts">
        {api.accounts.map((s) => (
          <li key={s.id} {...api.getRowProps(s)}>
            <button {...mine('switch', api.getSwitchProps(s))}>Switch</button>
            <button {...mine('sign-out', api.getSignOutProps(s))}>Sign out</button>
            {api.failures.get(s.id) ? <button {...mine('retry', api.getRetryProps(s))}>{api.t.retry}</button> : null}
          </li>
        ))}
      </ul>
      <button {...mine('revoke-all', api.getRevokeAllProps())}>{api.t.revokeAllOthers({ count: api.others.length })}</button>
      <ul aria-label="Devices">
        {api.devices.map((d) => (
          <li key={d.id} {...api.getRowProps(d)}>
            <button {...mine('revoke', api.getRevokeProps(d))}>Revoke</button>
          </li>
        ))}
      </ul>
      <dialog {...api.getConfirmDialogProps()}>
        <h2 {...api.getConfirmTitleProps()}>{api.t.revokeTitle}</h2>
        <button {...mine('cancel', api.getCancelProps())}>{api.t.cancel}</button>
        <button {...mine('confirm', api.getConfirmProps())}>{api.t.revokeConfirm}</button>
      </dialog>
    </section>
  );
}

/** Renders the getter layout; the caller's onClick runs on every button and prevents the kit's on the first click of `part`. */
const setup = (persona: Persona, part: Part) => {
  let prevented = false;
  const onClick = vi.fn((clicked: Part, event: MouseEvent) => {
    if (clicked !== part || prevented) return;
    prevented = true;
    event.preventDefault();
  });
  return { onClick, ...renderWithMockClerk(persona, <GetterLayout onClick={onClick} />) };
};
const dialogOpen = () => screen.queryByRole('dialog') !== null;
const devices = () => within(screen.getByRole('list', { name: 'Devices' }));

describe("given the hook's getters on plain elements, with the caller's onClick on each button", () => {
  it('should run the caller\'s onClick on "switch" first, and let its preventDefault() stop the switch', async () => {
    const { clerk, user, onClick } = setup(personas.multiSession, 'switch');
    const button = screen.getByRole('button', { name: 'Switch to Grace Hopper' });
    await user.click(button);
    expect(onClick).toHaveBeenCalledWith('switch', expect.objectContaining({ defaultPrevented: true }));
    expect(clerk.mock.callsOf('setActive')).toHaveLength(0);
    await user.click(button);
    await waitFor(() => expect(clerk.mock.callsOf('setActive')).toHaveLength(1));
  });

  it('should let the caller\'s preventDefault() on "sign-out" stop the sign-out', async () => {
    const { clerk, user, onClick } = setup(personas.multiSession, 'sign-out');
    const button = screen.getByRole('button', { name: 'Sign out Grace Hopper' });
    await user.click(button);
    expect(onClick).toHaveBeenCalledWith('sign-out', expect.objectContaining({ defaultPrevented: true }));
    expect(clerk.mock.callsOf('signOut')).toHaveLength(0);
    await user.click(button);
    await waitFor(() => expect(clerk.mock.callsOf('signOut')).toHaveLength(1));
  });

  it.each([
    ['revoke', IPHONE],
    ['revoke-all', 'Revoke all 7 other devices'],
  ] as const)('should let the caller\'s preventDefault() on "%s" keep the confirmation closed', async (part, name) => {
    const { user, onClick } = setup(personas.manyDevices, part);
    const button = await screen.findByRole('button', { name });
    await user.click(button);
    expect(onClick).toHaveBeenLastCalledWith(part, expect.anything());
    expect(dialogOpen()).toBe(false);
    await user.click(button);
    expect(screen.getByRole('dialog', { name: 'Revoke this session?' })).toBeInTheDocument();
  });

  it('should let the caller\'s preventDefault() on "confirm" stop the revoke and keep the dialog open', async () => {
    const { clerk, user, onClick } = setup(personas.manyDevices, 'confirm');
    await user.click(await screen.findByRole('button', { name: IPHONE }));
    const confirm = within(screen.getByRole('dialog')).getByRole('button', { name: 'Revoke session' });
    await user.click(confirm);
    expect(onClick).toHaveBeenLastCalledWith('confirm', expect.anything());
    expect(dialogOpen()).toBe(true);
    expect(clerk.mock.callsOf('revoke')).toHaveLength(0);
    await user.click(confirm);
    await waitFor(() => expect(clerk.mock.callsOf('revoke').map((c) => c.args[0])).toEqual(['sess_dev_iphone']));
    await waitFor(() => expect(devices().getAllByRole('listitem')).toHaveLength(7));
  });

  it('should let the caller\'s preventDefault() on "cancel" keep the dialog open', async () => {
    const { user, onClick } = setup(personas.manyDevices, 'cancel');
    await user.click(await screen.findByRole('button', { name: IPHONE }));
    const cancel = within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' });
    expect(cancel).toHaveFocus();
    await user.click(cancel);
    expect(onClick).toHaveBeenLastCalledWith('cancel', expect.anything());
    expect(dialogOpen()).toBe(true);
    await user.click(cancel);
    expect(dialogOpen()).toBe(false);
  });

  it('should let the caller\'s preventDefault() on "retry" stop the retry', async () => {
    const { clerk, user, onClick } = setup(mergePersona(personas.multiSession, { failures: { setActive: { mode: 'once' } } }), 'retry');
    await user.click(screen.getByRole('button', { name: 'Switch to Grace Hopper' })); // fails once
    const retry = await screen.findByRole('button', { name: 'Try again' });
    await user.click(retry);
    expect(onClick).toHaveBeenLastCalledWith('retry', expect.anything());
    expect(clerk.mock.callsOf('setActive').map((c) => c.status)).toEqual(['error']);
    await user.click(retry);
    await waitFor(() => expect(clerk.mock.callsOf('setActive').map((c) => c.status)).toEqual(['error', 'ok']));
  });
});

describe("given a caller's refs on the parts", () => {
  function RefLayout({
    rootRef,
    accountsRef,
    accountRef,
    devicesRef,
    dialogRef,
  }: {
    rootRef: Ref<HTMLElement>;
    accountsRef: Ref<HTMLElement>;
    accountRef: Ref<HTMLLIElement>;
    devicesRef: Ref<HTMLElement>;
    dialogRef: Ref<HTMLDialogElement>;
  }) {
    const api = useSessionList();
    return (
      <SessionList.Root value={api} ref={rootRef}>
        <SessionList.Accounts ref={accountsRef}>
          {api.accounts.map((s) => (
            <SessionList.Account key={s.id} session={s} ref={accountRef} />
          ))}
        </SessionList.Accounts>
        <SessionList.Devices ref={devicesRef} />
        <SessionList.ConfirmDialog ref={dialogRef} />
      </SessionList.Root>
    );
  }
  const setupRefs = () => {
    const refs = {
      root: createRef<HTMLElement>(),
      accounts: createRef<HTMLElement>(),
      account: createRef<HTMLLIElement>(),
      devices: createRef<HTMLElement>(),
      dialog: createRef<HTMLDialogElement>(),
    };
    return {
      refs,
      ...renderWithMockClerk(
        personas.manyDevices,
        <RefLayout
          rootRef={refs.root}
          accountsRef={refs.accounts}
          accountRef={refs.account}
          devicesRef={refs.devices}
          dialogRef={refs.dialog}
        />,
      ),
    };
  };

  it('should give each ref its DOM node, and pass axe', async () => {
    const { refs, container } = setupRefs();
    await screen.findByRole('button', { name: IPHONE });
    expect(refs.root.current).toBe(screen.getByRole('region', { name: 'Sessions' }));
    expect(refs.accounts.current).toBe(screen.getByRole('region', { name: 'Accounts on this browser' }));
    expect(refs.account.current).toHaveAttribute('data-slot', 'account');
    expect(refs.devices.current).toBe(screen.getByRole('region', { name: 'Your devices' }));
    expect(refs.dialog.current?.tagName).toBe('DIALOG');
    await expectNoAxeViolations(container);
  });

  it('should still return focus to the opener when the dialog closes', async () => {
    const { refs, user } = setupRefs();
    const opener = await screen.findByRole('button', { name: IPHONE });
    await user.click(opener);
    expect(refs.dialog.current).toHaveAttribute('open');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(opener).toHaveFocus());
    expect(refs.dialog.current).not.toHaveAttribute('open');
  });

  it('should still move focus to the section heading when the focused row disappears', async () => {
    const { refs, user } = setupRefs();
    await user.click(await screen.findByRole('button', { name: IPHONE }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Revoke session' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Your devices' })).toHaveFocus());
    expect(within(refs.devices.current ?? document.body).getAllByRole('listitem')).toHaveLength(7);
  });

  it('should give a Device part its row', async () => {
    const ref = createRef<HTMLLIElement>();
    function One() {
      const api = useSessionList();
      return (
        <SessionList.Root value={api}>
          <ul>{api.devices[1] ? <SessionList.Device device={api.devices[1]} ref={ref} /> : null}</ul>
        </SessionList.Root>
      );
    }
    renderWithMockClerk(personas.manyDevices, <One />);
    await waitFor(() => expect(ref.current).toHaveAttribute('data-slot', 'device'));
    expect(ref.current).toHaveTextContent('Safari 19 · iPhone');
  });
});

const hook = (persona: Persona, options?: Parameters<typeof useSessionList>[0]) => {
  const clerk = createMockClerk(persona);
  const wrapper = ({ children }: { children?: ReactNode }) => <MockClerkProvider clerk={clerk}>{children}</MockClerkProvider>;
  return { clerk, ...renderHook(() => useSessionList(options), { wrapper }) };
};

describe('given the current device', () => {
  it('should be refused by useSessionList().revoke() itself, and its getter refuse clicks', async () => {
    const { clerk, result } = hook(personas.manyDevices);
    await waitFor(() => expect(result.current.devices).toHaveLength(8));
    const here = result.current.devices.find((d) => d.id === 'sess_ada');
    expect(here).toBeDefined();
    await act(async () => {
      if (here) await result.current.revoke(here);
    });
    expect(clerk.mock.callsOf('revoke')).toEqual([]);
    expect(result.current.devices).toHaveLength(8);
    if (here) expect(result.current.getRevokeProps(here)).toMatchObject({ 'aria-disabled': true, onClick: undefined });
  });
});

describe('given a failed account switch', () => {
  it('should switch on "Try again" (the list is not left busy)', async () => {
    const { clerk, user } = renderWithMockClerk(
      mergePersona(personas.multiSession, { failures: { setActive: { mode: 'once', message: 'Network down.' } } }),
      <SessionList />,
    );
    const accounts = () => within(screen.getByRole('region', { name: 'Accounts on this browser' }));
    await user.click(accounts().getByRole('button', { name: 'Switch to Grace Hopper' }));
    const alert = await accounts().findByRole('alert');
    expect(accounts().getByRole('button', { name: 'Switch to Grace Hopper' })).not.toHaveAttribute('aria-disabled');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(accounts().getAllByRole('listitem')[1]).toHaveTextContent(/Grace Hopper\s*Current/));
    expect(clerk.mock.callsOf('setActive').map((c) => `${c.status}:${JSON.stringify(c.args)}`)).toEqual([
      'error:[{"session":"sess_grace"}]',
      'ok:[{"session":"sess_grace"}]',
    ]);
    expect(screen.getByRole('status')).toHaveTextContent('Switched to Grace Hopper.');
  });
});

describe('given a confirmation open by default', () => {
  it('should open it on the first render (defaultConfirm) and close it on Cancel', async () => {
    const { user } = renderWithMockClerk(personas.manyDevices, <SessionList defaultConfirm={{ kind: 'all' }} />);
    expect(await screen.findByRole('dialog', { name: 'Revoke 7 other devices?' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
