/**
 * `clerk-session-kit/testing/server` (Node only): the keys and environment of an end-to-end test
 * run, where the app's real clerkMiddleware / auth() verify the mock's session tokens offline.
 * One RSA key pair per run, made here and never shipped: the server gets the public key
 * (CLERK_JWT_KEY), the browser build of the mock signs with the private one.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { createMockClerk } from './create-mock-clerk';
import { E2E_FRONTEND_API, E2E_KEY_ID } from './e2e-config';
import type { Persona } from './personas';

/** The variable that hands the run's private key to Playwright's worker processes. */
export const TEST_JWK_ENV = 'CLERK_SESSION_KIT_TEST_JWK';
/** A production key for clerk.example.com: no dev-browser handshake, and nothing is fetched. */
export const TEST_PUBLISHABLE_KEY = `pk_live_${btoa(`${E2E_FRONTEND_API}$`)}`;

export interface ClerkTestServer {
  /** For the app server (`next start`): publishable key, placeholder secret key, public key. */
  env: { NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: string; CLERK_SECRET_KEY: string; CLERK_JWT_KEY: string };
  /** The run's private key, for the browser build of the mock. Test use only. */
  privateJwk: JsonWebKey;
  keyId: string;
  /** The tokens' `iss`: the frontend API of the publishable key. */
  issuer: string;
  /** A session token for `persona`, issued for `origin` (null when signed out), as the browser build signs it. */
  sessionToken(persona: Persona, origin: string, now?: number): Promise<string | null>;
}

export interface ClerkTestServerOptions {
  /** Run even when NODE_ENV is 'production' (a `next start` test build). */
  allowProduction?: boolean;
}

/**
 * The run's keys and the app's environment. The first call in a process makes the key pair and
 * stores the private key in `process.env.CLERK_SESSION_KIT_TEST_JWK`, so the processes it starts
 * (Playwright's workers) share it; later calls read it from there.
 */
export function clerkTestServer(options: ClerkTestServerOptions = {}): ClerkTestServer {
  if (process.env.NODE_ENV === 'production' && !options.allowProduction) {
    throw new Error(
      'clerk-session-kit/testing/server: refused, NODE_ENV is "production". It makes a signing key and a placeholder secret key that let anyone with the key sign in as anyone; it belongs in a test run only. Pass { allowProduction: true } if this is a test of a production build.',
    );
  }
  const stored = process.env[TEST_JWK_ENV];
  const privateKey = stored
    ? createPrivateKey({ key: JSON.parse(stored), format: 'jwk' })
    : generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 65537 }).privateKey;
  const privateJwk = privateKey.export({ format: 'jwk' });
  if (!stored) process.env[TEST_JWK_ENV] = JSON.stringify(privateJwk);
  const publicPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  let signingKey: Promise<CryptoKey> | undefined;
  return {
    env: {
      NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: TEST_PUBLISHABLE_KEY,
      // @clerk/nextjs refuses to start without one, though it never calls Clerk's API here.
      CLERK_SECRET_KEY: 'sk_live_offline_placeholder_never_sent',
      CLERK_JWT_KEY: publicPem,
    },
    privateJwk,
    keyId: E2E_KEY_ID,
    issuer: `https://${E2E_FRONTEND_API}`,
    async sessionToken(persona, origin, now = Date.now()) {
      signingKey ??= crypto.subtle.importKey('jwk', privateJwk, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
      const clerk = createMockClerk({
        ...persona,
        signingKey: await signingKey,
        keyId: E2E_KEY_ID,
        issuer: `https://${E2E_FRONTEND_API}`,
        azp: new URL(origin).origin,
        now,
      });
      return (await clerk.session?.getToken()) ?? null;
    },
  };
}
