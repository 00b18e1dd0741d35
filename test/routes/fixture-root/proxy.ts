// The kit as an app uses it (Next 16 names middleware.ts proxy.ts). Build A: no basePath.
import { createSessionMiddleware } from 'clerk-session-kit/middleware';

export default createSessionMiddleware({
  // The webhook by name: a wildcard would also cover what the /api/[...path] catch-all serves below it.
  publicRoutes: ['/', '/pricing', '/about', '/docs', '/docs/*', '/api/webhooks/stripe'],
  rules: [{ routes: ['/admin', '/admin/*', '/api/admin/*', '/orgs/:id/settings'], require: { role: 'org:admin' } }],
  clerk: { jwtKey: process.env.CLERK_JWT_KEY },
});

// RECOMMENDED_MATCHER, pasted (Next reads it statically); check-routes.mjs compares the two.
export const config = {
  matcher: ['/((?!_next/static/|_next/image$|favicon\\.ico$).*)'],
};
