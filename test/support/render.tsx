import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { createMockClerk, MockClerkProvider, type Persona } from '../../src/testing';

/** Renders `ui` under a fresh mock Clerk made from `persona`; returns the mock and a user-event session. */
export function renderWithMockClerk(persona: Persona, ui: ReactNode) {
  const clerk = createMockClerk(persona);
  const user = userEvent.setup();
  const view = render(<MockClerkProvider clerk={clerk}>{ui}</MockClerkProvider>);
  return { clerk, user, ...view };
}
