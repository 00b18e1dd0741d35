// A server component page that imports the kit's components directly: its 'use client' entry
// makes them client components with no wrapper. Only OrgSwitcher gets one, for router.refresh().
import { requireAuth } from 'clerk-session-kit/middleware';
import { PermissionGate, SessionList, SessionManager } from 'clerk-session-kit';
import { OrgSwitcherRefresh } from '../../../components/org-switcher-refresh';
import { renameWorkspace } from './actions';

export default async function AccountPage() {
  const { userId } = await requireAuth();
  return (
    <main>
      <h1>Account</h1>
      <p>Signed in as {userId}.</p>
      <OrgSwitcherRefresh />
      <PermissionGate permission="org:invoices:read" fallback={<p>No access to invoices.</p>}>
        <p>Invoices: visible to you.</p>
      </PermissionGate>
      <SessionManager />
      <SessionList />
      <form action={renameWorkspace}>
        <label>
          Workspace name <input name="name" required />
        </label>
        <button type="submit">Rename</button>
      </form>
    </main>
  );
}
