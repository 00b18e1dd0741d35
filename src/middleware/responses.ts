/**
 * The answers the middleware and guards give: JSON for APIs and server actions, a redirect or a
 * small forbidden page for documents. Never cached; never a Location on another origin.
 */
import { NextResponse } from 'next/server';

export type ErrorCode = 'unauthenticated' | 'forbidden' | 'organization_required' | 'bad_request' | 'auth_unavailable';

const NO_STORE = { 'cache-control': 'no-store' };
const STATUS: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  organization_required: 403,
  bad_request: 400,
  auth_unavailable: 500,
};

/** `{ error: code }` with the status for the code; 401 carries `WWW-Authenticate: Bearer`. */
export function jsonError(code: ErrorCode, extra?: Headers): NextResponse {
  const res = NextResponse.json({ error: code }, { status: STATUS[code], headers: NO_STORE });
  if (code === 'unauthenticated') res.headers.set('www-authenticate', 'Bearer');
  if (extra) copyHeaders(extra, res.headers);
  return res;
}

export function copyHeaders(from: Headers, to: Headers): void {
  from.forEach((value, key) => to.set(key, value));
}

/**
 * A 307 to `target` with `redirect_url` set to `back`, a path on the request's own origin (made
 * absolute on that origin when `target` is elsewhere, such as Clerk's Account Portal).
 */
export function redirectTo(origin: string, target: string, back: string): NextResponse {
  const url = new URL(target, origin);
  url.searchParams.set('redirect_url', url.origin === origin ? back : origin + back);
  return new NextResponse(null, { status: 307, headers: { location: url.href, ...NO_STORE } });
}

/** The default forbidden page for documents: 403, plain HTML, no app chrome. */
export function forbiddenPage(): NextResponse {
  return new NextResponse('<!doctype html><title>403 Forbidden</title><h1>403 Forbidden</h1><p>You do not have access to this page.', {
    status: 403,
    headers: { 'content-type': 'text/html; charset=utf-8', ...NO_STORE },
  });
}
