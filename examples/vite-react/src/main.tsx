import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OrgSwitcher, PermissionGate, SessionList, SessionManager } from 'clerk-session-kit';
import { devices, mergePersona, MockClerkProvider, personas } from 'clerk-session-kit/testing';
import 'clerk-session-kit/styles.css';

// Ada: member of Acme (active) and Globex, signed in here and on seven other devices.
const persona = mergePersona(personas.orgMember, { state: { users: [{ id: 'user_ada', devices }] } });

function App() {
  return (
    <main
      style={{
        maxWidth: 720,
        margin: '2rem auto',
        display: 'grid',
        gap: '1.5rem',
        fontFamily: 'system-ui, sans-serif',
      }}
    >
      <h1>Account</h1>
      <OrgSwitcher />
      <PermissionGate permission="org:invoices:read" fallback={<p>No access to invoices.</p>}>
        <p>Invoices: visible to you.</p>
      </PermissionGate>
      <SessionManager />
      <SessionList />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MockClerkProvider options={persona}>
      <App />
    </MockClerkProvider>
  </StrictMode>,
);
