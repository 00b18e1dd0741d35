import { screen, waitFor, within } from '@testing-library/react';
import { createRef, type MouseEvent } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { SessionManager, useSessionManager } from '../../src';
import { mergeProps } from '../../src/components/shared/parts';
import { mergePersona, personas, type Persona } from '../../src/testing';
import { expectNoAxeViolations } from '../support/axe';
import { renderWithMockClerk } from '../support/render';

type Part = 'sign-out' | 'sign-out-everywhere' | 'copy' | 'confirm' | 'cancel' | 'retry';

/** SessionManager from the hook alone: the getters on plain buttons, the caller's onClick composed over the kit's. */
function GetterLayout({ onClick }: { onClick: (part: Part, event: MouseEvent) => void }) {
  const api = useSessionManager();
  const mine = <P extends object>(part: Part, props: P) => mergeProps(props, { onClick: (event: MouseEvent) => onClick(part, event) });
  return (
    <section {...api.getRootProps()}>
      <h2 {...api.getTitleProps()}>{api.t.sessionManagerTitle}</h2>
      {api.status === 'ready' ? (
        <>
          {api.failure?.action === 'sign-out' ? (
            <p role="alert">
              {api.failure.text} <button {...mine('retry', api.getRetryProps('sign-out'))}>{api.t.retry}</button>
            </p>
          ) : null}
          <button {...mine('sign-out', api.getSignOutProps())}>{api.t.signOut}</button>
          <button {...mine('sign-out-everywhere', api.getSignOutEverywhereProps())}>{api.t.signOutEverywhere}</button>
          <button {...mine('copy', api.getCopyIdProps())}>{api.copied === 'copied' ? api.t.copied : api.t.copySessionId}</button>
          <dialog {...api.getConfirmDialogProps()}>
            <h2 {...api.getConfirmTitleProps()}>{api.t.signOutEverywhereTitle}</h2>
            <button {...mine('cancel', api.getCancelProps())}>{api.t.cancel}</button>
            <button {...mine('confirm', api.getConfirmProps())}>{api.t.signOutEverywhereConfirm}</button>
          </dialog>
        </>
      ) : null}
      <p role="status">{api.announcement}</p>
    </section>
  );
}

/** The caller's onClick runs on every button and prevents the kit's on the first click of `part`. */
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
const openDialog = async (user: ReturnType<typeof setup>['user']) => {
  await user.click(screen.getByRole('button', { name: 'Sign out of all devices' }));
  return screen.getByRole('dialog', { name: 'Sign out of all devices?' });
};

describe("given the hook's getters on plain elements, with the caller's onClick on each button", () => {
  it('should run the caller\'s onClick on "sign-out" first, and let its preventDefault() stop the sign-out', async () => {
    const { clerk, user, onClick } = setup(personas.personal, 'sign-out');
    const button = screen.getByRole('button', { name: 'Sign out' });
    await user.click(button);
    expect(onClick).toHaveBeenCalledWith('sign-out', expect.objectContaining({ defaultPrevented: true }));
    expect(clerk.mock.callsOf('signOut')).toHaveLength(0);
    await user.click(button);
    await waitFor(() => expect(clerk.mock.callsOf('signOut')).toHaveLength(1));
  });

  it('should let the caller\'s preventDefault() on "sign-out-everywhere" keep the confirmation closed', async () => {
    const { user, onClick } = setup(personas.manyDevices, 'sign-out-everywhere');
    const opener = screen.getByRole('button', { name: 'Sign out of all devices' });
    await user.click(opener);
    expect(onClick).toHaveBeenLastCalledWith('sign-out-everywhere', expect.anything());
    expect(dialogOpen()).toBe(false);
    await user.click(opener);
    expect(dialogOpen()).toBe(true);
  });

  it('should let the caller\'s preventDefault() on "copy" stop the copy', async () => {
    const { user, onClick } = setup(personas.personal, 'copy');
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    const copy = screen.getByRole('button', { name: 'Copy session ID' });
    await user.click(copy);
    expect(onClick).toHaveBeenLastCalledWith('copy', expect.anything());
    expect(writeText).not.toHaveBeenCalled();
    await user.click(copy);
    expect(writeText).toHaveBeenCalledWith('sess_ada');
    expect(copy).toHaveTextContent('Copied');
  });

  it('should let the caller\'s preventDefault() on "confirm" stop the sign-out everywhere', async () => {
    const { clerk, user, onClick } = setup(personas.manyDevices, 'confirm');
    const dialog = await openDialog(user);
    const confirm = within(dialog).getByRole('button', { name: 'Sign out everywhere' });
    await user.click(confirm);
    expect(onClick).toHaveBeenLastCalledWith('confirm', expect.anything());
    expect(clerk.mock.callsOf('revoke')).toHaveLength(0);
    await user.click(confirm);
    await waitFor(() => expect(clerk.mock.callsOf('signOut')).toHaveLength(1));
    expect(clerk.mock.callsOf('revoke')).toHaveLength(7);
  });

  it('should let the caller\'s preventDefault() on "cancel" keep the dialog open', async () => {
    const { user, onClick } = setup(personas.manyDevices, 'cancel');
    const cancel = within(await openDialog(user)).getByRole('button', { name: 'Cancel' });
    expect(cancel).toHaveFocus();
    await user.click(cancel);
    expect(onClick).toHaveBeenLastCalledWith('cancel', expect.anything());
    expect(dialogOpen()).toBe(true);
    await user.click(cancel);
    expect(dialogOpen()).toBe(false);
  });

  it('should let the caller\'s preventDefault() on "retry" stop the retry', async () => {
    const { clerk, user, onClick } = setup(mergePersona(personas.personal, { failures: { signOut: { mode: 'once' } } }), 'retry');
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    const retry = within(await screen.findByRole('alert')).getByRole('button', { name: 'Try again' });
    await user.click(retry);
    expect(onClick).toHaveBeenLastCalledWith('retry', expect.anything());
    expect(clerk.mock.callsOf('signOut').map((c) => c.status)).toEqual(['error']);
    await user.click(retry);
    await waitFor(() => expect(clerk.mock.callsOf('signOut').map((c) => c.status)).toEqual(['error', 'ok']));
  });
});

describe("given a caller's refs on the parts", () => {
  const setupRefs = () => {
    const refs = {
      root: createRef<HTMLElement>(),
      header: createRef<HTMLDivElement>(),
      details: createRef<HTMLDivElement>(),
      actions: createRef<HTMLDivElement>(),
      dialog: createRef<HTMLDialogElement>(),
    };
    const { root: rootRef, header: headerRef, details: detailsRef, actions: actionsRef, dialog: dialogRef } = refs;
    function RefLayout() {
      const api = useSessionManager();
      return (
        <SessionManager.Root value={api} ref={rootRef}>
          <SessionManager.Header ref={headerRef} />
          <SessionManager.Details ref={detailsRef} />
          <SessionManager.Actions ref={actionsRef} />
          <SessionManager.ConfirmDialog ref={dialogRef} />
        </SessionManager.Root>
      );
    }
    return { refs, ...renderWithMockClerk(personas.manyDevices, <RefLayout />) };
  };

  it('should give each ref its DOM node, and pass axe', async () => {
    const { refs, container } = setupRefs();
    expect(refs.root.current).toBe(screen.getByRole('region', { name: 'This session' }));
    expect(refs.header.current).toHaveAttribute('data-slot', 'header');
    expect(refs.details.current).toContainElement(screen.getByText('Session details'));
    expect(refs.actions.current).toContainElement(screen.getByRole('button', { name: 'Sign out' }));
    expect(refs.dialog.current?.tagName).toBe('DIALOG');
    await screen.findByText('This device — Chrome 142 · Macintosh — Berlin, Germany');
    await expectNoAxeViolations(container);
  });

  it('should still return focus to the opener when the dialog closes', async () => {
    const { refs, user } = setupRefs();
    const opener = screen.getByRole('button', { name: 'Sign out of all devices' });
    await user.click(opener);
    expect(refs.dialog.current).toHaveAttribute('open');
    expect(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(opener).toHaveFocus());
    expect(refs.dialog.current).not.toHaveAttribute('open');
  });
});

describe('given onEvent', () => {
  it('should be told "signed-out" with the action, once', async () => {
    const onEvent = vi.fn();
    const { user } = renderWithMockClerk(personas.personal, <SessionManager onEvent={onEvent} />);
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByText('You are signed out.');
    expect(onEvent.mock.calls.map(([event]) => event)).toEqual([{ type: 'signed-out', action: 'sign-out' }]);
  });

  it('should be told "sign-out-failed" with the action and the raw error, and keep one failure shape', async () => {
    const onEvent = vi.fn();
    const { user } = renderWithMockClerk(
      mergePersona(personas.manyDevices, { failures: { revoke: { mode: 'once', message: 'Network down.' } } }),
      <SessionManager onEvent={onEvent} />,
    );
    await user.click(screen.getByRole('button', { name: 'Sign out of all devices' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Sign out everywhere' }));
    expect(await within(screen.getByRole('dialog')).findByRole('alert')).toHaveTextContent(
      'Could not sign out of all devices: Something went wrong. Please try again.',
    );
    expect(onEvent.mock.calls.map(([event]) => [event.type, event.action])).toEqual([['sign-out-failed', 'sign-out-everywhere']]);
    expect(onEvent.mock.calls[0]?.[0].error).toBeInstanceOf(Error);
  });
});

describe('given the confirmation controlled or open by default', () => {
  it('should open and close only through the caller (confirm, onConfirmChange)', async () => {
    const onConfirmChange = vi.fn();
    const { user } = renderWithMockClerk(personas.manyDevices, <SessionManager confirm={false} onConfirmChange={onConfirmChange} />);
    await user.click(screen.getByRole('button', { name: 'Sign out of all devices' }));
    expect(onConfirmChange).toHaveBeenCalledWith(true);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('should open on the first render with defaultConfirm, then close on Cancel', async () => {
    const { user } = renderWithMockClerk(personas.manyDevices, <SessionManager defaultConfirm />);
    expect(screen.getByRole('dialog', { name: 'Sign out of all devices?' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
