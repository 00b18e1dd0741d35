// proxy.ts (Next 16): deny by default; the allowlist, API routes and the admin area.
import { createSessionMiddleware } from 'clerk-session-kit/middleware';

// The origins this app's session tokens may be issued for (their `azp` claim). Without the list
// Clerk does not check `azp` at all, and accepts a token issued for another app on the instance.
// APP_ORIGIN in production (comma-separated for several, e.g. `https://app.example`); unset, this
// server on localhost and 127.0.0.1 at the port `next start` / `next dev` listens on.
const appOrigins = (process.env.APP_ORIGIN ?? '')
  .split(',')
  .filter((o) => o.trim() !== '')
  .map((o) => new URL(o.trim()).origin);
const port = process.env.PORT ?? '3000';
const authorizedParties = appOrigins.length > 0 ? appOrigins : [`http://localhost:${port}`, `http://127.0.0.1:${port}`];

export default createSessionMiddleware({
  // The matcher runs on every path but build assets and /favicon.ico: the app icon is listed here.
  // /server-gate is public: its ServerPermissionGate shows the gated part to admins only.
  publicRoutes: ['/', '/demo/*', '/server-gate', '/icon.svg'],
  apiRoutes: ['/api/*'],
  rules: [{ routes: ['/admin/*', '/api/admin/*'], require: { permission: 'org:reports:manage' } }],
  // Verify session tokens with the instance's public key, with no network call
  // (@clerk/nextjs does not read CLERK_JWT_KEY by itself), and only if issued for this app.
  clerk: { jwtKey: process.env.CLERK_JWT_KEY, authorizedParties },
  // Refused requests (auth could not be resolved) are logged in production too.
  onError: (error) => console.error('clerk-session-kit: auth failed, request refused.', error),
});

// Paste as is: Next reads the matcher statically (the kit's RECOMMENDED_MATCHER).
export const config = {
  matcher: ['/((?!_next/static/|_next/image$|favicon\\.ico$).*)'],
};
