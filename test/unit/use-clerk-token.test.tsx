/**
 * useClerkToken on the real @clerk/react hooks, driven by the mock Clerk, calling the MSW demo
 * API (`clerk-session-kit/testing/msw`) that verifies the mock's tokens and their expiry.
 */
import { act, renderHook, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { ReactNode } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AuthFetchError, useClerkToken, type UseClerkTokenOptions } from '../../src';
import { createMockClerk, MockClerkProvider, personas, type MockClerk, type Persona } from '../../src/testing';
import { createMockApiHandlers } from '../../src/testing/msw';

let apiClerk: MockClerk | undefined;
const onWire = vi.fn<(request: Request) => void>();
const server = setupServer(
  ...createMockApiHandlers({ now: () => apiClerk!.mock.now() }),
  http.get('https://evil.test/*', () => HttpResponse.text('should never be reached')),
);
server.events.on('request:start', ({ request }) => onWire(request.clone()));
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

function setup(persona: Persona, options?: UseClerkTokenOptions) {
  const clerk = createMockClerk(persona);
  apiClerk = clerk;
  onWire.mockClear();
  const wrapper = ({ children }: { children: ReactNode }) => <MockClerkProvider clerk={clerk}>{children}</MockClerkProvider>;
  const view = renderHook((opts: UseClerkTokenOptions | undefined) => useClerkToken(opts), {
    wrapper,
    initialProps: options,
  });
  const tokenCalls = () => clerk.mock.callsOf('getToken').map((c) => c.args[1]);
  const wire = () => onWire.mock.calls.map(([r]) => `${r.method} ${r.url} ${r.headers.get('authorization')?.slice(0, 10) ?? 'no token'}`);
  return { clerk, ...view, tokenCalls, wire };
}

const json = async (res: Response) => (await res.json()) as Record<string, unknown>;

describe('given a signed-in user', () => {
  it('should report readiness and call a same-origin API with the session token', async () => {
    const { result, wire } = setup(personas.orgMember);
    expect(result.current).toMatchObject({ isLoaded: true, isSignedIn: true });
    const res = await result.current.fetchWithAuth('/api/me');
    expect(await json(res)).toEqual({
      userId: 'user_ada',
      sessionId: 'sess_ada',
      orgId: 'org_acme',
      orgRole: 'org:member',
      actor: null,
    });
    expect(wire()).toEqual([`GET ${location.origin}/api/me Bearer eyJ`]);
  });

  it('should fetch one token for ten concurrent calls', async () => {
    const { result, tokenCalls } = setup(personas.orgMember);
    const answers = await Promise.all(Array.from({ length: 10 }, () => result.current.fetchWithAuth('/api/me')));
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(tokenCalls()).toHaveLength(1);
  });

  it('should refresh an expired token once with skipCache and succeed', async () => {
    const { clerk, result, tokenCalls, unmount } = setup(personas.orgMember);
    const statuses: number[] = [];
    const first = await result.current.fetchWithAuth('/api/me');
    expect(first.status).toBe(200);
    clerk.mock.expireTokens();
    unmount(); // one ClerkProvider at a time (Clerk Core 2 refuses two)
    const { result: logged } = renderHook(
      () => useClerkToken({ fetch: async (...args) => fetch(...args).then((r) => (statuses.push(r.status), r)) }),
      {
        wrapper: ({ children }) => <MockClerkProvider clerk={clerk}>{children}</MockClerkProvider>,
      },
    );
    const res = await logged.current.fetchWithAuth('/api/me');
    expect(res.status).toBe(200);
    expect(statuses).toEqual([401, 200]);
    expect(tokenCalls()).toEqual([
      { template: undefined, organizationId: undefined, skipCache: undefined },
      { template: undefined, organizationId: undefined, skipCache: undefined },
      { template: undefined, organizationId: undefined, skipCache: true },
    ]);
  });

  it('should ask for a JWT template token and an organization-scoped token', async () => {
    const persona: Persona = {
      ...personas.orgMember,
      templates: { api: (c) => ({ aud: 'https://api.example.com', org: c.o?.slg ?? null }) },
    };
    const { result, rerender } = setup(persona, { template: 'api' });
    const claims = (await json(await result.current.fetchWithAuth('/api/claims'))).claims;
    expect(claims).toMatchObject({ aud: 'https://api.example.com', org: 'acme', sub: 'user_ada' });
    rerender({ organizationId: 'org_globex' });
    expect(await json(await result.current.fetchWithAuth('/api/me'))).toMatchObject({ orgId: 'org_globex' });
    const perCall = await result.current.fetchWithAuth('/api/claims', { template: 'api' });
    // As in clerk-js, a template token is minted from the session's own organization: the
    // organizationId option scopes only the plain session token.
    expect((await json(perCall)).claims).toMatchObject({ aud: 'https://api.example.com', org: 'acme' });
    expect(await result.current.getToken({ template: 'api', organizationId: 'org_acme' })).toMatch(/^eyJ/);
  });

  it('should scope tokens to the new organization when only organizationId changes', async () => {
    const { result, rerender, tokenCalls } = setup(personas.orgMember, { organizationId: 'org_acme' });
    expect(await json(await result.current.fetchWithAuth('/api/me'))).toMatchObject({ orgId: 'org_acme' });
    rerender({ organizationId: 'org_globex' });
    expect(await json(await result.current.fetchWithAuth('/api/me'))).toMatchObject({ orgId: 'org_globex' });
    expect(tokenCalls()).toEqual([
      expect.objectContaining({ organizationId: 'org_acme' }),
      expect.objectContaining({ organizationId: 'org_globex' }),
    ]);
  });

  it('should surface a Clerk error for an unknown template without sending anything', async () => {
    const { result, wire } = setup(personas.orgMember, { template: 'nope' });
    await expect(result.current.fetchWithAuth('/api/me')).rejects.toThrow('no JWT template named "nope"');
    expect(wire()).toEqual([]);
  });

  it('should refuse a cross-origin URL, and send to an allowed origin', async () => {
    const { result, wire, tokenCalls, unmount } = setup(personas.orgMember);
    const error = await result.current.fetchWithAuth('https://evil.test/api/me').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthFetchError);
    expect(error).toMatchObject({ code: 'origin-not-allowed' });
    expect(wire()).toEqual([]);
    expect(tokenCalls()).toEqual([]);
    unmount(); // one ClerkProvider at a time (Clerk Core 2 refuses two)
    const { result: allowed } = setup(personas.orgMember, { allowedOrigins: ['https://api.example.com'] });
    expect((await allowed.current.fetchWithAuth('https://api.example.com/api/me')).status).toBe(200);
  });

  it('should keep the same functions across renders while the options keep their values', () => {
    const { result, rerender } = setup(personas.orgMember, { allowedOrigins: ['https://api.example.com'] });
    const before = result.current;
    rerender({ allowedOrigins: ['https://api.example.com'] });
    expect(result.current.fetchWithAuth).toBe(before.fetchWithAuth);
    expect(result.current.getToken).toBe(before.getToken);
    rerender({ allowedOrigins: ['https://api.example.com', 'https://files.example.com'] });
    expect(result.current.fetchWithAuth).not.toBe(before.fetchWithAuth);
  });

  it('should cancel the wait for a slow token when the signal aborts, sending nothing', async () => {
    const { clerk, result, wire } = setup(personas.orgMember);
    clerk.mock.setLatency({ getToken: 500 });
    const controller = new AbortController();
    const pending = result.current.fetchWithAuth('/api/me', { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(wire()).toEqual([]);
  });
});

describe('given no signed-in user', () => {
  it('should report signed out and reject with a typed error, sending nothing', async () => {
    const { result, wire } = setup(personas.signedOut);
    expect(result.current).toMatchObject({ isLoaded: true, isSignedIn: false });
    await expect(result.current.fetchWithAuth('/api/me')).rejects.toMatchObject({
      code: 'signed-out',
      message: expect.stringContaining('isSignedIn'),
    });
    await expect(result.current.getToken()).rejects.toMatchObject({ code: 'signed-out' });
    expect(wire()).toEqual([]);
  });

  it('should turn signed out when the user signs out, for a function taken before', async () => {
    const { clerk, result } = setup(personas.orgMember);
    const { fetchWithAuth } = result.current;
    await act(() => clerk.signOut());
    expect(result.current.isSignedIn).toBe(false);
    await expect(fetchWithAuth('/api/me')).rejects.toMatchObject({ code: 'signed-out' });
  });
});

describe('given a session pending a task (signed out for useAuth(), yet Clerk hands it tokens)', () => {
  it('should report signed out and reject with signed-out, sending nothing', async () => {
    const { clerk, result, wire } = setup(personas.pendingSession);
    // What the kit guards against: Clerk itself still mints a token for the pending session.
    await expect(clerk.session!.getToken()).resolves.toMatch(/^eyJ/);
    expect(result.current).toMatchObject({ isLoaded: true, isSignedIn: false });
    await expect(result.current.fetchWithAuth('/api/me')).rejects.toMatchObject({ code: 'signed-out' });
    await expect(result.current.getToken()).rejects.toMatchObject({ code: 'signed-out' });
    expect(wire()).toEqual([]);
  });

  it('should turn signed out when the session becomes pending, for a function taken before', async () => {
    const { clerk, result, wire } = setup(personas.orgMember);
    const { fetchWithAuth } = result.current;
    act(() => clerk.mock.setState(personas.pendingSession.state!));
    expect(result.current.isSignedIn).toBe(false);
    await expect(fetchWithAuth('/api/me')).rejects.toMatchObject({ code: 'signed-out' });
    expect(wire()).toEqual([]);
  });
});

describe('given Clerk still loading', () => {
  it('should wait for Clerk to load, then send', async () => {
    const { clerk, result, wire } = setup(personas.loading);
    expect(result.current.isLoaded).toBe(false);
    const pending = result.current.fetchWithAuth('/api/me');
    await new Promise((r) => setTimeout(r, 30));
    expect(wire()).toEqual([]);
    await act(async () => clerk.mock.finishLoading());
    expect((await pending).status).toBe(200);
    await waitFor(() => expect(result.current.isLoaded).toBe(true));
  });

  it('should give up after the timeout with a typed error', async () => {
    const { result, wire } = setup(personas.loading, { timeout: 40 });
    await expect(result.current.fetchWithAuth('/api/me')).rejects.toMatchObject({
      code: 'token-timeout',
      message: expect.stringContaining('40 ms'),
    });
    expect(wire()).toEqual([]);
  });
});
