/**
 * Step-up verification (Clerk's "reverification") through the mock and the kit's session actions.
 * Clerk guards a device session's `revoke()` (its own UserProfile wraps it in useReverification,
 * @clerk/ui ActiveDevicesSection); the Frontend API then answers 403 session_reverification_required.
 * The kit runs Clerk's own `useReverification`: Clerk's flow opens once, a completed flow retries
 * once, a cancelled one changes nothing and says so on the row.
 */
import { act, renderHook, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { SessionList, SessionManager } from '../../src';
import { useReverification } from '../../src/clerk';
import { createMockClerk, mergePersona, MockClerkAPIError, MockClerkProvider, personas, type MockClerk } from '../../src/testing';
import { expectNoAxeViolations } from '../support/axe';
import { renderWithMockClerk } from '../support/render';

const guarded = mergePersona(personas.manyDevices, { requireReverification: true });
const devicesRegion = () => within(screen.getByRole('region', { name: 'Your devices' }));
const deviceRows = () => devicesRegion().getAllByRole('listitem');
const IPHONE = 'Revoke session on Safari 19, iPhone, Lisbon';
const iphoneOf = async (clerk: MockClerk) => (await clerk.user!.getSessions()).find((d) => d.id === 'sess_dev_iphone')!;
/** Clerk's ClerkRuntimeError for a cancelled flow (what `isReverificationCancelledError` checks). */
const cancelled = { code: 'reverification_cancelled' };
const opened = (clerk: MockClerk) => waitFor(() => expect(clerk.mock.reverification).not.toBeNull());

describe('given the mock requires reverification', () => {
  it('should refuse revoke() as the Frontend API does, changing nothing, until the user verified', async () => {
    const clerk = createMockClerk(guarded);
    const iphone = await iphoneOf(clerk);
    const error = await iphone.revoke().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MockClerkAPIError);
    expect(error).toMatchObject({ status: 403, errors: [{ code: 'session_reverification_required' }] });
    expect(iphone.status).toBe('active');
    expect(clerk.mock.state.users[0]!.devices.find((d) => d.id === 'sess_dev_iphone')!.status).toBe('active');
    clerk.__internal_openReverification({ level: 'second_factor' });
    clerk.mock.completeReverification();
    await expect(iphone.revoke()).resolves.toMatchObject({ status: 'revoked' });
    expect(clerk.mock.callsOf('revoke').map((c) => c.status)).toEqual(['error', 'ok']);
  });

  it('should hold an opened flow until a test completes or cancels it, each calling its own callback', () => {
    const clerk = createMockClerk(guarded);
    const seen: unknown[] = [];
    const stop = clerk.mock.onReverification((request) => seen.push(request));
    const props = { level: 'multi_factor' as const, afterVerification: vi.fn(), afterVerificationCancelled: vi.fn() };
    clerk.__internal_openReverification(props);
    expect(clerk.mock.reverification).toEqual({ level: 'multi_factor' });
    clerk.mock.cancelReverification();
    expect(props.afterVerificationCancelled).toHaveBeenCalledTimes(1);
    expect(props.afterVerification).not.toHaveBeenCalled();
    expect(clerk.mock.reverification).toBeNull();
    expect(() => clerk.mock.completeReverification()).toThrow(/no reverification flow is open/);
    stop();
    clerk.__internal_openReverification(props);
    expect(seen).toEqual([{ level: 'multi_factor' }, null]);
  });

  it('should replace an open flow with a second one, whose callbacks alone run, as clerk-js reopens its modal', () => {
    const clerk = createMockClerk(guarded);
    const first = { afterVerification: vi.fn() };
    const second = { afterVerification: vi.fn() };
    clerk.__internal_openReverification(first);
    clerk.__internal_openReverification(second);
    clerk.mock.completeReverification();
    expect(first.afterVerification).not.toHaveBeenCalled();
    expect(second.afterVerification).toHaveBeenCalledTimes(1);
  });

  it('should refuse to open the flow with no user signed in (a development instance throws)', () => {
    const clerk = createMockClerk({ requireReverification: true });
    expect(() => clerk.__internal_openReverification({})).toThrow(/unless a user is signed in/);
    expect(clerk.mock.reverification).toBeNull();
  });
});

describe("given Clerk's own useReverification over the mock", () => {
  const setup = () => {
    const clerk = createMockClerk(guarded);
    const wrapper = ({ children }: { children?: ReactNode }) => <MockClerkProvider clerk={clerk}>{children}</MockClerkProvider>;
    const { result } = renderHook(() => useReverification((d: { revoke(): Promise<unknown> }) => d.revoke()), { wrapper });
    return { clerk, result };
  };

  it('should open the flow, then retry once when it is completed', async () => {
    const { clerk, result } = setup();
    const iphone = await iphoneOf(clerk);
    let outcome: Promise<unknown> = Promise.resolve();
    act(() => {
      outcome = result.current(iphone);
    });
    await opened(clerk);
    act(() => clerk.mock.completeReverification());
    await expect(outcome).resolves.toMatchObject({ status: 'revoked' });
    expect(clerk.mock.callsOf('revoke').map((c) => c.status)).toEqual(['error', 'ok']);
  });

  it("should reject with Clerk's reverification_cancelled error when it is cancelled, and not retry", async () => {
    const { clerk, result } = setup();
    const iphone = await iphoneOf(clerk);
    let outcome: Promise<unknown> = Promise.resolve();
    act(() => {
      outcome = result.current(iphone).catch((e: unknown) => e);
    });
    await opened(clerk);
    act(() => clerk.mock.cancelReverification());
    expect(await outcome).toMatchObject(cancelled);
    expect(clerk.mock.callsOf('revoke')).toHaveLength(1);
  });
});

describe('given SessionList and a revoke Clerk guards with reverification', () => {
  const revokeIphone = async (user: ReturnType<typeof renderWithMockClerk>['user']) => {
    await user.click(await devicesRegion().findByRole('button', { name: IPHONE }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Revoke session' }));
  };

  it('should keep the device and say so when the flow is cancelled, then revoke it after a completed one, and pass axe', async () => {
    const onEvent = vi.fn();
    const { clerk, user, container } = renderWithMockClerk(guarded, <SessionList onEvent={onEvent} />);
    await revokeIphone(user);
    await opened(clerk);
    act(() => clerk.mock.cancelReverification());
    const alert = await within(deviceRows()[1]!).findByRole('alert');
    expect(alert).toHaveTextContent(
      'Could not revoke the session on Safari 19, iPhone, Lisbon: Verify it’s you to do this. Nothing was changed.',
    );
    expect(deviceRows()).toHaveLength(8);
    expect(onEvent).toHaveBeenCalledWith(expect.objectContaining({ type: 'revoke-failed' }));
    expect(onEvent.mock.calls.at(-1)![0].error).toMatchObject(cancelled);
    await expectNoAxeViolations(container);
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await opened(clerk);
    act(() => clerk.mock.completeReverification());
    await waitFor(() => expect(deviceRows()).toHaveLength(7));
    expect(screen.getByRole('status')).toHaveTextContent('Session on Safari 19, iPhone, Lisbon revoked.');
    expect(clerk.mock.callsOf('revoke').map((c) => c.status)).toEqual(['error', 'error', 'ok']);
  });

  it('should retry once only: refused again after the flow, the device stays with the sentence and no second flow opens', async () => {
    const { clerk, user } = renderWithMockClerk(guarded, <SessionList />);
    const opens: unknown[] = [];
    clerk.mock.onReverification((request) => request && opens.push(request));
    await revokeIphone(user);
    await opened(clerk);
    act(() => {
      clerk.mock.completeReverification();
      clerk.mock.requireReverification(); // the Frontend API still refuses the retry
    });
    const alert = await within(deviceRows()[1]!).findByRole('alert');
    expect(alert).toHaveTextContent('Verify it’s you to do this. Nothing was changed.');
    expect(deviceRows()).toHaveLength(8);
    expect(opens).toHaveLength(1);
    expect(clerk.mock.reverification).toBeNull();
    expect(clerk.mock.callsOf('revoke').map((c) => c.status)).toEqual(['error', 'error']);
  });

  it('should open the flow once for all other devices, then revoke them all', async () => {
    const { clerk, user } = renderWithMockClerk(guarded, <SessionList />);
    const opens: unknown[] = [];
    clerk.mock.onReverification((request) => request && opens.push(request));
    await user.click(await devicesRegion().findByRole('button', { name: 'Revoke all 7 other devices' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Revoke 7 devices' }));
    await opened(clerk);
    act(() => clerk.mock.completeReverification());
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('7 sessions revoked.'));
    expect(deviceRows()).toHaveLength(1);
    expect(opens).toHaveLength(1);
    const calls = clerk.mock.callsOf('revoke');
    expect(calls.filter((c) => c.status === 'error')).toHaveLength(7);
    expect(calls.filter((c) => c.status === 'ok')).toHaveLength(7);
  });
});

describe('given SessionManager and sign out of all devices under reverification', () => {
  const confirm = async (user: ReturnType<typeof renderWithMockClerk>['user']) => {
    await user.click(screen.getByRole('button', { name: 'Sign out of all devices' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: /Sign out/ }));
  };

  it('should sign out nowhere when the flow is cancelled, and say why', async () => {
    const { clerk, user } = renderWithMockClerk(guarded, <SessionManager />);
    await confirm(user);
    await opened(clerk);
    act(() => clerk.mock.cancelReverification());
    expect(await within(screen.getByRole('dialog')).findByRole('alert')).toHaveTextContent(
      'Could not sign out of all devices: Verify it’s you to do this. Nothing was changed.',
    );
    expect(clerk.mock.callsOf('signOut')).toHaveLength(0);
    expect(clerk.session?.id).toBe('sess_ada');
  });

  it('should revoke every other device and sign out here once the flow is completed', async () => {
    const { clerk, user } = renderWithMockClerk(guarded, <SessionManager />);
    await confirm(user);
    await opened(clerk);
    act(() => clerk.mock.completeReverification());
    await waitFor(() => expect(clerk.mock.callsOf('signOut').map((c) => c.status)).toEqual(['ok']));
    expect(clerk.mock.callsOf('revoke').filter((c) => c.status === 'ok')).toHaveLength(7);
  });
});
