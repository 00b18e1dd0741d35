/**
 * The answers the middleware and guards give: JSON for APIs and server actions, a redirect or a
 * small forbidden page for documents. Never cached; never a Location on another origin.
 */
import { NextResponse } from 'next/server';

export type ErrorCode = 'unauthenticated' | 'forbidden' | 'organization_required' | 'bad_request' | 'auth_unavailable';

const MESSAGES: Record<ErrorCode, string> = {
  unauthenticated: 'Sign in to access this resource.',
  forbidden: 'You do not have access to this resource.',
  organization_required: 'Choose an organization to access this resource.',
  bad_request: 'The request path is malformed.',
  auth_unavailable: 'Authentication is unavailable.',
};
const STATUS: Record<ErrorCode, number> = { unauthenticated: 401, forbidden: 403, organization_required: 403, bad_request: 400, auth_unavailable: 500 };

/** `{ error, message }` with the status for the code; 401 carries `WWW-Authenticate: Bearer`. */
export function jsonError(code: ErrorCode, extra?: Headers): NextResponse {
  const res = NextResponse.json({ error: code, message: MESSAGES[code] }, { status: STATUS[code], headers: { 'cache-control': 'no-store' } });
  if (code === 'unauthenticated') res.headers.set('www-authenticate', 'Bearer');
  if (extra) copyHeaders(extra, res.headers);
  return res;
}

export function copyHeaders(from: Headers, to: Headers): void {
  from.forEach((value, key) => to.set(key, value));
}

/** A 307 to `target` (a path on the request's own origin) with `redirect_url` set to `back`. */
export function redirectTo(origin: string, target: string, back: string | null): NextResponse {
  const url = /^https?:\/\//i.test(target) ? new URL(target) : new URL(target, origin);
  if (back !== null) url.searchParams.set('redirect_url', back);
  return new NextResponse(null, { status: 307, headers: { location: url.href, 'cache-control': 'no-store' } });
}

/** The default forbidden page for documents: 403, plain HTML, no app chrome. */
export function forbiddenPage(): NextResponse {
  return new NextResponse(
    '<!doctype html><html lang="en"><meta charset="utf-8"><meta name="robots" content="noindex"><title>403 Forbidden</title><main><h1>403 Forbidden</h1><p>You do not have access to this page.</p></main></html>',
    { status: 403, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } },
  );
}

/** Documents get a page; anything else (API, server action, fetch) gets JSON. */
export function serverError(json: boolean): NextResponse {
  if (json) return jsonError('auth_unavailable');
  return new NextResponse('Authentication is unavailable.', { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}
