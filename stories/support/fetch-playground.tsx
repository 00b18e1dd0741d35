/**
 * Story-only: a page that calls an MSW-mocked API through useClerkToken().fetchWithAuth and shows,
 * per case, each request as it left (its Authorization header, shortened) and what came back.
 */
import { useClerk } from '@clerk/react';
import { useRef, useState, type CSSProperties } from 'react';
import { AuthFetchError, useClerkToken } from '../../src';

export interface WireLine {
  dir: '→' | '←' | '×';
  text: string;
}
interface Entry {
  id: number;
  title: string;
  wire: WireLine[];
  outcome?: string;
}

/** The last characters of the token, enough to tell two tokens apart on screen. */
const bearer = (headers: Headers) => {
  const auth = headers.get('authorization');
  return auth ? `Bearer …${auth.slice(-8)}` : 'no Authorization header';
};

const mono: CSSProperties = { fontFamily: 'ui-monospace, monospace', fontSize: 12, wordBreak: 'break-all' };

export function FetchPlayground({ expireTokens }: { expireTokens: () => void }) {
  const clerk = useClerk();
  const [log, setLog] = useState<Entry[]>([]);
  const [busy, setBusy] = useState(false);
  const current = useRef<number>(0);

  const push = (id: number, patch: (e: Entry) => Entry) => setLog((all) => all.map((e) => (e.id === id ? patch(e) : e)));

  // Stable for the hook: it records what this page's fetch is handed, i.e. what goes on the wire.
  const [wireFetch] = useState(() => async (input: RequestInfo | URL, init?: RequestInit) => {
    const id = current.current;
    const request = new Request(input, init);
    const path = new URL(request.url).pathname;
    push(id, (e) => ({
      ...e,
      wire: [...e.wire, { dir: '→', text: `${request.method} ${path} · ${bearer(request.headers)}` }],
    }));
    try {
      const response = await fetch(request);
      push(id, (e) => ({ ...e, wire: [...e.wire, { dir: '←', text: `${response.status} ${path}` }] }));
      return response;
    } catch (error) {
      push(id, (e) => ({ ...e, wire: [...e.wire, { dir: '×', text: `${path} ${(error as Error).name}` }] }));
      throw error;
    }
  });
  const { isLoaded, isSignedIn, fetchWithAuth, getToken } = useClerkToken({ fetch: wireFetch });

  const run = async (title: string, call: () => Promise<string>) => {
    const id = log.length + 1;
    current.current = id;
    setBusy(true);
    setLog((all) => [...all, { id, title, wire: [] }]);
    let outcome: string;
    try {
      outcome = await call();
    } catch (error) {
      outcome =
        error instanceof AuthFetchError
          ? `AuthFetchError ${error.code}: ${error.message}`
          : `${(error as Error).name}: ${(error as Error).message}`;
    }
    push(id, (e) => ({ ...e, outcome: e.wire.length ? outcome : `${outcome} (nothing sent)` }));
    setBusy(false);
  };

  const json = async (res: Response) => `${res.status} ${JSON.stringify(await res.json())}`;
  const cases: [string, () => Promise<string>][] = [
    ['Call /api/me', async () => json(await fetchWithAuth('/api/me'))],
    [
      'Expire the token, then call',
      async () => {
        await getToken(); // a token in Clerk's cache to expire, even if this case runs first
        expireTokens();
        return json(await fetchWithAuth('/api/me'));
      },
    ],
    ['Call https://evil.test', async () => json(await fetchWithAuth('https://evil.test/api/me'))],
    [
      'Call with the "api" template',
      async () => {
        const { claims } = (await (await fetchWithAuth('/api/claims', { template: 'api' })).json()) as {
          claims: Record<string, unknown>;
        };
        return `200 aud=${String(claims.aud)} sub=${String(claims.sub)}`;
      },
    ],
    [
      'Call a slow API, abort after 100 ms',
      async () => {
        const controller = new AbortController();
        setTimeout(() => controller.abort(), 100);
        return json(await fetchWithAuth('/api/slow', { signal: controller.signal }));
      },
    ],
    [
      'Sign out, then call',
      async () => {
        await clerk.signOut();
        return json(await fetchWithAuth('/api/me'));
      },
    ],
  ];

  return (
    <div className="demo-stack">
      <p role="status" aria-label="Clerk" style={{ margin: 0, fontSize: 14 }}>
        Clerk: {isLoaded ? 'loaded' : 'loading'}, {isSignedIn ? 'signed in' : 'signed out'}
      </p>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        {cases.map(([title, call]) => (
          <button
            key={title}
            type="button"
            className="demo-button"
            style={{ margin: 0 }}
            disabled={busy}
            onClick={() => void run(title, call)}
          >
            {title}
          </button>
        ))}
      </div>
      <ol aria-label="Calls" style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 8 }}>
        {log.map((entry) => (
          <li key={entry.id} className="demo-panel" aria-label={entry.title}>
            <h3 className="demo-panel__title">{entry.title}</h3>
            <ul aria-label="On the wire" style={{ ...mono, listStyle: 'none', padding: 0, margin: '0 0 4px' }}>
              {entry.wire.map((line, i) => (
                <li key={i}>
                  {line.dir} {line.text}
                </li>
              ))}
            </ul>
            <output aria-label="Outcome" style={{ ...mono, display: 'block' }}>
              {entry.outcome ?? '…'}
            </output>
          </li>
        ))}
      </ol>
    </div>
  );
}
