// @vitest-environment node
/**
 * createAuthFetch on its own, outside React, with a recording fetch: where the token goes, what
 * happens to headers and bodies, how tokens are shared and refreshed, and the typed errors.
 * The wire itself (a real server) is in auth-fetch.loopback.test.ts.
 */
import { getEventListeners } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { AuthFetchError, createAuthFetch, type AuthFetchOptions, type GetToken } from '../../src/core/auth-fetch';

const PAGE = 'https://app.example.com/dashboard/';

/** A fetch that records every request it is given and answers with `answer(request, n)`. */
function recordingFetch(answer: (request: Request, n: number) => Response | Promise<Response> = () => new Response('ok')) {
  const requests: Request[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request);
    return answer(request, requests.length);
  });
  return { fetch: fetchMock as typeof fetch, requests };
}

function setup(options: Partial<AuthFetchOptions> & { answer?: Parameters<typeof recordingFetch>[0] } = {}) {
  const wire = recordingFetch(options.answer);
  let n = 0;
  const getToken = vi.fn<GetToken>(async () => `token-${++n}`);
  const fetchWithAuth = createAuthFetch({ getToken, baseUrl: PAGE, fetch: wire.fetch, ...options });
  return { fetchWithAuth, getToken, requests: wire.requests, fetch: wire.fetch };
}

const refusal = { name: 'AuthFetchError', code: 'origin-not-allowed' };

describe('given a URL outside the page origin and the allowed origins', () => {
  const foreign = [
    'https://evil.test/api',
    '//evil.test/api',
    '\\\\evil.test/api',
    'http://app.example.com/api',
    'https://app.example.com:8443/api',
    'https://app.example.com.evil.test/api',
    'https://app.example.com@evil.test/api',
    'https://user:secret@app.example.com/api',
    'javascript:fetch("/api")',
    'data:text/plain,hello',
    'blob:https://app.example.com/7d3c1c8e-4b5e-4a8e-9c7e-1e2f3a4b5c6d',
    'file:///etc/passwd',
    'wss://app.example.com/socket',
    ' https://evil.test/api',
    'HTTPS://EVIL.TEST/api',
    'https://api.example.com/v1',
  ];

  it.each(foreign)('should refuse %j with a typed error before fetching a token or sending anything', async (url) => {
    const { fetchWithAuth, getToken, fetch } = setup({ allowedOrigins: ['https://allowed.example.com'] });
    const error = await fetchWithAuth(url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthFetchError);
    expect(error).toMatchObject(refusal);
    expect(getToken).not.toHaveBeenCalled();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('should refuse a Request object for another origin the same way', async () => {
    const { fetchWithAuth, getToken, fetch } = setup();
    await expect(fetchWithAuth(new Request('https://evil.test/api', { method: 'POST', body: 'x' }))).rejects.toMatchObject(refusal);
    await expect(fetchWithAuth(new URL('https://evil.test/api'))).rejects.toMatchObject(refusal);
    expect(getToken).not.toHaveBeenCalled();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('should refuse a Request subclass or a look-alike whose url getter hides where it really goes', async () => {
    class Disguised extends Request {
      override get url() {
        return 'https://app.example.com/api';
      }
    }
    const lookAlike = { url: 'https://app.example.com/api', toString: () => 'https://evil.test/steal' };
    const { fetchWithAuth, fetch } = setup();
    await expect(fetchWithAuth(new Disguised('https://evil.test/steal'))).rejects.toMatchObject(refusal);
    await expect(fetchWithAuth(lookAlike as unknown as Request)).rejects.toMatchObject(refusal);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('should say in the error which origin was refused and how to allow one', async () => {
    const { fetchWithAuth } = setup();
    await expect(fetchWithAuth('https://evil.test/x')).rejects.toThrow(/https:\/\/evil\.test: not same-origin, not in allowedOrigins/);
  });

  it('should refuse every URL when there is neither a page nor a baseUrl to be same-origin with', async () => {
    const { fetchWithAuth, fetch } = setup({ baseUrl: undefined });
    await expect(fetchWithAuth('https://app.example.com/api')).rejects.toMatchObject(refusal);
    await expect(fetchWithAuth('/api')).rejects.toThrow(TypeError);
    await expect(fetchWithAuth('/api')).rejects.toThrow(/pass baseUrl/);
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('given a same-origin URL or an allowed origin', () => {
  it.each(['/api/me', 'api/me', '../api/me', 'https://app.example.com/api/me', new URL('https://app.example.com/api/me')])(
    'should send %s with the Bearer token',
    async (url) => {
      const { fetchWithAuth, requests } = setup();
      const res = await fetchWithAuth(url);
      expect(res.status).toBe(200);
      expect(new URL(requests[0]!.url).origin).toBe('https://app.example.com');
      expect(requests[0]!.headers.get('authorization')).toBe('Bearer token-1');
    },
  );

  it('should send the token to an allowed origin, matched exactly', async () => {
    const { fetchWithAuth, requests } = setup({ allowedOrigins: ['https://api.example.com', 'http://localhost:8787'] });
    await fetchWithAuth('https://api.example.com/v1/items?q=1');
    await fetchWithAuth('http://localhost:8787/dev');
    expect(requests.map((r) => [r.url, r.headers.get('authorization')])).toEqual([
      ['https://api.example.com/v1/items?q=1', 'Bearer token-1'],
      ['http://localhost:8787/dev', 'Bearer token-2'],
    ]);
    await expect(fetchWithAuth('https://sub.api.example.com/v1')).rejects.toMatchObject(refusal);
    await expect(fetchWithAuth('http://api.example.com/v1')).rejects.toMatchObject(refusal);
  });

  it('should send a Request object with its method, headers and body, plus the token', async () => {
    const { fetchWithAuth, requests } = setup();
    await fetchWithAuth(
      new Request('https://app.example.com/api/items', {
        method: 'PUT',
        body: 'payload',
        headers: { 'x-trace': 't1' },
      }),
    );
    const sent = requests[0]!;
    expect(sent.method).toBe('PUT');
    expect(sent.headers.get('x-trace')).toBe('t1');
    expect(sent.headers.get('authorization')).toBe('Bearer token-1');
    expect(await sent.text()).toBe('payload');
  });
});

describe('given a page and a baseUrl on another origin', () => {
  it("should keep same-origin meaning the page's origin: the baseUrl's origin must be allowed too", async () => {
    vi.stubGlobal('location', new URL('https://app.example.com/settings'));
    try {
      const refused = setup({ baseUrl: 'https://api.example.com/v1/' });
      await expect(refused.fetchWithAuth('items')).rejects.toMatchObject(refusal);
      expect((await refused.fetchWithAuth('https://app.example.com/api')).status).toBe(200);
      const allowed = setup({ baseUrl: 'https://api.example.com/v1/', allowedOrigins: ['https://api.example.com'] });
      await allowed.fetchWithAuth('items');
      expect(allowed.requests[0]!.url).toBe('https://api.example.com/v1/items');
      expect(allowed.requests[0]!.headers.get('authorization')).toBe('Bearer token-1');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('should resolve relative URLs against the page when there is no baseUrl', async () => {
    vi.stubGlobal('location', new URL('https://app.example.com/settings/profile'));
    try {
      const { fetchWithAuth, requests } = setup({ baseUrl: undefined });
      await fetchWithAuth('../api/me');
      expect(requests[0]!.url).toBe('https://app.example.com/api/me');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('given allowedOrigins that are not exact https origins', () => {
  it.each([
    'http://api.example.com',
    'https://api.example.com/',
    'https://api.example.com/v1',
    'https://*.example.com',
    'api.example.com',
    'https://API.example.com',
    'https://api.example.com:443',
    '*',
    'http://localhost.evil.com',
    'http://127.0.0.1.evil.com',
    'http://localhost.evil.com:3000',
  ])('should refuse %j when created, naming the expected form', (origin) => {
    expect(() => createAuthFetch({ getToken: async () => 't', allowedOrigins: [origin] })).toThrow(
      /exact https origin like "https:\/\/api\.example\.com"/,
    );
  });

  it.each(['http://localhost:3000', 'http://127.0.0.1:8080', 'http://[::1]:5173', 'http://app.localhost'])(
    'should accept the loopback origin %s over http',
    (origin) => {
      expect(() => createAuthFetch({ getToken: async () => 't', allowedOrigins: [origin] })).not.toThrow();
    },
  );
});

describe('given caller headers', () => {
  it.each([
    ['a Headers object', new Headers({ 'x-one': '1', accept: 'text/csv' })],
    [
      'an array of pairs',
      [
        ['x-one', '1'],
        ['accept', 'text/csv'],
      ] as [string, string][],
    ],
    ['a record', { 'x-one': '1', accept: 'text/csv' }],
  ])('should keep %s and add the token', async (_, headers) => {
    const { fetchWithAuth, requests } = setup();
    await fetchWithAuth('/api', { headers });
    expect(Object.fromEntries(requests[0]!.headers)).toEqual({
      'x-one': '1',
      accept: 'text/csv',
      authorization: 'Bearer token-1',
    });
  });

  it("should let the caller's own Authorization header win, fetch no token and not retry its 401", async () => {
    const { fetchWithAuth, requests, getToken } = setup({
      answer: () => new Response(null, { status: 401 }),
      throwOnHttpError: false,
    });
    const res = await fetchWithAuth('/api', { headers: [['Authorization', 'Basic dXNlcjpwdw==']] });
    expect(res.status).toBe(401);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.headers.get('authorization')).toBe('Basic dXNlcjpwdw==');
    expect(getToken).not.toHaveBeenCalled();
  });

  it("should not touch the caller's headers object", async () => {
    const { fetchWithAuth } = setup();
    const headers = new Headers({ 'x-one': '1' });
    await fetchWithAuth('/api', { headers });
    expect([...headers]).toEqual([['x-one', '1']]);
  });
});

describe('given a body', () => {
  const contentTypeOf = async (body: BodyInit, extra: RequestInit = {}) => {
    const { fetchWithAuth, requests } = setup();
    await fetchWithAuth('/api', { method: 'POST', body, ...extra });
    return requests[0]!.headers.get('content-type');
  };

  it('should never force a Content-Type on FormData, URLSearchParams, Blob or a stream', async () => {
    const form = new FormData();
    form.set('file', new Blob(['hi'], { type: 'text/plain' }), 'hi.txt');
    expect(await contentTypeOf(form)).toMatch(/^multipart\/form-data; boundary=/);
    expect(await contentTypeOf(new URLSearchParams({ a: '1' }))).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(await contentTypeOf(new Blob(['<svg/>'], { type: 'image/svg+xml' }))).toBe('image/svg+xml');
    expect(await contentTypeOf(new Blob(['raw']))).toBeNull();
    expect(await contentTypeOf(new ReadableStream({ start: (c) => c.close() }), { duplex: 'half' } as RequestInit)).toBeNull();
    expect(await contentTypeOf('plain text')).toBe('text/plain;charset=UTF-8');
  });

  it('should serialize json: as JSON with its Content-Type, defaulting to POST', async () => {
    const { fetchWithAuth, requests } = setup();
    await fetchWithAuth('/api', { json: { name: 'Ada', tags: ['x'] } });
    await fetchWithAuth('/api', {
      method: 'PATCH',
      json: [1, 2],
      headers: { 'content-type': 'application/merge-patch+json' },
    });
    expect(requests[0]!.method).toBe('POST');
    expect(requests[0]!.headers.get('content-type')).toBe('application/json');
    expect(await requests[0]!.json()).toEqual({ name: 'Ada', tags: ['x'] });
    expect(requests[1]!.method).toBe('PATCH');
    expect(requests[1]!.headers.get('content-type')).toBe('application/merge-patch+json');
    expect(await requests[1]!.text()).toBe('[1,2]');
  });

  it('should refuse body and json together', async () => {
    const { fetchWithAuth, fetch } = setup();
    await expect(fetchWithAuth('/api', { body: 'a', json: { b: 1 } })).rejects.toThrow('Pass body or json, not both');
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('given concurrent calls', () => {
  it('should share one in-flight getToken among 100 calls', async () => {
    const { fetchWithAuth, getToken, requests } = setup();
    await Promise.all(Array.from({ length: 100 }, (_, i) => fetchWithAuth(`/api/${i}`)));
    expect(getToken).toHaveBeenCalledTimes(1);
    expect(new Set(requests.map((r) => r.headers.get('authorization')))).toEqual(new Set(['Bearer token-1']));
  });

  it('should share per template and organization, never across them', async () => {
    const { fetchWithAuth, getToken, requests } = setup();
    await Promise.all([
      fetchWithAuth('/a'),
      fetchWithAuth('/b'),
      fetchWithAuth('/c', { template: 'supabase' }),
      fetchWithAuth('/d', { template: 'supabase' }),
      fetchWithAuth('/e', { organizationId: 'org_1' }),
      fetchWithAuth('/f', { template: 'supabase', organizationId: 'org_1' }),
    ]);
    expect(getToken.mock.calls.map(([o]) => o)).toEqual([
      { template: undefined, organizationId: undefined, skipCache: undefined },
      { template: 'supabase', organizationId: undefined, skipCache: undefined },
      { template: undefined, organizationId: 'org_1', skipCache: undefined },
      { template: 'supabase', organizationId: 'org_1', skipCache: undefined },
    ]);
    const byPath = Object.fromEntries(requests.map((r) => [new URL(r.url).pathname, r.headers.get('authorization')]));
    expect(byPath['/a']).toBe(byPath['/b']);
    expect(byPath['/c']).toBe(byPath['/d']);
    expect(new Set(Object.values(byPath)).size).toBe(4);
  });

  it('should use the factory template and organization unless a call names its own', async () => {
    const { fetchWithAuth, getToken } = setup({ template: 'api', organizationId: 'org_9' });
    await fetchWithAuth('/a');
    await fetchWithAuth('/b', { template: 'other' });
    await fetchWithAuth.getToken({ organizationId: 'org_2' });
    expect(getToken.mock.calls.map(([o]) => [o.template, o.organizationId])).toEqual([
      ['api', 'org_9'],
      ['other', 'org_9'],
      ['api', 'org_2'],
    ]);
  });

  it("should ask Clerk again once the shared fetch has settled (Clerk's own cache decides)", async () => {
    const { fetchWithAuth, getToken } = setup();
    await fetchWithAuth('/a');
    await fetchWithAuth('/b');
    expect(getToken).toHaveBeenCalledTimes(2);
  });
});

describe('given a 401 answer', () => {
  it('should fetch one fresh token with skipCache and retry once', async () => {
    const { fetchWithAuth, getToken, requests } = setup({
      answer: (_, n) => new Response(n === 1 ? 'expired' : 'ok', { status: n === 1 ? 401 : 200 }),
    });
    const res = await fetchWithAuth('/api', { method: 'POST', json: { a: 1 } });
    expect(res.status).toBe(200);
    expect(getToken.mock.calls.map(([o]) => o.skipCache)).toEqual([undefined, true]);
    expect(requests.map((r) => r.headers.get('authorization'))).toEqual(['Bearer token-1', 'Bearer token-2']);
    expect(await requests[1]!.json()).toEqual({ a: 1 });
  });

  it('should give up after the one retry: a second 401 is an http error, never a loop', async () => {
    const { fetchWithAuth, getToken, requests } = setup({ answer: () => new Response('no', { status: 401 }) });
    const error = await fetchWithAuth('/api').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'http', message: 'HTTP 401 from https://app.example.com/api' });
    expect((error as AuthFetchError).response!.status).toBe(401);
    expect(await (error as AuthFetchError).response!.text()).toBe('no');
    expect(requests).toHaveLength(2);
    expect(getToken).toHaveBeenCalledTimes(2);
  });

  it('should share one fresh token among concurrent retries', async () => {
    const { fetchWithAuth, getToken } = setup({
      answer: (r) => new Response(null, { status: r.headers.get('authorization') === 'Bearer token-1' ? 401 : 200 }),
    });
    const responses = await Promise.all(Array.from({ length: 20 }, () => fetchWithAuth('/api')));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(getToken.mock.calls.map(([o]) => o.skipCache)).toEqual([undefined, true]);
  });

  it('should not retry a body that cannot be sent again (a stream, a Request with a body)', async () => {
    const { fetchWithAuth, requests } = setup({
      answer: () => new Response(null, { status: 401 }),
      throwOnHttpError: false,
    });
    const stream = new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode('once')), c.close()) });
    expect((await fetchWithAuth('/api', { method: 'POST', body: stream, duplex: 'half' } as RequestInit)).status).toBe(401);
    expect((await fetchWithAuth(new Request('https://app.example.com/api', { method: 'POST', body: 'x' }))).status).toBe(401);
    const streamInit = { method: 'POST', body: new Blob(['s']).stream(), duplex: 'half' } as RequestInit;
    expect((await fetchWithAuth(new Request('https://app.example.com/api'), streamInit)).status).toBe(401);
    expect(requests).toHaveLength(3);
  });

  it('should retry replayable bodies and a Request without a body', async () => {
    const { fetchWithAuth, requests } = setup({ answer: (_, n) => new Response(null, { status: n % 2 ? 401 : 204 }) });
    const form = new FormData();
    form.set('a', '1');
    for (const body of [form, new URLSearchParams('a=1'), new Blob(['b']), 'text', new Uint8Array([1, 2])]) {
      expect((await fetchWithAuth('/api', { method: 'POST', body })).status).toBe(204);
    }
    expect((await fetchWithAuth(new Request('https://app.example.com/api'))).status).toBe(204);
    expect(requests).toHaveLength(12);
    expect(await requests[1]!.formData()).toEqual(form);
    expect(new Uint8Array(await requests[9]!.arrayBuffer())).toEqual(new Uint8Array([1, 2]));
  });
});

describe('given the session state', () => {
  it('should reject with signed-out, saying what to do, when Clerk gives no token', async () => {
    const { fetchWithAuth, fetch } = setup({ getToken: async () => null });
    const error = await fetchWithAuth('/api').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'signed-out', message: expect.stringContaining('sign the user in first') });
    await expect(fetchWithAuth.getToken()).rejects.toMatchObject({ code: 'signed-out' });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('should wait for a token that comes late, and time out with a typed error when none comes', async () => {
    let release: (t: string) => void = () => {};
    const late = setup({ getToken: () => new Promise((r) => (release = r)), timeout: 1000 });
    const pending = late.fetchWithAuth('/api');
    await new Promise((r) => setTimeout(r, 20));
    expect(late.fetch).not.toHaveBeenCalled();
    release('late-token');
    await pending;
    expect(late.requests[0]!.headers.get('authorization')).toBe('Bearer late-token');

    const never = setup({ getToken: () => new Promise(() => {}), timeout: 30 });
    await expect(never.fetchWithAuth('/api')).rejects.toMatchObject({
      code: 'token-timeout',
      message: expect.stringContaining('within 30 ms'),
    });
    expect(never.fetch).not.toHaveBeenCalled();
  });

  it('should turn a getToken that throws at once into a rejection, and ask again next time', async () => {
    const boom = new Error('not ready');
    const getToken = vi.fn<GetToken>().mockImplementationOnce(() => {
      throw boom;
    });
    getToken.mockResolvedValue('t');
    const { fetchWithAuth, requests } = setup({ getToken });
    await expect(fetchWithAuth('/api')).rejects.toBe(boom);
    expect((await fetchWithAuth('/api')).status).toBe(200);
    expect(requests.map((r) => r.headers.get('authorization'))).toEqual(['Bearer t']);
  });

  it("should pass Clerk's own errors through", async () => {
    const boom = Object.assign(new Error('Network request failed while offline'), { code: 'network_error' });
    const { fetchWithAuth } = setup({ getToken: async () => Promise.reject(boom) });
    await expect(fetchWithAuth('/api')).rejects.toBe(boom);
  });
});

describe('given an AbortSignal', () => {
  it('should reject at once, fetching nothing, when already aborted', async () => {
    const { fetchWithAuth, getToken, fetch } = setup();
    const error = await fetchWithAuth('/api', { signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(getToken).not.toHaveBeenCalled();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('should cancel the wait for a token for this caller only', async () => {
    let release: (t: string) => void = () => {};
    const { fetchWithAuth, requests } = setup({ getToken: () => new Promise((r) => (release = r)) });
    const controller = new AbortController();
    const aborted = fetchWithAuth('/a', { signal: controller.signal });
    const other = fetchWithAuth('/b');
    controller.abort(new DOMException('user left', 'AbortError'));
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError', message: 'user left' });
    release('t');
    expect((await other).status).toBe(200);
    expect(requests.map((r) => new URL(r.url).pathname)).toEqual(['/b']);
  });

  it('should leave no listener behind on a signal used for many calls', async () => {
    const { fetchWithAuth } = setup();
    const controller = new AbortController();
    await Promise.all([fetchWithAuth.getToken({ signal: controller.signal }), fetchWithAuth.getToken({ signal: controller.signal })]);
    await fetchWithAuth.getToken({ signal: controller.signal });
    await new Promise((r) => setTimeout(r)); // each is removed a tick after its token settles
    expect(getEventListeners(controller.signal, 'abort')).toEqual([]);
  });

  it('should hand the signal to fetch, for a request in flight', async () => {
    const controller = new AbortController();
    const { fetchWithAuth } = setup({
      answer: (request) => new Promise((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason))),
    });
    const pending = fetchWithAuth('/slow', { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('given an HTTP error answer', () => {
  it('should reject with a typed error that carries the unread response', async () => {
    const { fetchWithAuth } = setup({ answer: () => Response.json({ error: 'nope' }, { status: 403 }) });
    const error = await fetchWithAuth('/api').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthFetchError);
    expect(error).toMatchObject({ code: 'http', message: 'HTTP 403 from https://app.example.com/api' });
    expect(await (error as AuthFetchError).response!.json()).toEqual({ error: 'nope' });
  });

  it('should keep plain fetch semantics with throwOnHttpError: false, per factory or per call', async () => {
    const answer = () => new Response('gone', { status: 410 });
    expect((await setup({ answer, throwOnHttpError: false }).fetchWithAuth('/api')).status).toBe(410);
    expect((await setup({ answer }).fetchWithAuth('/api', { throwOnHttpError: false })).status).toBe(410);
    expect(
      (
        await setup({ answer: () => new Response(null, { status: 302, headers: { location: '/x' } }) }).fetchWithAuth('/api', {
          redirect: 'manual',
        })
      ).status,
    ).toBe(302);
  });
});
