import { render, screen } from '@testing-library/react';
import { useAuth, useClerk } from '../../src/clerk';
import { MockClerkProvider, personas } from '../../src/testing';

function Status() {
  const clerk = useClerk();
  const { isLoaded } = useAuth();
  return (
    <p>
      status:{String(clerk.status)} loaded:{String(isLoaded)}
    </p>
  );
}

describe('given the loadFailed persona (Clerk could not load)', () => {
  it("should report @clerk/react's 'error' status and never become loaded", async () => {
    render(
      <MockClerkProvider options={personas.loadFailed}>
        <Status />
      </MockClerkProvider>,
    );
    expect(await screen.findByText(/status:error/)).toHaveTextContent('loaded:false');
  });
});

describe('given a mock that loads', () => {
  it("should report the 'ready' status", async () => {
    render(
      <MockClerkProvider options={personas.orgMember}>
        <Status />
      </MockClerkProvider>,
    );
    expect(await screen.findByText(/status:ready/)).toHaveTextContent('loaded:true');
  });
});
