/**
 * Story-only: an API route that needs step-up verification (it answers with Clerk's
 * `reverificationErrorResponse('strict')`), called through fetchWithAuth alone and through Clerk's
 * `useReverification`. The mock renders no Clerk modal, so this page shows a stand-in for it while
 * the mock holds the flow (`clerk.mock.reverification`): its buttons complete or cancel the flow.
 */
import { useReverification } from '@clerk/react';
import { useState, useSyncExternalStore, type CSSProperties } from 'react';
import { AuthFetchError, useClerkToken } from '../src';
import type { MockClerk } from '../src/testing';

const mono: CSSProperties = { fontFamily: 'ui-monospace, monospace', fontSize: 12, wordBreak: 'break-all' };

/** What a call ended with, as one line. */
const describe = (error: unknown) =>
  error instanceof AuthFetchError
    ? `AuthFetchError ${error.code}${error.reverification ? ` (asks for ${JSON.stringify(error.reverification)})` : ''}`
    : `${(error as { code?: string }).code ?? (error as Error).name}: ${(error as Error).message}`;

/** The stand-in for Clerk's verification modal, shown while the mock holds a flow. */
function MockVerification({ mock, onVerified }: { mock: MockClerk['mock']; onVerified: () => void }) {
  const request = useSyncExternalStore(
    mock.onReverification,
    () => mock.reverification,
    () => null,
  );
  if (!request) return null;
  return (
    <div role="dialog" aria-labelledby="mock-verification-title" className="demo-panel">
      <h3 id="mock-verification-title" className="demo-panel__title">
        Verify it’s you (stand-in for Clerk’s modal)
      </h3>
      <p style={{ margin: '0 0 8px', fontSize: 14 }}>Level asked for: {request.level ?? 'none'}</p>
      <div style={{ display: 'flex', gap: 8 }}>
        <button
          type="button"
          className="demo-button"
          style={{ margin: 0 }}
          onClick={() => {
            onVerified();
            mock.completeReverification();
          }}
        >
          Verify
        </button>
        <button type="button" className="demo-button" style={{ margin: 0 }} onClick={() => mock.cancelReverification()}>
          Cancel
        </button>
      </div>
    </div>
  );
}

export function StepUpDemo({ mock, onVerified }: { mock: MockClerk['mock']; onVerified: () => void }) {
  const { fetchWithAuth } = useClerkToken();
  const [outcomes, setOutcomes] = useState<Record<string, string>>({});
  // Clerk's pattern: the 403 comes back as the Response (throwOnHttpError: false) for the hook to read.
  const transfer = useReverification(() => fetchWithAuth('/api/transfer', { method: 'POST', throwOnHttpError: false }));
  const cases: [string, () => Promise<unknown>][] = [
    ['Transfer with fetchWithAuth alone', async () => (await fetchWithAuth('/api/transfer', { method: 'POST' })).json()],
    ['Transfer through useReverification', () => transfer()],
  ];
  const run = async (title: string, call: () => Promise<unknown>) => {
    setOutcomes((o) => ({ ...o, [title]: '…' }));
    let outcome: string;
    try {
      outcome = `resolved ${JSON.stringify(await call())}`;
    } catch (error) {
      outcome = describe(error);
    }
    setOutcomes((o) => ({ ...o, [title]: outcome }));
  };
  return (
    <div className="demo-stack">
      <ul aria-label="Calls" style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 8 }}>
        {cases.map(([title, call]) => (
          <li key={title} className="demo-panel" aria-label={title}>
            <button type="button" className="demo-button" style={{ margin: '0 0 4px' }} onClick={() => void run(title, call)}>
              {title}
            </button>
            <output aria-label="Outcome" style={{ ...mono, display: 'block' }}>
              {outcomes[title] ?? 'not called'}
            </output>
          </li>
        ))}
      </ul>
      <MockVerification mock={mock} onVerified={onVerified} />
    </div>
  );
}
