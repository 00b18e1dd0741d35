// @vitest-environment node
/**
 * ServerPermissionGate and checkAccess (clerk-session-kit/server) on Clerk's real auth(): each
 * request goes through the real clerkMiddleware first (tokens signed here, verified with jwtKey),
 * then the server component runs in Next's request scope with the headers the middleware forwarded.
 * The component is rendered as Next renders an async server component: awaited, then its result
 * turned into HTML. A .ts file (this project includes *.test.ts only), so React.createElement.
 */
import { clerkMiddleware } from '@clerk/nextjs/server';
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkAccess, ServerPermissionGate, type ServerPermissionGateProps } from 'clerk-session-kit/server';
import { admin, clerkOptions, member, page, personal, signToken, type TokenClaims } from '../support/clerk';
import { event, forwardedRequest, inRequestScope, inStaticGeneration } from './support/next';

const middleware = clerkMiddleware(clerkOptions);
const GATED = 'Admin tools: export every invoice';
const FALLBACK = 'Ask an admin for the export.';

/** Runs `fn` as a server component runs for a document request with `claims`' session (none: signed out). */
async function asRequest<T>(claims: TokenClaims | null, fn: () => Promise<T>): Promise<T> {
  const req = page('/reports', claims ? { cookie: await signToken(claims) } : {});
  const res = await middleware(req, event);
  if (!(res instanceof Response)) throw new Error(`clerkMiddleware answered ${String(res)}, not a Response`);
  expect(res.headers.get('x-middleware-next') ?? res.headers.get('x-middleware-rewrite')).not.toBeNull();
  return inRequestScope(forwardedRequest(res, req).headers, fn);
}

/** The gate's HTML, as Next renders an async server component: awaited, then rendered. */
async function render(props: Omit<ServerPermissionGateProps, 'children'>, children: ReactNode = createElement('p', null, GATED)) {
  const result = await ServerPermissionGate({ ...props, children });
  return renderToStaticMarkup(createElement('main', null, result));
}

const adminOnly = { role: 'org:admin', fallback: createElement('p', null, FALLBACK) };

afterEach(() => vi.restoreAllMocks());

describe('given ServerPermissionGate with role="org:admin" and a fallback', () => {
  it('should render the fallback and not the gated markup for a signed-out request', async () => {
    const html = await asRequest(null, () => render(adminOnly));
    expect(html).not.toContain(GATED);
    expect(html).toBe(`<main><p>${FALLBACK}</p></main>`);
  });

  it('should render the fallback and not the gated markup for a member', async () => {
    const html = await asRequest(member, () => render(adminOnly));
    expect(html).not.toContain(GATED);
    expect(html).toContain(FALLBACK);
  });

  it('should render the gated markup and not the fallback for an admin', async () => {
    const html = await asRequest(admin, () => render(adminOnly));
    expect(html).toBe(`<main><p>${GATED}</p></main>`);
  });

  it('should treat a pending session as signed out', async () => {
    const html = await asRequest({ ...admin, sts: 'pending' }, () => render(adminOnly));
    expect(html).not.toContain(GATED);
    expect(html).toContain(FALLBACK);
  });
});

describe('given ServerPermissionGate without a fallback', () => {
  it('should render nothing when denied', async () => {
    expect(await asRequest(member, () => render({ permission: 'org:reports:manage' }))).toBe('<main></main>');
  });

  it('should render its children for any signed-in user when no requirement is given', async () => {
    expect(await asRequest(personal, () => render({}))).toContain(GATED);
    expect(await asRequest(null, () => render({}))).toBe('<main></main>');
  });

  it('should combine checks with match="any" and deny when a condition throws', async () => {
    const either = { role: 'org:admin', feature: 'o:reports', match: 'any' } as const;
    expect(await asRequest(member, () => render(either))).toContain(GATED);
    const throwing = {
      condition: () => {
        throw new Error('bad rule');
      },
    };
    expect(await asRequest(admin, () => render(throwing))).toBe('<main></main>');
  });
});

describe('given a malformed requirement', () => {
  it('should throw the TypeError PermissionGate throws, naming the component, signed in or not', async () => {
    for (const claims of [null, admin]) {
      await expect(asRequest(claims, () => render({ role: '' }))).rejects.toThrow(
        new TypeError('ServerPermissionGate: every `role` must be a non-empty string; got "".'),
      );
    }
    await expect(asRequest(admin, () => render({ permission: [] }))).rejects.toThrow(TypeError);
    // @ts-expect-error a wrong match value, as untyped callers may pass it
    await expect(asRequest(admin, () => checkAccess({ match: 'some' }))).rejects.toThrow("checkAccess: `match` must be 'all' or 'any'");
  });
});

describe('given the middleware did not run for the request', () => {
  it('should fail closed: the fallback, and checkAccess answers "unavailable"', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const req = page('/reports', { cookie: await signToken(admin) });
    const html = await inRequestScope(req.headers, () => render(adminOnly));
    expect(html).not.toContain(GATED);
    expect(html).toContain(FALLBACK);
    const decision = await inRequestScope(req.headers, () => checkAccess({ role: 'org:admin' }));
    expect(decision).toEqual({ allowed: false, userId: null, orgId: null, reason: 'unavailable' });
    expect(String(logged.mock.calls[0]?.[0])).toContain('ServerPermissionGate denied: auth() failed.');
  });

  it('should let Next’s bail-out from static generation through (the page becomes dynamic), not render the fallback', async () => {
    const error = await inStaticGeneration(() => render(adminOnly)).catch((e: unknown) => e);
    expect(error).toMatchObject({ digest: 'DYNAMIC_SERVER_USAGE' });
  });
});

describe('given checkAccess in a server component', () => {
  it('should answer signed-out, forbidden or allowed with the user and the active organization', async () => {
    expect(await asRequest(null, () => checkAccess({ role: 'org:admin' }))).toEqual({
      allowed: false,
      userId: null,
      orgId: null,
      reason: 'signed-out',
    });
    expect(await asRequest(member, () => checkAccess({ role: 'org:admin' }))).toEqual({
      allowed: false,
      userId: 'user_member',
      orgId: 'org_acme',
      reason: 'forbidden',
    });
    expect(await asRequest(admin, () => checkAccess({ role: 'org:admin', plan: 'pro' }))).toEqual({
      allowed: true,
      userId: 'user_admin',
      orgId: 'org_acme',
      reason: null,
    });
  });

  it('should mean "signed in" without requirements, with no organization for a personal account', async () => {
    expect(await asRequest(personal, () => checkAccess())).toEqual({ allowed: true, userId: 'user_solo', orgId: null, reason: null });
  });

  it('should warn in development when a check names an org:sys_* permission', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const decision = await asRequest(admin, () => checkAccess({ permission: 'org:sys_memberships:manage' }));
    expect(decision.allowed).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('checkAccess checks the system permission "org:sys_memberships:manage"'));
  });
});
