import { withAuth } from 'clerk-session-kit/middleware';

export const GET = withAuth(async (_request, _context, auth) => Response.json({ userId: auth.userId, orgId: auth.orgId ?? null }));
