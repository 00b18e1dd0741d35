/**
 * MSW handlers for the app side of stories and tests (entry `clerk-session-kit/testing/msw`).
 * `/api/me` stands for any API of yours that trusts Clerk session tokens: it answers 200 with the
 * token's identity for a Bearer token issued by a mock Clerk, and 401 for anything else (with
 * `now`, also for an expired one). `/api/claims` answers with all of the token's claims.
 * Works in the browser (msw-storybook-addon, `setupWorker`) and in Node (`setupServer`).
 */
import { http, HttpResponse } from 'msw';
import { verifyMockToken } from './token';

export interface MockApiOptions {
  /** Where the demo endpoint lives, as an MSW path. Default: `/api/me` on any origin, in Node too. */
  path?: string;
  /** Where the endpoint answering with all of a token's claims lives. Default: `/api/claims` on any origin. */
  claimsPath?: string;
  /** Reject tokens whose `exp` is at or before this time (use the mock's clock). */
  now?: () => Date | number;
}

export function createMockApiHandlers({ path = '*/api/me', claimsPath = '*/api/claims', now }: MockApiOptions = {}) {
  const verify = async (request: Request) => {
    const header = request.headers.get('authorization') ?? '';
    const token = /^Bearer (\S+)$/.exec(header)?.[1];
    return token ? await verifyMockToken(token, now ? { now: now() } : {}) : null;
  };
  const unauthenticated = () =>
    HttpResponse.json(
      {
        error: 'unauthenticated',
        message: 'Send a session token from a mock Clerk as "Authorization: Bearer <token>".',
      },
      { status: 401, headers: { 'www-authenticate': 'Bearer' } },
    );
  return [
    http.get(path, async ({ request }) => {
      const claims = await verify(request);
      if (!claims) return unauthenticated();
      return HttpResponse.json({
        userId: claims.sub,
        sessionId: claims.sid,
        orgId: claims.o?.id ?? null,
        orgRole: claims.o?.rol ? `org:${claims.o.rol}` : null,
        actor: claims.act ?? null,
      });
    }),
    // Every claim of the token, e.g. to show what a JWT template (createMockClerk({ templates })) added.
    http.get(claimsPath, async ({ request }) => {
      const claims = await verify(request);
      return claims ? HttpResponse.json({ claims }) : unauthenticated();
    }),
  ];
}
