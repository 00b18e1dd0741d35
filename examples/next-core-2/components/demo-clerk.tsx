'use client';
import type { ReactNode } from 'react';
import { devices, mergePersona, MockClerkProvider, personas } from 'clerk-session-kit/core-2/testing';

// Ada: member of Acme (active) and Globex, signed in here and on seven other devices.
const persona = mergePersona(personas.orgMember, { state: { users: [{ id: 'user_ada', devices }] } });

export function DemoClerk({ children }: { children: ReactNode }) {
  return <MockClerkProvider options={persona}>{children}</MockClerkProvider>;
}
