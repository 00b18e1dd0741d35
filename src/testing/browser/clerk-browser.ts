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
import { createMockClerk, type MockClerk } from '../create-mock-clerk';
import { E2E_CONFIG_GLOBAL, E2E_STATE_KEY, type ClerkBrowserConfig } from '../e2e-config';
import { personas, type Persona } from '../personas';
import type { MockClerkState } from '../state';
import { decodeToken } from '../token';

const REFRESH_BEFORE_EXP_S = 10;

function readConfig(): ClerkBrowserConfig {
  const config: unknown = Reflect.get(window, E2E_CONFIG_GLOBAL);
  const persona = field(config, 'persona');
  const privateJwk = field(config, 'privateJwk');
  const keyId = field(config, 'keyId');
  const issuer = field(config, 'issuer');
  const now = field(config, 'now');
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
  };
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

const cookie = (name: string, value: string, maxAge: number) =>
  `${name}=${value}; path=/; max-age=${maxAge}; SameSite=Lax${location.protocol === 'https:' ? '; Secure' : ''}`;

/** Writes the cookies clerk-js writes, one write at a time, the last change last. */
function createCookieWriter(clerk: MockClerk, fixedClock: boolean) {
  let queue = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = async () => {
    if (!fixedClock) clerk.mock.setNow(Date.now());
    clearTimeout(timer);
    const token = clerk.session ? await clerk.session.getToken() : null;
    if (!token) {
      document.cookie = cookie('__session', '', 0);
      document.cookie = cookie('__client_uat', '0', 31_536_000);
      return;
    }
    const { iat, exp } = decodeToken(token);
    document.cookie = cookie('__session', token, exp - iat);
    document.cookie = cookie('__client_uat', String(iat), 31_536_000);
    // Refreshed before it expires, as clerk-js's poller does.
    if (!fixedClock) timer = setTimeout(() => void writeCookies(), Math.max(1, exp - iat - REFRESH_BEFORE_EXP_S) * 1000);
  };
  const writeCookies = () => (queue = queue.then(write, write));
  return writeCookies;
}

async function start() {
  const config = readConfig();
  const signingKey = await crypto.subtle.importKey('jwk', config.privateJwk, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const persona = resolvePersona(config.persona);
  const clerk = createMockClerk({
    ...persona,
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
  const writeCookies = createCookieWriter(clerk, config.now !== undefined);
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
  Object.assign(window, { Clerk: clerk, __internal_ClerkUICtor: class ClerkUIStub {}, __clerkSessionKit: { clerk, writeCookies } });
}

start().catch((error: unknown) => {
  console.error(error);
});
