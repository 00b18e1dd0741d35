// A server component page importing the Core 2 build of the components directly.
import { OrgSwitcher, PermissionGate, SessionList, SessionManager } from 'clerk-session-kit/core-2';

export default function AccountPage() {
  return (
    <main>
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
