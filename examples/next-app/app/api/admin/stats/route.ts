import { withAuth } from 'clerk-session-kit/middleware';

export const GET = withAuth(async (_request, _context, auth) => Response.json({ orgId: auth.orgId, reports: 3 }), {
  permission: 'org:reports:manage',
});
