/**
 * Real Clerk, offline: an RSA key made per test run, session tokens signed with it, and the
 * options that make the real clerkMiddleware verify them through `jwtKey` with no network.
 */
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { NextRequest } from 'next/server';

export const ORIGIN = 'https://app.test';
/** A production publishable key (pk_live_ + base64('clerk.example.com$')): no dev-browser handshake. */
export const publishableKey = `pk_live_${btoa('clerk.example.com$')}`;

const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
export const jwtKey = await exportSPKI(publicKey);
// Where an app keeps it (the docs example reads it): @clerk/nextjs 7 does not read it by itself.
process.env.CLERK_JWT_KEY = jwtKey;
export const clerkOptions = { publishableKey, jwtKey } as const;

export interface TokenClaims {
  sub?: string;
  sid?: string;
  sts?: string;
  /** v2 organization claims: { id, rol, slg, per, fpm }. */
  o?: { id: string; rol: string; slg: string; per?: string; fpm?: string };
  fea?: string;
  pla?: string;
  exp?: number;
  [claim: string]: unknown;
}

export async function signToken(claims: TokenClaims = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const { exp = now + 60, ...rest } = claims;
  return new SignJWT({ v: 2, sid: 'sess_1', sub: 'user_1', azp: ORIGIN, ...rest })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'ins_test' })
    .setIssuedAt(now - 5)
    .setExpirationTime(exp)
    .sign(privateKey);
}

/** Acme's features: reports and invoices; permissions per feature from `per` by the `fpm` bitmasks. */
export const member = {
  sub: 'user_member',
  o: { id: 'org_acme', rol: 'member', slg: 'acme', per: 'read,manage', fpm: '1,1' },
  fea: 'o:reports,o:invoices',
  pla: 'o:free',
};
export const admin = {
  sub: 'user_admin',
  o: { id: 'org_acme', rol: 'admin', slg: 'acme', per: 'read,manage', fpm: '3,3' },
  fea: 'o:reports,o:invoices,u:beta',
  pla: 'o:pro',
};
export const personal = { sub: 'user_solo' };

export interface RequestInit {
  method?: string;
  headers?: Record<string, string>;
  /** Signed in through the `__session` cookie (browser) with this token. */
  cookie?: string;
  /** Signed in through `Authorization: Bearer` with this token. */
  bearer?: string;
  body?: string;
}

/** A real NextRequest for `path`, taken verbatim (no URL normalization by the test). */
export function request(path: string, init: RequestInit = {}): NextRequest {
  const headers = new Headers(init.headers);
  if (init.cookie) {
    const now = Math.floor(Date.now() / 1000);
    headers.append('cookie', `__session=${init.cookie}; __client_uat=${now - 10}`);
  }
  if (init.bearer) headers.set('authorization', `Bearer ${init.bearer}`);
  return new NextRequest(`${ORIGIN}${path}`, { method: init.method ?? 'GET', headers, body: init.body });
}

/** A document navigation, as a browser sends it. */
export const page = (path: string, init: RequestInit = {}) =>
  request(path, {
    ...init,
    headers: { accept: 'text/html', 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate', ...init.headers },
  });
