import { act, screen, waitFor, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SessionManager } from '../../src';
import { de } from '../../src/i18n/de';
import { devices, mergePersona, personas, type MockClerk, type Persona } from '../../src/testing';
import { expectNoAxeViolations } from '../support/axe';
import { renderWithMockClerk } from '../support/render';

const setup = (persona: Persona, props: React.ComponentProps<typeof SessionManager> = {}) =>
  renderWithMockClerk(persona, <SessionManager {...props} />);
// The actions that change something; reads (getSessions on mount, a user reload before a fresh list) are left out.
const WRITES = ['signOut', 'revoke', 'setActive'];
const actions = (clerk: MockClerk) => clerk.mock.calls.filter((c) => WRITES.includes(c.action)).map((c) => `${c.action}:${c.status}`);

describe('given Ada signed in on this browser', () => {
  it('should show who, which session and when, and pass axe', async () => {
    const { container } = setup(personas.manyDevices);
    expect(screen.getByText('Ada Lovelace')).toBeInTheDocument();
    expect(screen.getByText('ada@example.com')).toBeInTheDocument();
    expect(screen.getByText('Session details').closest('details')).not.toHaveAttribute('open'); // the raw id waits behind a control
    expect(screen.getByText('sess_ada')).not.toBeVisible();
    expect(await screen.findByText('This device — Chrome 142 · Macintosh — Berlin, Germany')).toBeInTheDocument();
    const expires = screen.getByText('Expires').nextElementSibling as HTMLElement;
    expect(expires).toHaveTextContent('Jan 22, 2026, 12:00 PMnext week');
    expect(within(expires).getByText('Jan 22, 2026, 12:00 PM')).toHaveAttribute('datetime', '2026-01-22T12:00:00.000Z');
    expect(screen.queryByText(/Impersonated/)).not.toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('should sign out this session once, however often the button is clicked', async () => {
    const onEvent = vi.fn();
    const { clerk, user } = setup(mergePersona(personas.multiSession, { latency: { signOut: 20 } }), { onEvent });
    const button = screen.getByRole('button', { name: 'Sign out' });
    await user.dblClick(button);
    await user.click(button);
    expect(await screen.findByText('You are signed out.')).toBeInTheDocument();
    expect(clerk.mock.callsOf('signOut').map((c) => c.args)).toEqual([[{ sessionId: 'sess_ada' }]]);
    expect(onEvent.mock.calls.map(([event]) => event)).toEqual([{ type: 'signed-out', action: 'sign-out' }]);
    expect(clerk.client.sessions.map((s) => s.id)).toEqual(['sess_grace', 'sess_alan']); // other accounts stay
  });

  it('should show a failed sign-out with a retry, losing nothing', async () => {
    const { clerk, user } = setup(
      mergePersona(personas.personal, { failures: { signOut: { mode: 'once', message: 'Clerk is unreachable.' } } }),
    );
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not sign out: Something went wrong. Please try again.');
    expect(within(alert).getByText('Details').closest('details')).toHaveTextContent('Clerk is unreachable.');
    expect(screen.getByText('sess_ada')).toBeInTheDocument();
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('You are signed out.')).toBeInTheDocument();
    expect(actions(clerk)).toEqual(['signOut:error', 'signOut:ok']);
  });

  it('should copy the session id, say so on the button and announce it', async () => {
    const { user } = setup(personas.personal);
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    await user.click(screen.getByText('Session details'));
    const copy = screen.getByRole('button', { name: 'Copy session ID' });
    await user.click(copy);
    expect(writeText).toHaveBeenCalledWith('sess_ada');
    expect(copy).toHaveTextContent('Copied');
    expect(screen.getByRole('status')).toHaveTextContent('Session ID copied.');
  });
});

describe('given Ada signing out of all devices', () => {
  const openAndConfirm = async (user: ReturnType<typeof userEvent.setup>) => {
    await user.click(screen.getByRole('button', { name: 'Sign out of all devices' }));
    const dialog = screen.getByRole('dialog', { name: 'Sign out of all devices?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await waitFor(() => expect(dialog).toHaveTextContent('7 other devices are signed out first, then this one.'));
    await user.click(within(dialog).getByRole('button', { name: 'Sign out everywhere' }));
    return dialog;
  };

  it('should revoke every other device session, then sign out here, in that order', async () => {
    const { clerk, user } = setup(personas.manyDevices);
    await openAndConfirm(user);
    expect(await screen.findByText('You are signed out.')).toBeInTheDocument();
    // After the mount's getSessions: a fresh list (past clerk-js's cache), then the revokes, then the sign-out.
    const calls = clerk.mock.calls
      .slice(1)
      .filter((c) => ['getSessions', ...WRITES].includes(c.action))
      .map((c) => [c.action, ...c.args]);
    expect(calls[0]).toEqual(['getSessions', 'user_ada']);
    expect(calls.slice(1, 8).map(([action]) => action)).toEqual(Array(7).fill('revoke'));
    expect(
      calls
        .slice(1, 8)
        .map(([, id]) => id)
        .sort(),
    ).toEqual(devices.map((d) => d.id).sort());
    expect(calls[8]).toEqual(['signOut', { sessionId: 'sess_ada' }]);
    expect(calls).toHaveLength(9);
  });

  it('should not sign out here when a revoke fails, and finish on retry', async () => {
    const { clerk, user } = setup(mergePersona(personas.manyDevices, { failures: { revoke: { mode: 'once', message: 'Network down.' } } }));
    const dialog = await openAndConfirm(user);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Could not sign out of all devices: Something went wrong. Please try again.',
    );
    expect(actions(clerk)).not.toContain('signOut:ok');
    expect(screen.getByText('sess_ada')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Sign out everywhere' }));
    expect(await screen.findByText('You are signed out.')).toBeInTheDocument();
    expect(actions(clerk).filter((a) => a === 'revoke:ok')).toHaveLength(7);
    expect(actions(clerk).at(-1)).toBe('signOut:ok');
  });

  it('should close the confirmation on Cancel and Escape, returning focus to the opener', async () => {
    const { clerk, user } = setup(personas.manyDevices);
    const opener = screen.getByRole('button', { name: 'Sign out of all devices' });
    await user.click(opener);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(opener).toHaveFocus());
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await user.click(opener);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(opener).toHaveFocus());
    expect(actions(clerk)).toEqual([]);
  });
});

describe('given other states', () => {
  it('should badge an impersonated session without showing the raw actor id up front', () => {
    setup(personas.impersonated);
    expect(screen.getByText('Impersonated session')).toBeInTheDocument();
    expect(screen.getByText('user_support')).not.toBeVisible();
  });

  it('should say signed out when there is no session', () => {
    setup(personas.signedOut);
    expect(screen.getByText('You are signed out.')).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('should mark itself busy while Clerk loads', async () => {
    const { clerk } = setup(personas.loading);
    const region = screen.getByRole('region', { name: 'This session' });
    expect(region.querySelector('[aria-busy="true"] [data-slot="skeleton"]')).not.toBeNull();
    // The live region stays outside the busy part, and is the same node once loaded.
    const status = screen.getByRole('status');
    expect(status.closest('[aria-busy]')).toBeNull();
    await act(async () => clerk.mock.finishLoading());
    expect(await screen.findByText('sess_ada')).toBeInTheDocument();
    expect(screen.getByRole('status')).toBe(status);
  });

  it('should speak German with the German locale, and take single-key overrides', () => {
    setup(personas.personal, { localization: { ...de, signOut: 'Tschüss' } });
    expect(screen.getByRole('button', { name: 'Tschüss' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Auf allen Geräten abmelden' })).toBeInTheDocument();
    expect(screen.getByText('Läuft ab').nextElementSibling).toHaveTextContent('22.01.2026, 12:00nächste Woche');
  });

  it('should honour className, classNames and unstyled, keeping data-slot hooks', () => {
    const { container } = setup(personas.personal, {
      className: 'mine',
      classNames: { name: 'my-name' },
      unstyled: true,
    });
    const root = container.querySelector('[data-slot="root"]')!;
    expect(root).toHaveClass('mine');
    expect(root.className).not.toMatch(/csk[:-]/);
    expect(container.querySelector('[data-slot="name"]')).toHaveClass('my-name');
  });
});

describe('given sign out of all devices in flight', () => {
  it('should keep focus on the confirm button, which says so and refuses a second click', async () => {
    // Every revoke waits for this gate, opened once the pending state has been seen: no race with a timer.
    let open = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    const { clerk, user } = setup(mergePersona(personas.manyDevices, { latency: { revoke: () => gate } }));
    await user.click(screen.getByRole('button', { name: 'Sign out of all devices' }));
    const confirm = within(screen.getByRole('dialog')).getByRole('button', { name: 'Sign out everywhere' });
    await user.click(confirm);
    expect(confirm).toHaveFocus();
    expect(confirm).toHaveAttribute('aria-busy', 'true');
    await user.click(confirm);
    open();
    expect(await screen.findByText('You are signed out.')).toBeInTheDocument();
    expect(actions(clerk).filter((a) => a.startsWith('signOut'))).toEqual(['signOut:ok']);
  });
});
