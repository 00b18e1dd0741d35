/**
 * What Next does around a middleware and a handler, done the same way here:
 * - the request headers the app sees after a middleware response (x-middleware-override-headers);
 * - a request scope, so Clerk's auth() (which reads next/headers) runs in a route handler,
 *   server action or server component as it does under Next.
 */
import { workAsyncStorage } from 'next/dist/server/app-render/work-async-storage.external.js';
import { workUnitAsyncStorage } from 'next/dist/server/app-render/work-unit-async-storage.external.js';
import { NextRequest, type NextFetchEvent } from 'next/server';

export const event = { waitUntil: () => undefined } as unknown as NextFetchEvent;

/** The headers of the request that reaches the app when the middleware answered `res` (a pass-through). */
export function forwardedHeaders(res: Response, req: Request): Headers {
  const override = res.headers.get('x-middleware-override-headers');
  if (override === null) return new Headers(req.headers);
  const headers = new Headers();
  for (const name of override.split(',')) {
    const value = res.headers.get(`x-middleware-request-${name}`);
    if (value !== null) headers.set(name, value);
  }
  return headers;
}

/** The request a route handler receives after the middleware passed `req` through with `res`. */
export const forwardedRequest = (res: Response, req: NextRequest) =>
  new NextRequest(req.url, { method: req.method, headers: forwardedHeaders(res, req) });

type WorkStore = Parameters<typeof workAsyncStorage.run>[0];
type RequestStore = Parameters<typeof workUnitAsyncStorage.run>[0];

/** Runs `fn` as Next runs a route handler or server action for a request with `headers`. */
export function inRequestScope<T>(headers: Headers, fn: () => Promise<T>): Promise<T> {
  const workStore = {
    route: '/test',
    forceStatic: false,
    dynamicShouldError: false,
    isStaticGeneration: false,
  } as unknown as WorkStore;
  const requestStore = { type: 'request', phase: 'action', headers } as unknown as RequestStore;
  return workAsyncStorage.run(workStore, () => workUnitAsyncStorage.run(requestStore, fn));
}

/** Runs `fn` as Next prerenders a static page at build time: reading headers must bail out of it. */
export function inStaticGeneration<T>(fn: () => Promise<T>): Promise<T> {
  const workStore = {
    route: '/static',
    forceStatic: false,
    dynamicShouldError: false,
    isStaticGeneration: true,
  } as unknown as WorkStore;
  const prerenderStore = { type: 'prerender-legacy', phase: 'render', revalidate: 60 } as unknown as RequestStore;
  return workAsyncStorage.run(workStore, () => workUnitAsyncStorage.run(prerenderStore, fn));
}
