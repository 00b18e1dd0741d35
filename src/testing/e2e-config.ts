/**
 * What the Playwright fixture (playwright.ts) hands the browser build of the mock
 * (browser/clerk-browser.ts): a JSON object on `window.__clerkSessionKitE2E`, set by an init script
 * before any of the app's scripts run.
 */
import type { FailureSpec, MockAction } from './controls';
import type { Persona, PersonaName } from './personas';

/** The global the init script sets. */
export const E2E_CONFIG_GLOBAL = '__clerkSessionKitE2E';
/** Where the browser build keeps the mock's state between page loads (sessionStorage). */
export const E2E_STATE_KEY = 'clerk-session-kit:e2e-state';
/** The `kid` header of the tokens signed for a test run. */
export const E2E_KEY_ID = 'ins_test';
/** The frontend API of the test publishable key (pk_live_, clerk.example.com): also the tokens' issuer. */
export const E2E_FRONTEND_API = 'clerk.example.com';

export interface ClerkBrowserConfig {
  /** A persona name, or persona options (JSON only: no functions). */
  persona: PersonaName | Persona;
  /** The run's RSA private key (JWK), from `clerkTestServer()`. */
  privateJwk: JsonWebKey;
  keyId: string;
  /** The `iss` claim: the frontend API of the app's publishable key. */
  issuer: string;
  /** A fixed clock (epoch ms). Unset: the mock follows the browser's clock, as the server does. */
  now?: number;
  /** Clerk API failures armed before the app loads (the mock's failure injection). */
  failures?: Partial<Record<MockAction, FailureSpec>>;
}
