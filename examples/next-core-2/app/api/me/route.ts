// The signed-in user and organization from the session token, or 401 JSON.
import { auth } from '@clerk/nextjs/server';

export async function GET() {
  const { userId, orgId } = await auth();
  if (!userId) return Response.json({ error: 'unauthenticated' }, { status: 401 });
  return Response.json({ userId, orgId: orgId ?? null });
}
