import { render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ClerkProvider, useAuth, useClerk } from '../../src/clerk';
import { createMockClerk, MOCK_PUBLISHABLE_KEY, MockClerkProvider, personas } from '../../src/testing';
import { hostMockClerk, UNHOSTED_LOAD_FAILURE_MS } from '../../src/testing/load-failure';
import { eventually, renderOutsideAct } from './outside-act';

function Status() {
  const clerk = useClerk();
  const { isLoaded } = useAuth();
  return (
    <p>
      status:{String(clerk.status)} loaded:{String(isLoaded)}
    </p>
  );
}

describe('given the loadFailed persona (Clerk could not load)', () => {
  it("should report @clerk/react's 'error' status and never become loaded", async () => {
    render(
      <MockClerkProvider options={personas.loadFailed}>
        <Status />
      </MockClerkProvider>,
    );
    expect(await screen.findByText(/status:error/)).toHaveTextContent('loaded:false');
  });
});

describe('given a mock that loads', () => {
  it("should report the 'ready' status", async () => {
    render(
      <MockClerkProvider options={personas.orgMember}>
        <Status />
      </MockClerkProvider>,
    );
    expect(await screen.findByText(/status:ready/)).toHaveTextContent('loaded:true');
  });
});

/**
 * A production Storybook (and an app, a dev server, a docs page) renders outside `act()`: React
 * runs effects in a later task, after the microtasks of the render. ClerkProvider calls `load()`
 * while it renders and subscribes to status only in that effect, without asking for the last
 * status: a failure settled before the effect never reached it (issue 21). The kit's components
 * in that setting: session-clerk-failed.test.tsx.
 */
describe('given a render outside act(), as a production Storybook renders a story', () => {
  it('should reach the error status under StrictMode too (effects mounted, unmounted, mounted again)', async () => {
    const container = renderOutsideAct(
      <StrictMode>
        <MockClerkProvider options={personas.loadFailed}>
          <Status />
        </MockClerkProvider>
      </StrictMode>,
    );
    expect(await eventually(() => /status:error/.test(container.textContent ?? ''))).toBe(true);
    expect(container).toHaveTextContent('loaded:false');
  });

  it("should go from 'loading' to 'error' under MockClerkProvider, never stay on 'loading'", async () => {
    const clerk = createMockClerk(personas.loadFailed);
    const seen: string[] = [];
    function Seen() {
      seen.push(String(useClerk().status));
      return null;
    }
    const container = renderOutsideAct(
      <MockClerkProvider clerk={clerk}>
        <Seen />
        <Status />
      </MockClerkProvider>,
    );
    expect(await eventually(() => /status:error/.test(container.textContent ?? ''))).toBe(true);
    // First render 'loading' (ClerkProvider has just called load()), then 'error': never stuck.
    expect(seen[0]).toBe('loading');
    expect(seen.at(-1)).toBe('error');
    expect(clerk.status).toBe('error');
    expect(clerk.loaded).toBe(false);
    expect(clerk.mock.calls.map((c) => [c.action, c.status])).toEqual([['load', 'error']]);
  });

  it('should hold the failure of a mock a MockClerkProvider renders until that provider has mounted', async () => {
    vi.useFakeTimers();
    const clerk = createMockClerk(personas.loadFailed);
    const host = hostMockClerk(clerk); // what MockClerkProvider does while it renders
    let settled = false;
    const done = clerk.load().catch(() => (settled = true));
    // Past the unhosted round trip, on the fake clock: held all the same.
    await vi.advanceTimersByTimeAsync(UNHOSTED_LOAD_FAILURE_MS + 50);
    vi.useRealTimers();
    expect(settled).toBe(false);
    expect(clerk.status).toBe('loading');
    host.open(); // its mount effect, run after ClerkProvider's
    await done;
    expect(settled).toBe(true);
    expect(clerk.status).toBe('error');
  });

  it.each([
    ['standard', {}],
    ['headless', { experimental: { runtimeEnvironment: 'headless' as const } }],
  ])('should reach the error status under your own %s <ClerkProvider Clerk={mock}>, after a simulated round trip', async (_mode, props) => {
    const clerk = createMockClerk(personas.loadFailed);
    vi.spyOn(console, 'error').mockImplementation(() => {}); // @clerk/react logs the failed load in standard mode
    const start = Date.now();
    const container = renderOutsideAct(
      <ClerkProvider publishableKey={MOCK_PUBLISHABLE_KEY} Clerk={clerk as never} {...props}>
        <Status />
      </ClerkProvider>,
    );
    expect(await eventually(() => /status:error/.test(container.textContent ?? ''))).toBe(true);
    expect(Date.now() - start).toBeGreaterThanOrEqual(UNHOSTED_LOAD_FAILURE_MS - 5);
  });
});

describe('given a failing load() called directly', () => {
  it("should reject in a later task, not within the call's microtasks, then report and emit 'error' as clerk-js does", async () => {
    const clerk = createMockClerk(personas.loadFailed);
    const events: string[] = [];
    clerk.on('status', (s) => events.push(s), { notify: true });
    let settled = 'pending';
    const done = clerk.load().then(
      () => (settled = 'resolved'),
      (error: unknown) => (settled = `rejected: ${(error as Error).message}`),
    );
    for (let i = 0; i < 100; i++) await Promise.resolve();
    expect(settled).toBe('pending');
    expect(clerk.status).toBe('loading');
    const late: string[] = [];
    clerk.on('status', (s) => late.push(s));
    await done;
    expect(settled).toBe('rejected: Mock Clerk: load failed (injected failure).');
    expect(clerk.status).toBe('error');
    expect(clerk.loaded).toBe(false);
    expect(events).toEqual(['loading', 'error']);
    expect(late).toEqual(['error']);
  });

  it("should leave 'error' for 'ready' when a later load() succeeds (fail 'once')", async () => {
    const clerk = createMockClerk({ ...personas.orgMember, loaded: false, loadDelay: 0, failures: { load: 'once' } });
    await expect(clerk.load()).rejects.toThrow('load failed');
    expect(clerk.status).toBe('error');
    await clerk.load();
    expect(clerk.status).toBe('ready');
    expect(clerk.loaded).toBe(true);
  });
});
