import { act, renderHook, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { SessionList, SessionManager, useSessionList } from '../../src';
import { createMockClerk, mergePersona, MockClerkProvider, personas, type MockClerk } from '../../src/testing';
import { renderWithMockClerk } from '../support/render';

/**
 * The three bugs of issue 7 that the mock's kindness hid, each under Clerk's real semantics:
 * clerk-js 6.40 `getSessions()` resolves `[]` on failure (SessionWithActivities.retrieve ends in
 * `.catch(() => [])`), and signing out the active session leaves the browser's other sessions.
 * Where the mock cannot express a case, the test gives the user resource clerk-js's answer.
 */
const clerkJsFailedGetSessions = (clerk: MockClerk) => {
  // What clerk-js returns when GET /me/sessions/active fails: an empty list, never a rejection.
  // The mock does the same for an armed failure (the call is logged as an error).
  clerk.mock.fail('getSessions', 'always');
};
const failedGetSessions = (clerk: MockClerk) => clerk.mock.callsOf('getSessions').filter((c) => c.status === 'error');

describe('given getSessions fails the way clerk-js fails (an empty list)', () => {
  it('should not sign out here, report the failure, and revoke nothing', async () => {
    const { clerk, user } = renderWithMockClerk(personas.manyDevices, <SessionManager />);
    clerkJsFailedGetSessions(clerk);
    await user.click(screen.getByRole('button', { name: 'Sign out of all devices' }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: /Sign out/ }));
    expect(await within(dialog).findByRole('alert')).toBeInTheDocument();
    expect(failedGetSessions(clerk).length).toBeGreaterThan(0);
    expect(clerk.mock.calls.map((c) => c.action)).not.toContain('signOut');
    expect(clerk.session?.id).toBe('sess_ada');
  });

  it('should show the device list as failed to load, not as "no other devices"', async () => {
    const clerk = createMockClerk(personas.manyDevices);
    clerkJsFailedGetSessions(clerk);
    const { render } = await import('@testing-library/react');
    render(
      <MockClerkProvider clerk={clerk}>
        <SessionList />
      </MockClerkProvider>,
    );
    const devices = within(screen.getByRole('region', { name: 'Your devices' }));
    expect(await devices.findByText(/Could not load your devices/)).toBeInTheDocument();
    expect(failedGetSessions(clerk).length).toBeGreaterThan(0);
    expect(screen.queryByText('No other devices are signed in to your account.')).not.toBeInTheDocument();
  });
});

describe('given a revoke in flight while the device list is refetched', () => {
  it('should keep the revoked device gone (rows matched by id, not by object)', async () => {
    const clerk = createMockClerk(mergePersona(personas.manyDevices, { latency: { revoke: 40 } }));
    const wrapper = ({ children }: { children?: ReactNode }) => <MockClerkProvider clerk={clerk}>{children}</MockClerkProvider>;
    const { result } = renderHook(() => useSessionList(), { wrapper });
    const ids = () => result.current.devices.map((d) => d.id);
    await waitFor(() => expect(ids()).toHaveLength(8));
    const iphone = result.current.devices.find((d) => d.id === 'sess_dev_iphone')!;
    act(() => {
      void result.current.revoke(iphone);
    });
    // The refetch answers before the revoke does: its rows are new objects, the iPhone among them.
    act(() => result.current.reloadDevices());
    await waitFor(() => expect(clerk.mock.callsOf('getSessions').filter((c) => c.status === 'ok')).toHaveLength(2));
    await waitFor(() => expect(clerk.mock.callsOf('revoke')[0]?.status).toBe('ok'));
    await waitFor(() => expect(ids()).toHaveLength(7));
    expect(ids()).not.toContain('sess_dev_iphone');
  });
});

describe('given the current account signs out while other accounts remain on this browser', () => {
  it('should stay usable and offer to switch to the remaining accounts', async () => {
    const { user } = renderWithMockClerk(personas.multiSession, <SessionList />);
    const accounts = () => within(screen.getByRole('region', { name: 'Accounts on this browser' }));
    await user.click(accounts().getByRole('button', { name: 'Sign out Ada Lovelace' }));
    await waitFor(() => expect(accounts().getAllByRole('listitem')).toHaveLength(2));
    expect(accounts().getByRole('button', { name: 'Switch to Grace Hopper' })).toBeEnabled();
    expect(screen.queryByText('You are signed out.')).not.toBeInTheDocument();
  });
});

describe('given clerk-js revoking in place and answering from its cache', () => {
  it('should leave out a device another component revoked, by its status', async () => {
    const clerk = createMockClerk(personas.manyDevices);
    const cached = await clerk.user!.getSessions();
    // Revoked elsewhere (say, by SessionManager): clerk-js mutated the cached instance in place.
    Object.assign(
      cached.find((d) => d.id === 'sess_dev_iphone')!,
      { status: 'revoked' },
    );
    Object.defineProperty(clerk.user!, 'getSessions', { value: () => Promise.resolve(cached), configurable: true });
    const wrapper = ({ children }: { children?: ReactNode }) => <MockClerkProvider clerk={clerk}>{children}</MockClerkProvider>;
    const { result } = renderHook(() => useSessionList(), { wrapper });
    await waitFor(() => expect(result.current.devices).toHaveLength(7));
    expect(result.current.devices.map((d) => d.id)).not.toContain('sess_dev_iphone');
  });
});
