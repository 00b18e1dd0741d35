// @vitest-environment node
/** useClerkToken during server rendering (no window): typed errors instead of a token or a request. */
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { useClerkToken, type ClerkToken } from '../../src';
import { createMockClerk, MockClerkProvider, personas } from '../../src/testing';

describe('given server rendering', () => {
  it('should reject fetchWithAuth and getToken with server-render, asking for Clerk nothing', async () => {
    const clerk = createMockClerk(personas.orgMember);
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    let seen: ClerkToken | undefined;
    function Probe() {
      seen = useClerkToken();
      return <p>{`loaded: ${seen.isLoaded}, signed in: ${seen.isSignedIn}`}</p>;
    }
    const html = renderToString(
      <MockClerkProvider clerk={clerk}>
        <Probe />
      </MockClerkProvider>,
    );
    // Clerk has not loaded on the server: the hook says so, like useAuth().
    expect(html).toBe('<p>loaded: false, signed in: false</p>');
    await expect(seen!.fetchWithAuth('/api/me')).rejects.toMatchObject({
      name: 'AuthFetchError',
      code: 'server-render',
      message: expect.stringContaining('effect or event handler'),
    });
    await expect(seen!.getToken()).rejects.toMatchObject({ code: 'server-render' });
    expect(clerk.mock.callsOf('getToken')).toEqual([]);
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});
