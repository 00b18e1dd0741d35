/**
 * The mock Clerk as a stand-in for the clerk-js script (`…/npm/@clerk/clerk-js@6/dist/clerk.browser.js`).
 * Built to dist/testing/clerk.browser.js (scripts/build-clerk-browser.mjs); the Playwright fixture
 * serves it in place of clerk-js. @clerk/react's ClerkProvider then finds `window.Clerk`, calls its
 * `load()` and reads it as it reads clerk-js. Like clerk-js, it keeps the `__session` and
 * `__client_uat` cookies of the app's origin current: an RS256 token for the active session (the
 * run's key, `azp` = this origin), rewritten on every change (setActive, signOut, setState) and
 * before the token expires; so the server sees the user, organization and permissions the browser
 * shows. The state survives page loads (sessionStorage), as clerk-js's client does on Clerk's servers.
 */
import { field } from '../../core/field';
import type { FailureSpec, MockAction } from '../controls';
import { createMockClerk, type MockClerk } from '../create-mock-clerk';
import { E2E_CONFIG_GLOBAL, E2E_STATE_KEY, type ClerkBrowserConfig } from '../e2e-config';
import { personas, type Persona } from '../personas';
import type { MockClerkState } from '../state';
import { createSessionCookies } from './session-cookies';

function readConfig(): ClerkBrowserConfig {
  const config: unknown = Reflect.get(window, E2E_CONFIG_GLOBAL);
  const persona = field(config, 'persona');
  const privateJwk = field(config, 'privateJwk');
  const keyId = field(config, 'keyId');
  const issuer = field(config, 'issuer');
  const now = field(config, 'now');
  const failures = field(config, 'failures');
  if (typeof privateJwk !== 'object' || privateJwk === null || typeof keyId !== 'string' || typeof issuer !== 'string') {
    throw new Error(
      `clerk-session-kit/testing: the mock clerk-js script found no configuration on window.${E2E_CONFIG_GLOBAL}. Use the Playwright fixture (clerk-session-kit/testing/playwright), which sets it.`,
    );
  }
  return {
    persona: resolvePersona(persona),
    privateJwk,
    keyId,
    issuer,
    now: typeof now === 'number' ? now : undefined,
    failures: typeof failures === 'object' && failures !== null ? asFailures(failures) : undefined,
  };
}

/** JSON from the fixture; createMockClerk checks every action name. */
function asFailures(value: object): Partial<Record<MockAction, FailureSpec>> {
  return value;
}

function resolvePersona(value: unknown): Persona {
  if (typeof value === 'string') {
    if (value in personas) return Reflect.get(personas, value);
    throw new Error(`clerk-session-kit/testing: unknown persona "${value}". Known: ${Object.keys(personas).join(', ')}.`);
  }
  if (typeof value === 'object' && value !== null) return value;
  return personas.signedOut;
}

function savedState(): MockClerkState | undefined {
  const text = sessionStorage.getItem(E2E_STATE_KEY);
  if (text === null) return undefined;
  const state: MockClerkState = JSON.parse(text);
  return state;
}

async function start() {
  const config = readConfig();
  const signingKey = await crypto.subtle.importKey('jwk', config.privateJwk, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const persona = resolvePersona(config.persona);
  // The cookies need the mock, the mock's call log needs the cookies: one is set after the other.
  const holder: { clerk?: MockClerk } = {};
  const sessionCookies = createSessionCookies(
    () => {
      if (!holder.clerk) throw new Error('clerk-session-kit/testing: the mock is not created yet.');
      return holder.clerk;
    },
    { fixedClock: config.now !== undefined, signingKey, keyId: config.keyId },
  );
  const clerk = createMockClerk({
    ...persona,
    failures: { ...persona.failures, ...config.failures },
    onCall: (call) => {
      persona.onCall?.(call);
      sessionCookies.onCall(call);
    },
    state: savedState() ?? persona.state,
    signingKey,
    keyId: config.keyId,
    issuer: config.issuer,
    azp: location.origin,
    now: config.now ?? Date.now(),
    // ClerkProvider calls load() (with its router) when the instance is not loaded yet, as with clerk-js.
    loaded: undefined,
    loadDelay: 0,
  });
  holder.clerk = clerk;
  sessionCookies.dropRevoked();
  const { writeCookies } = sessionCookies;
  clerk.addListener(
    () => {
      sessionStorage.setItem(E2E_STATE_KEY, JSON.stringify(clerk.mock.state));
      void writeCookies();
    },
    { skipInitialEmit: true },
  );
  // As clerk-js does, setActive and signOut resolve once the cookies say what the browser shows,
  // so a navigation right after them reaches the server with the new session.
  const { setActive, signOut } = clerk;
  clerk.setActive = async (params) => {
    await setActive(params);
    await writeCookies();
  };
  clerk.signOut = async (...args) => {
    await signOut(...args);
    await writeCookies();
  };
  await writeCookies();
  // clerk-js's UI comes from a second script (@clerk/ui); the mock has no UI, so an empty one.
  // `__clerkSessionKit`: the handle the Playwright fixture drives the mock through.
  Object.assign(window, { Clerk: clerk, __internal_ClerkUICtor: class ClerkUIStub {}, __clerkSessionKit: { clerk, ...sessionCookies } });
}

start().catch((error: unknown) => {
  console.error(error);
});
