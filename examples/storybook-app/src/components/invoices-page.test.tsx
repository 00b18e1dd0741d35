import '@testing-library/jest-dom/vitest';
import { act, render, screen } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { createMockClerk, MockClerkProvider, personas, type Persona } from 'clerk-session-kit/testing';
import { InvoicesPage } from './invoices-page';

const renderPage = (persona: Persona) => {
  const clerk = createMockClerk(persona);
  const view = render(
    <MockClerkProvider clerk={clerk}>
      <InvoicesPage />
    </MockClerkProvider>,
  );
  return { clerk, ...view };
};

describe('given a member of Acme', () => {
  it('should list the invoices without the New invoice button', async () => {
    renderPage(personas.orgMember);
    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New invoice' })).not.toBeInTheDocument();
  });

  it('should hide the invoices after switching to Globex, where she may not read them', async () => {
    const { clerk } = renderPage(personas.orgMember);
    await screen.findByRole('table');
    await act(() => clerk.setActive({ organization: 'org_globex' }));
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByText(/You cannot see this organization’s invoices/)).toBeInTheDocument();
  });

  it('should have no axe violations', async () => {
    const { container } = renderPage(personas.orgMember);
    await screen.findByRole('table');
    expect((await axe.run(container)).violations).toEqual([]);
  });
});

describe('given an admin of Acme', () => {
  it('should offer the New invoice button', async () => {
    renderPage(personas.orgAdmin);
    expect(await screen.findByRole('button', { name: 'New invoice' })).toBeInTheDocument();
  });
});

describe('given Clerk could not load', () => {
  it('should say access could not be checked, and show no invoices', async () => {
    renderPage(personas.loadFailed);
    expect(await screen.findByRole('alert')).toHaveTextContent('Access could not be checked.');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
