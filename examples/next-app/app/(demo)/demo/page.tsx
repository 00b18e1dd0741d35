// Every component, imported straight into a server component page, rendered on the mock Clerk.
import { PermissionGate, SessionList, SessionManager } from 'clerk-session-kit';
import { DemoClerk } from '../../../components/demo-clerk';
import { OrgSwitcherRefresh } from '../../../components/org-switcher-refresh';

export default function DemoPage() {
  return (
    <DemoClerk>
      <main>
        <h1>Account</h1>
        <OrgSwitcherRefresh />
        <PermissionGate permission="org:invoices:read" fallback={<p>No access to invoices.</p>}>
          <p>Invoices: visible to you.</p>
        </PermissionGate>
        <SessionManager />
        <SessionList />
      </main>
    </DemoClerk>
  );
}
