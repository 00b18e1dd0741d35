import { act, render, screen, waitFor } from '@testing-library/react';
import { useAuth } from '@clerk/react';
import { describe, expect, it, vi } from 'vitest';
import { PermissionGate, usePermissionGate } from '../../src';
import { createMockClerk, MockClerkProvider, personas } from '../../src/testing';
import { expectNoAxeViolations } from '../support/axe';

const { orgAdmin, orgMember, personal, signedOut, loading, loadFailed } = personas;

const renderGate = (clerk: ReturnType<typeof createMockClerk>, props: Omit<React.ComponentProps<typeof PermissionGate>, 'children'>) =>
  render(
    <MockClerkProvider clerk={clerk}>
      <main>
        <PermissionGate fallback={<p>Denied</p>} loading={<p role="status">Loading</p>} {...props}>
          <button type="button">Export invoices</button>
        </PermissionGate>
      </main>
    </MockClerkProvider>,
  );

const secret = () => screen.queryByRole('button', { name: 'Export invoices' });

describe('given a member of Acme who can read invoices', () => {
  it('should render the children for that permission', async () => {
    const { container } = renderGate(createMockClerk(orgMember), { permission: 'org:invoices:read' });
    expect(secret()).toBeInTheDocument();
    expect(screen.queryByText('Denied')).not.toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('should render the fallback for a permission the member lacks', () => {
    renderGate(createMockClerk(orgMember), { permission: 'org:invoices:manage' });
    expect(secret()).not.toBeInTheDocument();
    expect(screen.getByText('Denied')).toBeInTheDocument();
  });

  it('should grant by feature and by plan from the session claims', () => {
    renderGate(createMockClerk(orgMember), { feature: 'o:analytics', plan: 'pro' });
    expect(secret()).toBeInTheDocument();
  });

  it('should deny a feature the organization does not have', () => {
    renderGate(createMockClerk(orgMember), { feature: 'sso' });
    expect(secret()).not.toBeInTheDocument();
  });

  it('should require every check by default and one check with match="any"', () => {
    const clerk = createMockClerk(orgMember);
    const { unmount } = renderGate(clerk, { permission: ['org:invoices:read', 'org:invoices:manage'] });
    expect(secret()).not.toBeInTheDocument();
    unmount();
    renderGate(createMockClerk(orgMember), { permission: ['org:invoices:read', 'org:invoices:manage'], match: 'any' });
    expect(secret()).toBeInTheDocument();
  });

  it('should pass has() to a condition', () => {
    renderGate(createMockClerk(orgMember), {
      condition: (has) => has({ role: 'org:member' }) && !has({ role: 'org:admin' }),
    });
    expect(secret()).toBeInTheDocument();
  });

  it('should fail closed when a condition throws', () => {
    renderGate(createMockClerk(orgMember), {
      condition: () => {
        throw new Error('boom');
      },
    });
    expect(secret()).not.toBeInTheDocument();
    expect(screen.getByText('Denied')).toBeInTheDocument();
  });
});

describe('given an admin of Acme', () => {
  it('should match the role with or without the org: prefix', () => {
    const { unmount } = renderGate(createMockClerk(orgAdmin), { role: 'admin' });
    expect(secret()).toBeInTheDocument();
    unmount();
    renderGate(createMockClerk(orgAdmin), { role: 'org:admin', permission: 'org:invoices:manage' });
    expect(secret()).toBeInTheDocument();
  });
});

describe('given a user on the personal account', () => {
  it('should deny organization permissions', () => {
    renderGate(createMockClerk(personal), { permission: 'org:invoices:read' });
    expect(secret()).not.toBeInTheDocument();
  });

  it('should grant with no requirement at all (signed in)', () => {
    renderGate(createMockClerk(personal), {});
    expect(secret()).toBeInTheDocument();
  });
});

describe('given a signed-out visitor', () => {
  it('should render the fallback, even with no requirement', () => {
    renderGate(createMockClerk(signedOut), {});
    expect(secret()).not.toBeInTheDocument();
    expect(screen.getByText('Denied')).toBeInTheDocument();
  });
});

describe('given Clerk has not loaded yet', () => {
  it('should render only the loading slot until it loads', async () => {
    const clerk = createMockClerk(loading);
    renderGate(clerk, { permission: 'org:invoices:read' });
    expect(screen.getByRole('status')).toHaveTextContent('Loading');
    expect(secret()).not.toBeInTheDocument();
    expect(screen.queryByText('Denied')).not.toBeInTheDocument();
    await act(async () => clerk.mock.finishLoading());
    expect(await screen.findByRole('button', { name: 'Export invoices' })).toBeInTheDocument();
  });
});

describe('given bad requirements', () => {
  it('should throw a clear error for an empty permission list', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderGate(createMockClerk(orgMember), { permission: [] })).toThrow(
      /`permission` must be a non-empty string or a non-empty list/,
    );
    spy.mockRestore();
  });

  it('should throw a clear error for an unknown match mode', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderGate(createMockClerk(orgMember), { permission: 'org:invoices:read', match: 'some' as 'any' })).toThrow(
      /`match` must be 'all' or 'any'/,
    );
    spy.mockRestore();
  });
});

describe('given the active organization changes under a rendered gate', () => {
  it('should never render the children in a render without the permission', async () => {
    const renders: { orgId: string | null | undefined; allowed: boolean }[] = [];
    // The gated child records, on every render, what Clerk answers in that same render.
    function Secret() {
      const { orgId, has } = useAuth();
      renders.push({ orgId, allowed: has?.({ permission: 'org:invoices:read' }) ?? false });
      return <button type="button">Export invoices</button>;
    }
    const clerk = createMockClerk(orgMember);
    render(
      <MockClerkProvider clerk={clerk}>
        <PermissionGate permission="org:invoices:read" fallback={<p>Denied</p>}>
          <Secret />
        </PermissionGate>
      </MockClerkProvider>,
    );
    expect(secret()).toBeInTheDocument();
    for (const organization of ['org_globex', 'org_acme', null, 'org_acme', 'org_globex']) {
      await act(() => clerk.setActive({ organization }));
      expect(secret() !== null).toBe(organization === 'org_acme');
    }
    await act(() => clerk.signOut());
    expect(secret()).not.toBeInTheDocument();
    expect(renders.length).toBeGreaterThanOrEqual(3);
    expect(renders.filter((r) => !r.allowed)).toEqual([]);
    expect(new Set(renders.map((r) => r.orgId))).toEqual(new Set(['org_acme']));
  });
});

describe('given Clerk could not load', () => {
  it('should render the error slot, never the children', async () => {
    render(
      <MockClerkProvider options={loadFailed}>
        <PermissionGate fallback={<p>Denied</p>} error={<p role="alert">Access could not be checked.</p>}>
          <button type="button">Export invoices</button>
        </PermissionGate>
      </MockClerkProvider>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('Access could not be checked.');
    expect(secret()).not.toBeInTheDocument();
  });

  it('should fall back to the fallback when no error slot is given', async () => {
    render(
      <MockClerkProvider options={loadFailed}>
        <PermissionGate fallback={<p>Denied</p>}>
          <button type="button">Export invoices</button>
        </PermissionGate>
      </MockClerkProvider>,
    );
    expect(await screen.findByText('Denied')).toBeInTheDocument();
    expect(secret()).not.toBeInTheDocument();
  });

  it('should report the status "error" from usePermissionGate, the name every hook uses', async () => {
    function Status() {
      const { status } = usePermissionGate({ permission: 'org:invoices:read' });
      return <p role="status">{status}</p>;
    }
    render(
      <MockClerkProvider options={loadFailed}>
        <Status />
      </MockClerkProvider>,
    );
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('error'));
  });
});

describe('given bad requirements in production', () => {
  it('should fail closed with the fallback and log one error instead of throwing', () => {
    vi.stubEnv('NODE_ENV', 'production');
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const clerk = createMockClerk(orgAdmin);
      const gate = () => (
        <MockClerkProvider clerk={clerk}>
          <PermissionGate fallback={<p>Denied</p>} permission={[]}>
            <button type="button">Export invoices</button>
          </PermissionGate>
        </MockClerkProvider>
      );
      const { rerender } = render(gate());
      rerender(gate()); // a new, equally empty list: still one log
      expect(screen.getByText('Denied')).toBeInTheDocument();
      expect(secret()).not.toBeInTheDocument();
      const ours = log.mock.calls.filter(([m]) => String(m).startsWith('PermissionGate:'));
      expect(ours).toHaveLength(1);
      expect(ours[0]![0]).toContain('`permission` must be a non-empty string or a non-empty list of strings; got [].');
    } finally {
      log.mockRestore();
      vi.unstubAllEnvs();
    }
  });
});
