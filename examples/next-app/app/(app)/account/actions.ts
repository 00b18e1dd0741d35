'use server';
// A server action guarded where the work happens: a middleware that did not run protects nothing.
import { requireAuth } from 'clerk-session-kit/middleware';

export async function renameWorkspace(form: FormData): Promise<void> {
  const { userId, orgId } = await requireAuth({ organization: true, permission: 'org:reports:manage' });
  const name = String(form.get('name') ?? '').trim();
  if (!name) throw new Error('A workspace needs a name.');
  console.log(`workspace ${orgId} renamed to ${JSON.stringify(name)} by ${userId}`);
}
