import { requireAuth } from 'clerk-session-kit/middleware';

export default async function AdminPage() {
  // The middleware rule already required this; the page checks again in case it did not run.
  const { orgId } = await requireAuth({ permission: 'org:reports:manage' });
  return (
    <main>
      <h1>Admin</h1>
      <p>Reports for {orgId}.</p>
    </main>
  );
}
