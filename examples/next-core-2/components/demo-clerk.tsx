'use client';
import type { ReactNode } from 'react';
import { devices, mergePersona, MockClerkProvider, personas } from 'clerk-session-kit/core-2/testing';

// Ada: member of Acme (active) and Globex, signed in here and on seven other devices.
// `loadDelay: 0`: the mock starts not loaded and loads in a task after the first render. Core 2's
// ClerkProvider never loads a Clerk instance on the server, and loads an already-loaded one
// synchronously on the client's first render: a loaded mock would render the user in the browser
// where the server rendered "loading", a hydration mismatch (React #418). Not loaded, the
// browser's first render matches the server's, and the mock's state follows once it has loaded.
const persona = mergePersona(personas.orgMember, { loadDelay: 0, state: { users: [{ id: 'user_ada', devices }] } });

export function DemoClerk({ children }: { children: ReactNode }) {
  return <MockClerkProvider options={persona}>{children}</MockClerkProvider>;
}
