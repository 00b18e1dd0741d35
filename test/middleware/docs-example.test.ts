// @vitest-environment node
/**
 * The proxy.ts and route handler docs/middleware.md and the Storybook docs page show. They run here as
 * written (keys from the environment, as in an app), and the last test fails if either document
 * drifts from them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { admin as adminClaims, member as memberClaims, page, personal as personalClaims, request, signToken } from '../support/clerk';
import { event, forwardedRequest, inRequestScope } from './support/next';

// Tokens issued for the documented app's origin (their azp claim), as Clerk issues them there.
const app = { azp: 'https://app.example' };
const [admin, member, personal] = [adminClaims, memberClaims, personalClaims].map((claims) => ({ ...claims, ...app }));

// #region proxy
// proxy.ts (Next 16), or middleware.ts (Next 15, or Next 16 on the Edge runtime)
import { createSessionMiddleware } from 'clerk-session-kit/middleware';

export default createSessionMiddleware({
  // The allowlist. Everything else needs a signed-in user; /sign-in and /sign-up are added.
  // A wildcard covers every path below it: list webhooks one by one.
  publicRoutes: ['/', '/pricing', '/blog/*', '/api/webhooks/stripe'],
  // Every rule that matches must pass. "/admin/*" covers "/admin" too.
  rules: [
    { routes: ['/admin/*', '/api/admin/*'], require: { permission: 'org:reports:manage' } },
    { routes: '/billing/*', require: { role: 'admin' } },
  ],
  // No active organization: redirect to /select-organization (403 JSON for APIs).
  organizationRoutes: ['/team/*'],
  // Verify session tokens without a network call (@clerk/nextjs does not read this variable itself),
  // and only tokens issued for this app: without authorizedParties, Clerk skips the azp check.
  clerk: { jwtKey: process.env.CLERK_JWT_KEY, authorizedParties: ['https://app.example'] },
});

// Paste as is: Next reads the matcher statically. It skips only build assets, the image
// optimizer and the favicon, never "/admin/report.csv".
export const config = {
  matcher: ['/((?!_next/static/|_next/image$|favicon\\.ico$).*)'],
};
// #endregion proxy

// #region route
// app/api/admin/reports/route.ts: enforced here too, in case the middleware did not run.
import { withAuth } from 'clerk-session-kit/middleware';

export const GET = withAuth(async (_request, _context, auth) => Response.json({ reports: [], for: auth.userId }), {
  permission: 'org:reports:manage',
});
// #endregion route

import proxy from './docs-example.test';
import { assertMatcherCovers } from 'clerk-session-kit/middleware/testing';
import type { NextMiddleware, NextProxy } from 'next/server';

describe('given the documented proxy.ts', () => {
  it('should type-check and answer as a Next 16 proxy and as a Next 15 middleware', async () => {
    const asProxy: NextProxy = proxy;
    const asMiddleware: NextMiddleware = proxy;
    for (const run of [asProxy, asMiddleware]) expect(((await run(page('/admin'), event)) as Response).status).toBe(307);
  });

  it('should send a signed-out visitor to sign-in and let the public pages through', async () => {
    expect((await proxy(page('/admin'), event)).status).toBe(307);
    expect((await proxy(page('/blog/launch'), event)).status).toBe(200);
    expect((await proxy(page('/sign-in'), event)).status).toBe(200);
  });

  it('should forbid a member the admin pages and pass an admin', async () => {
    expect((await proxy(page('/admin', { cookie: await signToken(member) }), event)).status).toBe(403);
    expect((await proxy(page('/admin', { cookie: await signToken(admin) }), event)).status).toBe(200);
  });

  it('should refuse a token issued for another origin (authorizedParties)', async () => {
    const elsewhere = await signToken({ ...adminClaims, azp: 'https://other-app.example' });
    expect((await proxy(page('/admin', { cookie: elsewhere }), event)).status).toBe(307);
    expect((await proxy(request('/api/admin/reports', { bearer: elsewhere }), event)).status).toBe(401);
  });

  it('should send a user without an organization to pick one', async () => {
    const res = await proxy(page('/team', { cookie: await signToken(personal) }), event);
    expect(new URL(res.headers.get('location')!).pathname).toBe('/select-organization');
  });

  it('should run on every protected path, file-like ones included', async () => {
    await assertMatcherCovers({
      config,
      paths: ['/admin', '/admin/report.csv', '/api/admin/reports', '/billing/invoice.pdf'],
    });
  });
});

describe('given the documented route handler', () => {
  it('should answer the reports to an admin after the middleware, and 401 when the middleware never ran', async () => {
    const req = request('/api/admin/reports', { bearer: await signToken(admin) });
    const res = await proxy(req, event);
    const forwarded = forwardedRequest(res, req);
    const answer = await inRequestScope(forwarded.headers, () => GET(forwarded, {}));
    expect(await answer.json()).toEqual({ reports: [], for: 'user_admin' });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const bypassed = await inRequestScope(req.headers, () => GET(req, {}));
    expect(bypassed.status).toBe(401);
  });
});

describe('given the documentation', () => {
  it('should show both examples verbatim in docs/middleware.md and the Storybook docs page', () => {
    const source = readFileSync(new URL(import.meta.url).pathname, 'utf8');
    for (const region of ['proxy', 'route']) {
      const example = source.split(`// #region ${region}\n`)[1]!.split(`// #endregion ${region}`)[0]!.trim();
      for (const doc of ['../../docs/middleware.md', '../../stories/middleware.mdx']) {
        expect(readFileSync(new URL(doc, import.meta.url), 'utf8'), `${doc} (${region})`).toContain(example);
      }
    }
  });
});
