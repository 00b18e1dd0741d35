// @vitest-environment node
/**
 * createAuthFetch against real `node:http` servers on 127.0.0.1 with Node's own fetch: what
 * actually arrives on the wire (headers, bodies, retries, redirects), not what a mock was handed.
 * Two servers are two origins; `localhost:<port>` is a third origin for the same server.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuthFetch, type GetToken } from '../../src/core/auth-fetch';

interface Seen {
  method: string;
  path: string;
  host: string;
  headers: IncomingHttpHeaders;
  body: string;
}

function startServer(
  name: string,
  route: (seen: Seen, port: () => number) => { status: number; headers?: Record<string, string>; body?: string; delay?: number },
) {
  const seen: Seen[] = [];
  const server: Server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const entry = { method: req.method!, path: req.url!, host: req.headers.host!, headers: req.headers, body };
    seen.push(entry);
    const answer = route(entry, port);
    if (answer.delay) await new Promise((r) => setTimeout(r, answer.delay));
    res.writeHead(answer.status, { 'content-type': 'text/plain', 'x-server': name, ...answer.headers });
    res.end(answer.body ?? '');
  });
  const port = () => (server.address() as AddressInfo).port;
  return {
    seen,
    port,
    origin: () => `http://127.0.0.1:${port()}`,
    listen: () => new Promise<void>((r) => server.listen(0, '127.0.0.1', r)),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const other = startServer('other', () => ({ status: 200, body: 'other origin' }));
const home = startServer('home', (req, port) => {
  const auth = req.headers.authorization ?? '';
  switch (req.path.split('?')[0]) {
    case '/me':
      return { status: 200, body: auth };
    case '/expire-once':
      return auth === 'Bearer token-1' ? { status: 401, body: 'token expired' } : { status: 200, body: `${auth} ${req.body}` };
    case '/always-401':
      return { status: 401, body: 'never' };
    case '/redirect-same':
      return { status: 302, headers: { location: '/me?after=redirect' } };
    case '/redirect-other':
      return { status: 307, headers: { location: `${other.origin()}/landing` } };
    case '/redirect-localhost':
      return { status: 302, headers: { location: `http://localhost:${port()}/me` } };
    case '/slow':
      return { status: 200, body: 'late', delay: 300 };
    default:
      return { status: 404 };
  }
});

beforeAll(async () => {
  await Promise.all([home.listen(), other.listen()]);
});
afterAll(async () => {
  await Promise.all([home.close(), other.close()]);
});
beforeEach(() => {
  home.seen.length = 0;
  other.seen.length = 0;
});

function client(options: { allowedOrigins?: string[] } = {}) {
  let n = 0;
  const getToken = vi.fn<GetToken>(async () => `token-${++n}`);
  return { getToken, fetchWithAuth: createAuthFetch({ getToken, baseUrl: `${home.origin()}/app/`, ...options }) };
}

describe('given a real server on the page origin', () => {
  it('should put the Bearer token and the caller headers on the wire, and no Content-Type on a GET', async () => {
    const { fetchWithAuth } = client();
    const res = await fetchWithAuth('/me', { headers: [['x-request-id', 'r-1']] });
    expect(await res.text()).toBe('Bearer token-1');
    expect(home.seen).toHaveLength(1);
    expect(home.seen[0]!.headers).toMatchObject({ authorization: 'Bearer token-1', 'x-request-id': 'r-1' });
    expect(home.seen[0]!.headers['content-type']).toBeUndefined();
  });

  it('should send 100 concurrent calls with one token fetch, every one carrying that token', async () => {
    const { fetchWithAuth, getToken } = client();
    await Promise.all(Array.from({ length: 100 }, (_, i) => fetchWithAuth(`/me?i=${i}`).then((r) => r.text())));
    expect(getToken).toHaveBeenCalledTimes(1);
    expect(home.seen).toHaveLength(100);
    expect(new Set(home.seen.map((s) => s.headers.authorization))).toEqual(new Set(['Bearer token-1']));
  });

  it('should retry a 401 once on the wire with a fresh token and the same JSON body', async () => {
    const { fetchWithAuth, getToken } = client();
    const res = await fetchWithAuth('/expire-once', { json: { item: 42 } });
    expect(await res.text()).toBe('Bearer token-2 {"item":42}');
    expect(home.seen.map((s) => [s.method, s.headers.authorization, s.headers['content-type'], s.body])).toEqual([
      ['POST', 'Bearer token-1', 'application/json', '{"item":42}'],
      ['POST', 'Bearer token-2', 'application/json', '{"item":42}'],
    ]);
    expect(getToken.mock.calls.map(([o]) => o.skipCache)).toEqual([undefined, true]);
  });

  it('should stop after one retry when the server keeps answering 401', async () => {
    const { fetchWithAuth } = client();
    await expect(fetchWithAuth('/always-401')).rejects.toMatchObject({
      code: 'http',
      response: expect.objectContaining({ status: 401 }),
    });
    expect(home.seen).toHaveLength(2);
  });

  it('should cancel a request in flight when its signal aborts', async () => {
    const { fetchWithAuth } = client();
    const controller = new AbortController();
    const pending = fetchWithAuth('/slow', { signal: controller.signal });
    await vi.waitFor(() => expect(home.seen).toHaveLength(1));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('given redirects', () => {
  it('should keep the token on a same-origin redirect', async () => {
    const { fetchWithAuth } = client();
    const res = await fetchWithAuth('/redirect-same');
    expect(await res.text()).toBe('Bearer token-1');
    expect(home.seen.map((s) => [s.path, s.headers.authorization])).toEqual([
      ['/redirect-same', 'Bearer token-1'],
      ['/me?after=redirect', 'Bearer token-1'],
    ]);
  });

  it('should never carry the token to another origin, even an allowed one, even with a 307 POST', async () => {
    const { fetchWithAuth } = client({ allowedOrigins: [other.origin()] });
    const res = await fetchWithAuth('/redirect-other', { method: 'POST', body: 'payload' });
    expect(res.headers.get('x-server')).toBe('other');
    expect(home.seen[0]!.headers.authorization).toBe('Bearer token-1');
    expect(other.seen).toHaveLength(1);
    expect(other.seen[0]!.body).toBe('payload');
    expect(other.seen[0]!.headers.authorization).toBeUndefined();
  });

  it('should drop the token when the same server is reached under another host name', async () => {
    const { fetchWithAuth } = client();
    const res = await fetchWithAuth('/redirect-localhost', { throwOnHttpError: false });
    expect(await res.text()).toBe('');
    expect(home.seen.map((s) => [s.host.split(':')[0], s.headers.authorization])).toEqual([
      ['127.0.0.1', 'Bearer token-1'],
      ['localhost', undefined],
    ]);
  });
});

describe('given another origin', () => {
  it('should send nothing at all to an origin that is not allowed', async () => {
    const { fetchWithAuth, getToken } = client();
    await expect(fetchWithAuth(`${other.origin()}/landing`)).rejects.toMatchObject({ code: 'origin-not-allowed' });
    await expect(fetchWithAuth(`http://localhost:${home.port()}/me`)).rejects.toMatchObject({
      code: 'origin-not-allowed',
    });
    expect(other.seen).toHaveLength(0);
    expect(home.seen).toHaveLength(0);
    expect(getToken).not.toHaveBeenCalled();
  });

  it('should send the token to an allowed loopback origin', async () => {
    const { fetchWithAuth } = client({ allowedOrigins: [other.origin()] });
    await fetchWithAuth(`${other.origin()}/landing`);
    expect(other.seen[0]!.headers.authorization).toBe('Bearer token-1');
  });
});
