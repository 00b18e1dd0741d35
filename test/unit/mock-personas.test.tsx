/**
 * The `slowNetwork` persona (Clerk's load and every Clerk call take 1200 ms), the `manyOrgs`
 * persona (Ada in 60 organizations), and the Storybook persona toolbar that offers both.
 * Timers are Vitest's fake ones: no test here waits for real time.
 */
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionManager } from '../../src';
import { SLOW_AFTER_MS } from '../../src/components/shared/parts';
import { createMockClerk, mergePersona, MockClerkProvider, personas, type MockClerk } from '../../src/testing';
import { clerkPersonaGlobalType, mockClerkLoader } from '../../src/testing/storybook';

afterEach(() => vi.useRealTimers());

/** The slowNetwork persona's latency. */
const SLOW_MS = 1200;
/**
 * Its load ends one timer after its latency (`loadDelay: 0`: a 0 ms timer, which fake timers run
 * 1 ms later when it is set during a tick).
 */
const LOAD_ENDS_MS = SLOW_MS + 1;

const loaded = async (clerk: MockClerk) => {
  const loading = clerk.load();
  await vi.advanceTimersByTimeAsync(LOAD_ENDS_MS);
  await loading;
  return clerk;
};

describe('given the slowNetwork persona', () => {
  it("should start not loaded, and load Ada (as in orgMember) after the load's 1200 ms", async () => {
    vi.useFakeTimers();
    const clerk = createMockClerk(personas.slowNetwork);
    expect(clerk.loaded).toBe(false);
    const loading = clerk.load();
    await vi.advanceTimersByTimeAsync(SLOW_MS - 1);
    expect(clerk.loaded).toBe(false);
    expect(clerk.status).toBe('loading');
    expect(clerk.mock.callsOf('load')).toMatchObject([{ status: 'pending' }]);
    await vi.advanceTimersByTimeAsync(LOAD_ENDS_MS - (SLOW_MS - 1));
    await loading;
    expect(clerk.loaded).toBe(true);
    expect(clerk.status).toBe('ready');
    expect(clerk.mock.callsOf('load')).toMatchObject([{ status: 'ok' }]);
    expect(clerk.user?.id).toBe('user_ada');
    expect(clerk.organization?.id).toBe('org_acme');
    expect(clerk.mock.state).toEqual(createMockClerk(personas.orgMember).mock.state);
  });

  it('should hold every Clerk call for 1200 ms, then apply it', async () => {
    vi.useFakeTimers();
    const clerk = await loaded(createMockClerk(personas.slowNetwork));
    clerk.mock.clearCalls();
    const settled: string[] = [];
    const switching = clerk.setActive({ organization: 'org_globex' }).then(() => settled.push('setActive'));
    const listing = clerk.user!.getSessions().then(() => settled.push('getSessions'));
    await vi.advanceTimersByTimeAsync(SLOW_MS - 1);
    expect(settled).toEqual([]);
    expect(clerk.mock.calls.map((c) => `${c.action}:${c.status}`)).toEqual(['setActive:pending', 'getSessions:pending']);
    expect(clerk.organization?.id).toBe('org_acme');
    await vi.advanceTimersByTimeAsync(1);
    await Promise.all([switching, listing]);
    expect([...settled].sort()).toEqual(['getSessions', 'setActive']);
    expect(clerk.mock.calls.map((c) => `${c.action}:${c.status}`)).toEqual(['setActive:ok', 'getSessions:ok']);
    expect(clerk.organization?.id).toBe('org_globex');
  });

  it("should show the kit's loading skeleton under MockClerkProvider until the load's 1200 ms are over", async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    render(
      <MockClerkProvider options={personas.slowNetwork}>
        <SessionManager />
      </MockClerkProvider>,
    );
    await act(() => vi.advanceTimersByTimeAsync(SLOW_MS - 1));
    expect(document.querySelector('[aria-busy="true"]')).not.toBeNull();
    expect(screen.queryByText('Ada Lovelace')).toBeNull();
    await act(() => vi.advanceTimersByTimeAsync(LOAD_ENDS_MS - (SLOW_MS - 1)));
    expect(screen.getByText('Ada Lovelace')).toBeInTheDocument();
    expect(screen.queryByText('Taking longer than usual…')).toBeNull();
  });

  it('should say "Taking longer than usual…" when one call is held past 8 s, merged as the docs show', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const persona = mergePersona(personas.slowNetwork, { latency: { load: 9000 } });
    expect(persona.latency).toEqual({ default: SLOW_MS, load: 9000 });
    render(
      <MockClerkProvider options={persona}>
        <SessionManager />
      </MockClerkProvider>,
    );
    await act(() => vi.advanceTimersByTimeAsync(SLOW_AFTER_MS - 1));
    expect(document.querySelector('[data-slot="skeletonSlow"]')).toBeNull();
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(document.querySelector('[data-slot="skeletonSlow"]')).toHaveTextContent('Taking longer than usual…');
    await act(() => vi.advanceTimersByTimeAsync(9000 + 1 - SLOW_AFTER_MS));
    expect(screen.getByText('Ada Lovelace')).toBeInTheDocument();
    expect(document.querySelector('[data-slot="skeletonSlow"]')).toBeNull();
  });
});

describe('given the manyOrgs persona', () => {
  it('should be Ada in 60 organizations, the first active, in three pages of 20', async () => {
    const clerk = createMockClerk(personas.manyOrgs);
    expect(clerk.mock.state.users[0]?.memberships).toHaveLength(60);
    expect(clerk.organization?.id).toBe('org_0001');
    const last = await clerk.user!.getOrganizationMemberships({ initialPage: 3, pageSize: 20 });
    expect(last.total_count).toBe(60);
    expect(last.data.map((m) => m.organization.name)).toEqual(
      Array.from({ length: 20 }, (_, i) => `Organization ${String(41 + i).padStart(4, '0')}`),
    );
  });
});

describe('given the Storybook persona toolbar', () => {
  const { items } = clerkPersonaGlobalType.toolbar;
  const pick = async (clerkPersona: string) => {
    const result = await mockClerkLoader({ parameters: { clerk: { persona: 'signedOut' } }, globals: { clerkPersona }, loaded: {} });
    if (!result.clerk) throw new Error('mockClerkLoader made no mock');
    return result.clerk;
  };

  it('should offer every persona, slowNetwork and manyOrgs among them, after "the story\'s own"', () => {
    expect(items.map((item) => item.value)).toEqual(['', ...Object.keys(personas)]);
    expect(items).toContainEqual({ value: 'slowNetwork', title: 'Persona: slowNetwork' });
    expect(items).toContainEqual({ value: 'manyOrgs', title: 'Persona: manyOrgs' });
  });

  it('should give a story the persona picked there', async () => {
    const slow = await pick('slowNetwork');
    expect(slow.loaded).toBe(false);
    const many = await pick('manyOrgs');
    expect(many.mock.state.users[0]?.memberships).toHaveLength(60);
    expect(many.organization?.id).toBe('org_0001');
  });
});
