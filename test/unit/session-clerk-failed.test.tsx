/**
 * "Clerk could not load" as the built Storybook, an app and a dev server render it: outside
 * act(), where ClerkProvider's status subscription (an effect) runs a task after the render that
 * called the mock's load(). Issue 21: a mock failing within that render's microtasks left these on
 * skeletons and "Checking access…" for ever. Runs on Core 3 and on Core 2 (project unit-core-2).
 */
import { vi } from 'vitest';
import { PermissionGate, SessionList, SessionManager } from '../../src';
import { MockClerkProvider, personas } from '../../src/testing';
import { alertText, eventually, renderOutsideAct } from './outside-act';

// Core 2's ClerkProvider logs the failed load (the mock's error) with console.error, as it does clerk-js's.
beforeEach(() => void vi.spyOn(console, 'error').mockImplementation(() => {}));

describe('given Clerk could not load, rendered outside act()', () => {
  it.each([
    ['SessionList', <SessionList key="list" />],
    ['SessionManager', <SessionManager key="manager" />],
  ])('should show %s\'s "could not load" alert, not skeletons for ever', async (_name, ui) => {
    const container = renderOutsideAct(<MockClerkProvider options={personas.loadFailed}>{ui}</MockClerkProvider>);
    expect(await eventually(() => alertText(container) !== '')).toBe(true);
    expect(alertText(container)).toMatch(/^Sign-in could not load\./);
    expect(container).not.toHaveTextContent('Loading…');
  });

  it('should render PermissionGate\'s error slot, not "Checking access…" for ever', async () => {
    const container = renderOutsideAct(
      <MockClerkProvider options={personas.loadFailed}>
        <PermissionGate
          permission="org:invoices:read"
          loading={<p role="status">Checking access…</p>}
          error={<p role="alert">Access could not be checked.</p>}
        >
          <p>Invoices</p>
        </PermissionGate>
      </MockClerkProvider>,
    );
    expect(await eventually(() => alertText(container) !== '')).toBe(true);
    expect(alertText(container)).toBe('Access could not be checked.');
    expect(container).not.toHaveTextContent(/Invoices|Checking access/);
  });
});
