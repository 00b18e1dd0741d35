/**
 * Session tokens the way Clerk shapes them (v2 claims), signed with Web Crypto.
 * With no key given the mock signs HS256 with a fixed, public test secret: good enough for the
 * mock's own MSW handlers to tell its tokens from anything else, worthless as security.
 * With an RSA private key (PKCS#8 PEM or CryptoKey) it signs RS256, so a server test can verify
 * the token with the real clerkMiddleware and the matching public key.
 */
import { epochMs, type DateInput } from '../core/dates';
import { field } from '../core/field';
import type { MockActor, NMembership, NSession, NUser } from './state';

export interface SessionClaims {
  azp: string;
  exp: number;
  fva: [number, number];
  iat: number;
  iss: string;
  jti: string;
  nbf: number;
  sid: string;
  sub: string;
  sts?: 'pending';
  v: 2;
  o?: { id: string; rol: string; slg: string; per?: string; fpm?: string };
  fea?: string;
  pla?: string;
  act?: MockActor;
  [claim: string]: unknown;
}

export const MOCK_ISSUER = 'https://clerk.mock.invalid';
export const MOCK_AZP = 'http://localhost';
/** The public HS256 secret of tokens signed without a caller key. Test use only. */
export const MOCK_TOKEN_SECRET = 'clerk-session-kit/testing: not a secret';
const TOKEN_TTL_S = 60;

const scoped = (org: string[], user: string[]) => [...org.map((f) => `o:${f}`), ...user.map((f) => `u:${f}`)].join(',') || undefined;

/**
 * Clerk's v2 encoding of organization permissions: `per` lists the actions, `fea` the org
 * features, and `fpm` one bitmask per org feature saying which actions it grants (LSB first).
 * Features named by a permission are added to the org features so the permission survives.
 * `org:sys_*` permissions are never in a Clerk session token, so they are left out here too.
 */
export function encodeOrgPermissions(permissions: string[], orgFeatures: string[]) {
  // 'org:<feature>:<action>' (normalizeState checked the shape).
  const custom = permissions
    .filter((p) => !p.startsWith('org:sys_'))
    .map((p) => {
      const [, feature = '', action = ''] = p.split(':');
      return { feature, action };
    });
  const features = [...orgFeatures];
  const actions: string[] = [];
  for (const { feature, action } of custom) {
    if (!features.includes(feature)) features.push(feature);
    if (!actions.includes(action)) actions.push(action);
  }
  const fpm = features.map((feature) =>
    custom.reduce((mask, p) => (p.feature === feature ? mask | (1 << actions.indexOf(p.action)) : mask), 0),
  );
  return { features, per: actions.join(','), fpm: fpm.join(',') };
}

export function buildClaims(args: {
  session: NSession;
  user: NUser;
  membership: NMembership | undefined;
  now: number;
  jti: string;
  /** The `azp` claim: the origin the token was issued for (default MOCK_AZP). */
  azp?: string;
  /** The `iss` claim (default MOCK_ISSUER). Clerk's server ignores a token whose issuer is not its frontend API. */
  issuer?: string;
}): SessionClaims {
  const { session, user, membership, now, jti } = args;
  const iat = Math.floor(now / 1000);
  const claims: SessionClaims = {
    azp: args.azp ?? MOCK_AZP,
    exp: iat + TOKEN_TTL_S,
    fva: [Math.max(0, Math.floor((now - session.createdAt) / 60_000)), -1],
    iat,
    iss: args.issuer ?? MOCK_ISSUER,
    jti,
    nbf: iat - 5,
    sid: session.id,
    sub: user.id,
    v: 2,
  };
  if (session.status === 'pending') claims.sts = 'pending';
  let orgFeatures: string[] = [];
  if (membership) {
    const org = membership.organization;
    const enc = encodeOrgPermissions(membership.permissions, org.features);
    orgFeatures = enc.features;
    claims.o = { id: org.id, rol: membership.role.replace(/^org:/, ''), slg: org.slug };
    if (enc.per) Object.assign(claims.o, { per: enc.per, fpm: enc.fpm });
  }
  const fea = scoped(orgFeatures, user.features);
  const pla = scoped(membership?.organization.plans ?? [], user.plans);
  if (fea) claims.fea = fea;
  if (pla) claims.pla = pla;
  if (session.actor) claims.act = session.actor;
  return claims;
}

// ---------------------------------------------------------------------------------------------

const encoder = new TextEncoder();

function base64url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

const encodeJson = (value: unknown) => base64url(encoder.encode(JSON.stringify(value)));

/** A caller's RSA private key: a CryptoKey, or PKCS#8 PEM text ("-----BEGIN PRIVATE KEY-----"). */
export type SigningKey = CryptoKey | string;

const RS256 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;
const HS256 = { name: 'HMAC', hash: 'SHA-256' } as const;

function pemBody(pem: string, label: string): Uint8Array<ArrayBuffer> {
  const body = pem.match(new RegExp(`-----BEGIN ${label}-----([\\s\\S]+?)-----END ${label}-----`))?.[1];
  if (body === undefined) throw new TypeError(`Expected PEM text with a "${label}" block.`);
  return fromBase64url(body.replace(/\s+/g, '').replace(/=+$/, ''));
}

async function importSigningKey(key: SigningKey | undefined): Promise<{ alg: 'RS256' | 'HS256'; key: CryptoKey }> {
  if (key === undefined) {
    return {
      alg: 'HS256',
      key: await crypto.subtle.importKey('raw', encoder.encode(MOCK_TOKEN_SECRET), HS256, false, ['sign', 'verify']),
    };
  }
  if (typeof key === 'string') {
    return {
      alg: 'RS256',
      key: await crypto.subtle.importKey('pkcs8', pemBody(key, 'PRIVATE KEY'), RS256, false, ['sign']),
    };
  }
  return { alg: 'RS256', key };
}

/** Signs claims as a compact JWS. Keys are imported once per signer. */
export function createSigner(key: SigningKey | undefined, keyId = 'ins_mock') {
  let imported: ReturnType<typeof importSigningKey> | undefined;
  return async (claims: SessionClaims): Promise<string> => {
    imported ??= importSigningKey(key);
    const { alg, key: cryptoKey } = await imported;
    const input = `${encodeJson({ alg, kid: keyId, typ: 'JWT' })}.${encodeJson(claims)}`;
    const signature = await crypto.subtle.sign(alg === 'RS256' ? RS256 : HS256, cryptoKey, encoder.encode(input));
    return `${input}.${base64url(new Uint8Array(signature))}`;
  };
}

/** Reads a token's claims without verifying it. */
export function decodeToken(token: string): SessionClaims {
  const payload = token.split('.')[1];
  if (!payload) throw new TypeError('Not a JWT: expected three dot-separated parts.');
  // eslint-disable-next-line @typescript-eslint/consistent-type-assertions -- reads a token without verifying it, as documented: the claims are what the token says (verifyMockToken checks the signature first)
  return JSON.parse(new TextDecoder().decode(fromBase64url(payload))) as SessionClaims;
}

/**
 * Verifies a token issued by a mock Clerk without a caller key (HS256 with MOCK_TOKEN_SECRET).
 * Returns its claims, or null for anything else: a malformed, foreign, tampered or (when `now` is
 * given) expired token.
 */
export async function verifyMockToken(token: string, options: { now?: DateInput } = {}): Promise<SessionClaims | null> {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [header = '', payload = '', signature = ''] = parts;
  try {
    if (field(JSON.parse(new TextDecoder().decode(fromBase64url(header))), 'alg') !== 'HS256') return null;
    const { key } = await importSigningKey(undefined);
    const ok = await crypto.subtle.verify(HS256, key, fromBase64url(signature), encoder.encode(`${header}.${payload}`));
    if (!ok) return null;
    const claims = decodeToken(token);
    if (claims.iss !== MOCK_ISSUER) return null;
    if (options.now !== undefined && claims.exp * 1000 <= epochMs(options.now)) return null;
    return claims;
  } catch {
    return null;
  }
}
