import '@testing-library/jest-dom/vitest';
import { act, render, screen } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { createMockClerk, MockClerkProvider, personas, type Persona } from 'clerk-session-kit/testing';
import { AppHeader } from './app-header';

const renderHeader = (persona: Persona) => {
  const clerk = createMockClerk(persona);
  const view = render(
    <MockClerkProvider clerk={clerk}>
      <AppHeader />
    </MockClerkProvider>,
  );
  return { clerk, ...view };
};

describe('given Ada signed in as a member of Acme and Globex', () => {
  it('should name her, her email address and her active organization', async () => {
    renderHeader(personas.orgMember);
    expect(await screen.findByText('Ada Lovelace')).toBeInTheDocument();
    expect(screen.getByText('ada@example.com')).toBeInTheDocument();
    expect(screen.getByText('Acme Inc')).toBeInTheDocument();
  });

  it('should name Globex once she switches to it', async () => {
    const { clerk } = renderHeader(personas.orgMember);
    await screen.findByText('Ada Lovelace');
    await act(() => clerk.setActive({ organization: 'org_globex' }));
    expect(screen.getByText('Globex')).toBeInTheDocument();
  });

  it('should have no axe violations', async () => {
    const { container } = renderHeader(personas.orgMember);
    await screen.findByText('Ada Lovelace');
    expect((await axe.run(container)).violations).toEqual([]);
  });
});

describe('given no one is signed in', () => {
  it('should offer to sign in', async () => {
    renderHeader(personas.signedOut);
    expect(await screen.findByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/sign-in');
    expect(screen.queryByText('Ada Lovelace')).not.toBeInTheDocument();
  });
});

describe('given Clerk could not load', () => {
  it('should say so in an alert and name no one', async () => {
    renderHeader(personas.loadFailed);
    expect(await screen.findByRole('alert')).toHaveTextContent('Your account could not load.');
    expect(screen.queryByText('Ada Lovelace')).not.toBeInTheDocument();
  });
});
