// Every component from the Core 2 entry, imported straight into a server component page.
import { OrgSwitcher, PermissionGate, SessionList, SessionManager } from 'clerk-session-kit/core-2';
import { DemoClerk } from '../../../components/demo-clerk';

export default function DemoPage() {
  return (
    <DemoClerk>
      <main>
        <h1>Account</h1>
        <OrgSwitcher />
        <PermissionGate permission="org:invoices:read" fallback={<p>No access to invoices.</p>}>
          <p>Invoices: visible to you.</p>
        </PermissionGate>
        <SessionManager />
        <SessionList />
      </main>
    </DemoClerk>
  );
}
