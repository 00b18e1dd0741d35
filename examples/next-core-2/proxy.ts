// proxy.ts (Next 16): @clerk/nextjs 6's own clerkMiddleware (the kit's /middleware entry needs
// @clerk/nextjs 7). /account needs a signed-in user; /api/me answers 401 JSON by itself.
import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server';

const isProtected = createRouteMatcher(['/account(.*)']);
const port = process.env.PORT ?? '3000';

export default clerkMiddleware(
  async (auth, request) => {
    if (isProtected(request)) await auth.protect();
  },
  {
    // Signed-out visitors of /account go to this app's page, not Clerk's Account Portal.
    signInUrl: '/sign-in',
    // Verify session tokens with the instance's public key, with no network call, and only if
    // issued for this app (APP_ORIGIN in production; this server on localhost otherwise).
    jwtKey: process.env.CLERK_JWT_KEY,
    authorizedParties: process.env.APP_ORIGIN ? [process.env.APP_ORIGIN] : [`http://localhost:${port}`, `http://127.0.0.1:${port}`],
  },
);

export const config = {
  matcher: ['/((?!_next/static/|_next/image$|favicon\\.ico$).*)'],
};
