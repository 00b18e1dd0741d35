import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SessionList } from '../../src';
import { mergePersona, personas, type Persona } from '../../src/testing';
import { expectNoAxeViolations } from '../support/axe';
import { renderWithMockClerk } from '../support/render';

const setup = (persona: Persona, props: React.ComponentProps<typeof SessionList> = {}) =>
  renderWithMockClerk(persona, <SessionList {...props} />);
const devicesRegion = () => within(screen.getByRole('region', { name: 'Your devices' }));
const accountsRegion = () => within(screen.getByRole('region', { name: 'Accounts on this browser' }));
const deviceRows = () => devicesRegion().getAllByRole('listitem');
const IPHONE = 'Revoke session on Safari 19, iPhone, Lisbon';

describe('given Ada with sessions on eight devices', () => {
  it('should list this device first, then the others by last activity, and pass axe', async () => {
    const { container } = setup(personas.manyDevices);
    await waitFor(() => expect(deviceRows()).toHaveLength(8));
    expect(deviceRows()[0]).toHaveTextContent(/Desktop: Chrome 142 · Macintosh\s*This device/);
    expect(deviceRows()[0]).toHaveTextContent(/Berlin, Germany\s*192\.0\.2\.10/);
    expect(deviceRows()[1]).toHaveTextContent(/^Phone: Safari 19 · iPhone/);
    expect(deviceRows()[4]).toHaveTextContent(/^Tablet: Safari 18 · iPad/);
    expect(deviceRows()[1]).toHaveTextContent('Last active 12 minutes ago');
    expect(deviceRows()[7]).toHaveTextContent('Last active last week');
    expect(within(deviceRows()[0]!).queryByRole('button')).not.toBeInTheDocument();
    expect(devicesRegion().getByRole('button', { name: 'Revoke session on Unknown browser, Unknown device' })).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('should revoke one device after confirmation, showing it pending on its row, then removing it once', async () => {
    const onEvent = vi.fn();
    // The revoke waits for this gate, opened once the pending state has been seen: no race with a timer.
    let open = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    const { clerk, user } = setup(mergePersona(personas.manyDevices, { latency: { revoke: () => gate } }), { onEvent });
    const revoke = await devicesRegion().findByRole('button', { name: IPHONE });
    await user.click(revoke);
    const dialog = screen.getByRole('dialog', { name: 'Revoke this session?' });
    await user.dblClick(within(dialog).getByRole('button', { name: 'Revoke session' }));
    // Feedback where it happened: the row's own button says so, and keeps focus.
    await waitFor(() => expect(revoke).toHaveFocus());
    expect(revoke).toHaveAttribute('aria-busy', 'true');
    expect(revoke).toHaveTextContent('Revoking…');
    await user.click(revoke); // a click on the pending button does nothing
    open();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Session on Safari 19, iPhone, Lisbon revoked.'));
    expect(clerk.mock.callsOf('revoke').map((c) => c.args)).toEqual([['sess_dev_iphone']]);
    expect(deviceRows()).toHaveLength(7);
    expect(onEvent).toHaveBeenCalledWith(expect.objectContaining({ type: 'revoked' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Your devices' })).toHaveFocus());
  });

  it('should keep a refused revoke on its row, with a sentence for people, the raw reason behind Details, and a retry', async () => {
    const { clerk, user } = setup(
      mergePersona(personas.manyDevices, {
        failures: { revoke: { mode: 'once', message: 'Network connection lost.', status: 429 } },
      }),
    );
    await user.click(await devicesRegion().findByRole('button', { name: IPHONE }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Revoke session' }));
    const alert = await within(deviceRows()[1]!).findByRole('alert');
    expect(alert).toHaveTextContent(
      'Could not revoke the session on Safari 19, iPhone, Lisbon: Too many attempts. Wait a moment and try again.',
    );
    expect(within(alert).getByText('Details').closest('details')).toHaveTextContent('Network connection lost.');
    expect(deviceRows()).toHaveLength(8);
    expect(screen.getByRole('status')).not.toHaveTextContent('revoked.');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(deviceRows()).toHaveLength(7));
    expect(clerk.mock.callsOf('revoke').map((c) => c.status)).toEqual(['error', 'ok']);
  });

  it('should revoke all other devices and keep this one', async () => {
    const { clerk, user } = setup(personas.manyDevices);
    await user.click(await devicesRegion().findByRole('button', { name: 'Revoke all 7 other devices' }));
    const dialog = screen.getByRole('dialog', { name: 'Revoke 7 other devices?' });
    expect(dialog).toHaveTextContent('7 other devices will be signed out.');
    await user.click(within(dialog).getByRole('button', { name: 'Revoke 7 devices' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('7 sessions revoked.'));
    expect(deviceRows()).toHaveLength(1);
    expect(clerk.mock.callsOf('revoke').map((c) => c.args[0])).not.toContain('sess_ada');
    expect(clerk.session?.id).toBe('sess_ada');
  });

  it('should show a device list that fails to load with a working retry', async () => {
    const { user } = setup(
      mergePersona(personas.manyDevices, {
        failures: { getSessions: { mode: 'once', message: 'Service unavailable.' } },
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load your devices. Something went wrong. Please try again.');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(deviceRows()).toHaveLength(8));
  });
});

describe('given three accounts on this browser', () => {
  it('should switch the active account and move the Current badge', async () => {
    const { clerk, user } = setup(personas.multiSession);
    await user.click(accountsRegion().getByRole('button', { name: 'Switch to Alan Turing' }));
    await waitFor(() => expect(accountsRegion().getAllByRole('listitem')[2]).toHaveTextContent(/Alan Turing\s*Current/));
    expect(accountsRegion().getAllByRole('listitem')[0]).not.toHaveTextContent('Current');
    expect(clerk.mock.calls.map((c) => [c.action, ...c.args]).filter(([a]) => a === 'setActive')).toEqual([
      ['setActive', { session: 'sess_alan' }],
    ]);
    expect(screen.getByRole('status')).toHaveTextContent('Switched to Alan Turing.');
  });

  it('should sign one account out and keep the others', async () => {
    const { clerk, user } = setup(personas.multiSession);
    await user.click(accountsRegion().getByRole('button', { name: 'Sign out Grace Hopper' }));
    await waitFor(() => expect(accountsRegion().getAllByRole('listitem')).toHaveLength(2));
    expect(clerk.mock.callsOf('signOut')[0]?.args).toEqual([{ sessionId: 'sess_grace' }]);
  });

  it('should report a failed switch on its row, never announce success, and keep the current account', async () => {
    const onEvent = vi.fn();
    const { user } = setup(mergePersona(personas.multiSession, { failures: { setActive: { message: 'Session expired.', status: 401 } } }), {
      onEvent,
    });
    await user.click(accountsRegion().getByRole('button', { name: 'Switch to Grace Hopper' }));
    const alert = await within(accountsRegion().getAllByRole('listitem')[1]!).findByRole('alert');
    expect(alert).toHaveTextContent('Could not switch to Grace Hopper: Your session has ended. Sign in again to continue.');
    expect(screen.getByRole('status')).not.toHaveTextContent('Switched');
    expect(screen.getByRole('status')).toHaveTextContent('Could not switch to Grace Hopper');
    expect(onEvent.mock.calls.map(([e]) => e.type)).toEqual(['switch-failed']);
    expect(accountsRegion().getAllByRole('listitem')[0]).toHaveTextContent(/Ada Lovelace\s*Current/);
  });

  it('should render the add-account slot as a finished link from an href, or the node given', async () => {
    const { unmount } = setup(personas.multiSession, { addAccount: { href: '/sign-in' } });
    expect(screen.getByRole('link', { name: 'Add account' })).toHaveAttribute('href', '/sign-in');
    expect(screen.getByRole('link', { name: 'Add account' })).toHaveAttribute('data-slot', 'addAccount');
    await waitFor(() => expect(deviceRows()).toHaveLength(1));
    unmount();
    setup(personas.multiSession, { addAccount: <button type="button">Mine</button> });
    expect(screen.getByRole('button', { name: 'Mine' })).toBeInTheDocument();
    await waitFor(() => expect(deviceRows()).toHaveLength(1));
  });

  it('should move focus to the accounts heading when the switched row loses its Switch button', async () => {
    const { user } = setup(personas.multiSession);
    await user.click(accountsRegion().getByRole('button', { name: 'Switch to Alan Turing' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Accounts on this browser' })).toHaveFocus());
    expect(document.activeElement).not.toBe(document.body);
  });
});

describe('given a single session', () => {
  it('should say there are no other devices', async () => {
    setup(personas.personal);
    expect(await screen.findByText('No other devices are signed in to your account.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Revoke/ })).not.toBeInTheDocument();
  });
});

describe('given 500 device sessions', () => {
  it('should render every row', { timeout: 20_000 }, async () => {
    const many = Array.from({ length: 499 }, (_, i) => ({
      id: `sess_${i}`,
      lastActiveAt: Date.parse('2026-01-15T12:00:00Z') - i * 60_000,
      latestActivity: { browserName: 'Firefox', browserVersion: `${100 + (i % 40)}.0` },
    }));
    setup({
      state: {
        users: [{ id: 'user_ada', firstName: 'Ada', devices: many }],
        sessions: [{ id: 'sess_ada', userId: 'user_ada' }],
      },
    });
    await waitFor(() => expect(deviceRows()).toHaveLength(500), { timeout: 15_000 });
  });
});
