/**
 * The example the "Test your app" guide (docs/testing.md) and the Storybook docs page show app
 * teams. It runs here as written, and the tests below fail if either document drifts from it; they
 * also hold the README's Quick start and install command to examples/next-app and the Introduction.
 */
import { readFileSync } from 'node:fs';
import { describe } from 'vitest';
// #region docs-example
// file: invoices.test.tsx
import '@testing-library/jest-dom/vitest';
import { act, render, screen } from '@testing-library/react';
import { expect, it } from 'vitest';
import { PermissionGate } from 'clerk-session-kit';
import { createMockClerk, MockClerkProvider, personas } from 'clerk-session-kit/testing';

function InvoicesPage() {
  return (
    <PermissionGate permission="org:invoices:read" fallback={<p>No access to invoices.</p>}>
      <h1>Invoices</h1>
    </PermissionGate>
  );
}

it('should hide invoices after switching to an organization without access', async () => {
  const clerk = createMockClerk(personas.orgMember); // Ada, member of Acme (active) and Globex
  render(
    <MockClerkProvider clerk={clerk}>
      <InvoicesPage />
    </MockClerkProvider>,
  );
  expect(screen.getByRole('heading', { name: 'Invoices' })).toBeInTheDocument();

  await act(() => clerk.setActive({ organization: 'org_globex' })); // as Clerk would

  expect(screen.queryByRole('heading', { name: 'Invoices' })).not.toBeInTheDocument();
  expect(screen.getByText('No access to invoices.')).toBeInTheDocument();
  expect(clerk.mock.callsOf('setActive')).toHaveLength(1);
});
// #endregion docs-example

describe('given the documentation', () => {
  it('should show the example above verbatim in the testing guide and the Storybook docs page', () => {
    const source = readFileSync(new URL(import.meta.url).pathname, 'utf8');
    const example = source.split('// #region docs-example\n')[1]!.split('// #endregion docs-example')[0]!.trim();
    for (const doc of ['../../docs/testing.md', '../../stories/testing.mdx']) {
      expect(readFileSync(new URL(doc, import.meta.url), 'utf8'), doc).toContain(example);
    }
  });

  it('should show the Quick start as examples/next-app builds it, in the README and on the Introduction page', () => {
    const file = '../../examples/next-app/components/security-page.tsx'; // a variable: Vite rewrites a literal new URL() as an asset
    const quickStart = readFileSync(new URL(file, import.meta.url), 'utf8');
    for (const doc of ['../../README.md', '../../stories/introduction.mdx']) {
      expect(readFileSync(new URL(doc, import.meta.url), 'utf8'), doc).toContain(`\`\`\`tsx\n${quickStart}\`\`\``);
    }
  });

  it('should give the same install command, peers included, in the README and on the Introduction page', () => {
    const install = (doc: string) => readFileSync(new URL(doc, import.meta.url), 'utf8').match(/^npm install clerk-session-kit.*$/m)?.[0];
    expect(install('../../README.md')).toContain('@clerk/react react react-dom');
    expect(install('../../stories/introduction.mdx')).toBe(install('../../README.md'));
  });
});
