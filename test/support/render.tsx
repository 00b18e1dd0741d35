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

let renders = 0;
/**
 * The persona with its users renamed for this render (`user_ada` → `user_ada_3`). Clerk caches
 * paginated lists per user id: Core 3 in a query client that MockClerkProvider resets, Core 2 in
 * SWR's global cache, which nothing outside Clerk can reset. Tests of paginated lists that must
 * pass under both give every render its own user.
 */
export function ownUser({ state, ...options }: Persona): Persona {
  const n = ++renders;
  return {
    ...options,
    state: state && {
      ...state,
      users: state.users?.map((u) => ({ ...u, id: `${u.id}_${n}` })),
      sessions: state.sessions?.map((s) => ({ ...s, userId: `${s.userId}_${n}` })),
    },
  };
}
