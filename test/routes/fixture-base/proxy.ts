// The kit as an app uses it (Next 16 names middleware.ts proxy.ts). Build B: basePath and locales.
import { createSessionMiddleware } from 'clerk-session-kit/middleware';

export default createSessionMiddleware({
  basePath: '/base',
  locales: ['en', 'fr'],
  publicRoutes: ['/'],
  rules: [{ routes: ['/admin', '/admin/*'], require: { role: 'org:admin' } }],
  clerk: { jwtKey: process.env.CLERK_JWT_KEY },
});

// RECOMMENDED_MATCHER, pasted (Next reads it statically); check-routes.mjs compares the two.
export const config = {
  matcher: ['/((?!_next/static/|_next/image$|favicon\\.ico$).*)'],
};
