// Gated on the server: ServerPermissionGate decides with auth().has() while the page renders, so
// only an admin's response carries the gated markup; the client bundle never has it.
// Public in proxy.ts, so a signed-out visitor gets the page and the fallback.
import { checkAccess, ServerPermissionGate } from 'clerk-session-kit/server';

export default async function ServerGatePage() {
  const { userId } = await checkAccess();
  return (
    <main>
      <h1>Server gate</h1>
      <p>{userId ? `Signed in as ${userId}.` : 'Signed out.'}</p>
      <ServerPermissionGate role="org:admin" fallback={<p>Export tools: for organization admins.</p>}>
        <p>Server-gated export tools: download every invoice as CSV.</p>
      </ServerPermissionGate>
    </main>
  );
}
