// proxy.ts (Next 16): deny by default; the allowlist, API routes and the admin area.
import { createSessionMiddleware } from 'clerk-session-kit/middleware';

export default createSessionMiddleware({
  // The matcher runs on every path but build assets and /favicon.ico: the app icon is listed here.
  publicRoutes: ['/', '/demo/*', '/icon.svg'],
  apiRoutes: ['/api/*'],
  rules: [{ routes: ['/admin/*', '/api/admin/*'], require: { permission: 'org:reports:manage' } }],
  // Verify session tokens with the instance's public key, with no network call
  // (@clerk/nextjs does not read CLERK_JWT_KEY by itself).
  clerk: { jwtKey: process.env.CLERK_JWT_KEY },
  // Refused requests (auth could not be resolved) are logged in production too.
  onError: (error) => console.error('clerk-session-kit: auth failed, request refused.', error),
});

// Paste as is: Next reads the matcher statically (the kit's RECOMMENDED_MATCHER).
export const config = {
  matcher: ['/((?!_next/static/|_next/image$|favicon\\.ico$).*)'],
};
