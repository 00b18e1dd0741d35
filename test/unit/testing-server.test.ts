// clerk-session-kit/testing/server: the run's keys and environment, and tokens Clerk's own
// verifier (@clerk/backend verifyToken, as clerkMiddleware runs it with jwtKey) accepts.
import { verifyToken } from '@clerk/backend';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { personas } from 'clerk-session-kit/testing';
import { clerkTestServer, TEST_JWK_ENV } from 'clerk-session-kit/testing/server';

afterEach(() => {
  vi.unstubAllEnvs();
  delete process.env[TEST_JWK_ENV];
});

describe('clerkTestServer', () => {
  it('should refuse to run when NODE_ENV is production, unless allowed', () => {
    vi.stubEnv('NODE_ENV', 'production');
    expect(() => clerkTestServer()).toThrow(/NODE_ENV is "production".*allowProduction/);
    expect(clerkTestServer({ allowProduction: true }).env.CLERK_JWT_KEY).toContain('BEGIN PUBLIC KEY');
  });

  it('should give a pk_live_ key for clerk.example.com, a placeholder secret and one key pair per run', () => {
    const first = clerkTestServer();
    expect(atob(first.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY.replace('pk_live_', ''))).toBe('clerk.example.com$');
    expect(first.env.CLERK_SECRET_KEY).toMatch(/^sk_live_/);
    expect(first.privateJwk).toMatchObject({ kty: 'RSA', e: 'AQAB' });
    // Later calls (Playwright's workers) read the key from the environment.
    expect(clerkTestServer().env.CLERK_JWT_KEY).toBe(first.env.CLERK_JWT_KEY);
  });

  it('should sign session tokens Clerk verifies with the public key, for the persona and origin', async () => {
    const server = clerkTestServer();
    const origin = 'http://127.0.0.1:3210';
    const token = await server.sessionToken(personas.orgAdmin, `${origin}/account`);
    expect(token).not.toBeNull();
    const claims = await verifyToken(token ?? '', { jwtKey: server.env.CLERK_JWT_KEY, authorizedParties: [origin] });
    expect(claims).toMatchObject({ sub: 'user_ada', azp: origin, iss: 'https://clerk.example.com', o: { id: 'org_acme', rol: 'admin' } });
    await expect(verifyToken(token ?? '', { jwtKey: server.env.CLERK_JWT_KEY, authorizedParties: ['http://evil.test'] })).rejects.toThrow();
    expect(await server.sessionToken(personas.signedOut, origin)).toBeNull();
  });
});
