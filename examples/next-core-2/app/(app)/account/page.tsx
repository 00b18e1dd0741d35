// A protected server component page: the server knows the user from the session cookie (auth()),
// and the kit's Core 2 components render on the browser's Clerk below @clerk/nextjs 6's provider.
import { auth } from '@clerk/nextjs/server';
import { OrgSwitcher, PermissionGate, SessionManager } from 'clerk-session-kit/core-2';

export default async function AccountPage() {
  const { userId } = await auth();
  return (
    <main>
      <h1>Account</h1>
      <p>Signed in as {userId}.</p>
      <OrgSwitcher />
      <PermissionGate permission="org:invoices:read" fallback={<p>No access to invoices.</p>}>
        <p>Invoices: visible to you.</p>
      </PermissionGate>
      <SessionManager />
    </main>
  );
}
