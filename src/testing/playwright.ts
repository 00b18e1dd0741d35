/**
 * `clerk-session-kit/testing/playwright`: a `@playwright/test` fixture that runs an unmodified
 * Clerk app on the mock. The clerk-js script URL is served the browser build of the mock
 * (clerk.browser.js), configured with the run's key from `clerkTestServer()`; the app server,
 * started with `clerkTestServer().env`, verifies the tokens it writes with Clerk's own code.
 * The same for Clerk Core 2 apps (`@clerk/nextjs` 6 loads clerk-js@5 from the same URL pattern).
 * `faults` makes Clerk fail as it does for real users: API errors, a clerk-js script that never
 * arrives, a token that cannot be refreshed; `clerk` drives the mock in the page mid-test.
 * Routes are per browser context and nothing is written to disk: safe under parallel workers.
 *
 * ```ts
 * import { expect, test } from 'clerk-session-kit/testing/playwright';
 * test.use({ persona: 'orgAdmin', faults: { api: { revoke: 429 } } });
 * test('admin', async ({ page, clerk }) => { … await clerk.switchOrganization('globex'); … });
 * ```
 */
import { readFile } from 'node:fs/promises';
import {
  test as base,
  type BrowserContext,
  type Page,
  type PlaywrightTestArgs,
  type PlaywrightTestOptions,
  type PlaywrightWorkerArgs,
  type PlaywrightWorkerOptions,
  type Route,
  type TestType,
} from '@playwright/test';
import { MOCK_ACTIONS, type FailureSpec, type MockAction, type MockCall } from './controls';
import { E2E_CONFIG_GLOBAL, type ClerkBrowserConfig } from './e2e-config';
import { personas, type Persona, type PersonaName } from './personas';
import { clerkTestServer, TEST_JWK_ENV } from './server';
import { decodeToken } from './token';

export { expect } from '@playwright/test';

/** The URLs ClerkProvider loads clerk-js and Clerk's UI from (the frontend API host of the key). */
export const CLERK_JS_ROUTE = '**/npm/@clerk/clerk-js@*/dist/clerk.browser.js';
export const CLERK_UI_ROUTE = '**/npm/@clerk/ui@*/dist/ui.browser.js';

export type PersonaInput = PersonaName | Persona;

/**
 * A Clerk API failure: the HTTP status the Frontend API answers (429, 500, 503…), or the status
 * with Clerk's error `code` and message and `once: true` to fail the next call only. The call
 * rejects with a ClerkAPIResponseError of that status, as clerk-js's does.
 */
export type ClerkApiFault = number | { status: number; code?: string; message?: string; once?: boolean };

/**
 * Faults of Clerk that the app meets in the browser. Set them with `test.use({ faults })` before the
 * page loads, or arm API failures mid-test with `clerk.fail()`.
 */
export interface ClerkFaults {
  /**
   * Clerk API calls that fail, by the mock's action name: `{ getSessions: 503, revoke: 429 }`.
   * Through the mock's own failure injection, so each fails as clerk-js fails: a rejected
   * ClerkAPIResponseError of that status (and `getSessions()` resolving `[]`, as clerk-js's does).
   * A `getToken` answered 401 makes the browser ask for the client again, as clerk-js does.
   */
  api?: Partial<Record<MockAction, ClerkApiFault>>;
  /**
   * The clerk-js script: `'stall'` never answers, `'fail'` answers 500, `'blocked'` is refused by
   * the browser (an ad blocker). The app's real ClerkProvider then does what it does with real
   * Clerk blocked: it waits for its script timeout (15 s), then reports status `'error'`.
   */
  clerkJs?: 'stall' | 'fail' | 'blocked';
  /**
   * `'blocked'`: the Frontend API's token endpoint fails (503), so the browser cannot refresh the
   * session token: the cookie keeps its last token until it expires (see `clerk.advanceClock`),
   * and the app's own `getToken()` rejects.
   */
  tokenRefresh?: 'blocked';
}

const API_ERRORS: Record<number, { code: string; message: string }> = {
  429: { code: 'too_many_requests', message: 'Too many requests, please try again later.' },
  401: { code: 'authentication_invalid', message: 'Unauthenticated.' },
};

/** A fault as the mock's FailureSpec (JSON: it crosses into the page). */
function failureSpec(fault: ClerkApiFault): FailureSpec {
  const { status, code, message, once } = typeof fault === 'number' ? { status: fault } : fault;
  const known = API_ERRORS[status] ?? { code: 'internal_clerk_error', message: `Clerk's API answered ${status}.` };
  return { mode: once ? 'once' : 'always', status, code: code ?? known.code, message: message ?? known.message };
}

function failuresOf(faults: ClerkFaults): Partial<Record<MockAction, FailureSpec>> {
  const failures: Partial<Record<MockAction, FailureSpec>> = {};
  for (const [action, fault] of Object.entries(faults.api ?? {})) {
    // Checked here: in the page, a wrong name would only stop the mock from loading.
    if (!MOCK_ACTIONS.some((known) => known === action)) {
      throw new TypeError(
        `clerk-session-kit/testing/playwright: faults.api has an unknown action "${action}". Known: ${MOCK_ACTIONS.join(', ')}.`,
      );
    }
    Reflect.set(failures, action, failureSpec(fault));
  }
  if (faults.tokenRefresh === 'blocked') failures.getToken = failureSpec(503);
  return failures;
}

/** The `clerk` fixture: the mock in the page, driven from the test. */
export interface ClerkFixture {
  /** Waits until ClerkProvider has loaded the mock in the page. */
  loaded(): Promise<void>;
  /** `setActive({ organization })` in the page (id or slug; null: the personal account). Resolves once the cookies follow. */
  switchOrganization(organization: string | null): Promise<void>;
  /** Replaces the mock's state with a persona's (signed-out, another user…) and rewrites the cookies. */
  setPersona(persona: PersonaInput): Promise<void>;
  /** `signOut()` in the page. */
  signOut(): Promise<void>;
  /** The mock's call log in the page (without arguments). */
  calls(): Promise<Omit<MockCall, 'args' | 'error'>[]>;
  /**
   * Arms a Clerk API failure for one action from now on, in this page load (null disarms it; a
   * new page load starts again from `faults`). See `ClerkFaults.api`.
   */
  fail(action: MockAction, fault: ClerkApiFault | null): Promise<void>;
  /**
   * Time passes for the session token: the server's clock cannot move, so the token in the
   * `__session` cookie is re-dated `ms` into the past (61_000: past its 60 s; 66_000: also past the
   * 5 s of clock skew Clerk's server allows, so it refuses it), then clerk-js's token poller runs once: it writes a new token, or, when the refresh
   * fails (`faults.tokenRefresh`, `revokeSession`), the stale one stays and the server refuses it.
   */
  advanceClock(ms: number): Promise<void>;
  /**
   * The active session is revoked elsewhere (another device, the Dashboard, the Backend API). The
   * browser learns it from its next token request, answered 401: clerk-js then fetches the client,
   * finds the session gone and signs out, clearing the cookies. Until then the server still
   * accepts the token in the cookie (up to its 60 s), as with real Clerk. A page load in the
   * meantime signs the browser out at once (clerk-js's load fetches the client without it).
   */
  revokeSession(): Promise<void>;
}

export interface ClerkFixtures {
  /** The persona the test starts as: a name from `personas` or persona options (JSON only). */
  persona: PersonaInput;
  /** A fixed mock clock (epoch ms); unset, the real clock. */
  clerkNow: number | undefined;
  /** Faults of Clerk for this test: API failures, the clerk-js script, token refresh. None by default. */
  faults: ClerkFaults;
  clerk: ClerkFixture;
}

const resolve = (persona: PersonaInput): Persona => (typeof persona === 'string' ? personas[persona] : persona);

/** Serves the clerk-js script: the mock, or the fault asked for. */
function clerkJsHandler(script: string, fault: ClerkFaults['clerkJs']) {
  const cors = { 'access-control-allow-origin': '*' };
  return async (route: Route) => {
    if (fault === 'stall') return; // never answered: the request stays pending
    if (fault === 'blocked') return route.abort('blockedbyclient');
    if (fault === 'fail') return route.fulfill({ status: 500, body: 'Internal Server Error', headers: cors });
    return route.fulfill({ body: script, contentType: 'text/javascript', headers: cors });
  };
}

async function installMock(context: BrowserContext, config: ClerkBrowserConfig, faults: ClerkFaults) {
  const script = await readFile(new URL('./clerk.browser.js', import.meta.url), 'utf8');
  const cors = { 'access-control-allow-origin': '*' };
  // Nothing else reaches the (fictional) frontend API host.
  await context.route('https://clerk.example.com/**', (route) => route.abort('blockedbyclient'));
  await context.route(CLERK_JS_ROUTE, clerkJsHandler(script, faults.clerkJs));
  await context.route(CLERK_UI_ROUTE, (route) =>
    route.fulfill({ body: 'window.__internal_ClerkUICtor ??= class {};', contentType: 'text/javascript', headers: cors }),
  );
  await context.addInitScript(
    ({ key, value }) => {
      Reflect.set(window, key, value);
    },
    { key: E2E_CONFIG_GLOBAL, value: config },
  );
}

function controls(page: Page): ClerkFixture {
  const loaded = () => page.waitForFunction(() => Reflect.get(window, '__clerkSessionKit')?.clerk.loaded === true).then(() => undefined);
  return {
    loaded,
    async switchOrganization(organization) {
      await loaded();
      await page.evaluate((org) => Reflect.get(window, '__clerkSessionKit').clerk.setActive({ organization: org }), organization);
    },
    async setPersona(persona) {
      await loaded();
      await page.evaluate((state) => Reflect.get(window, '__clerkSessionKit').clerk.mock.setState(state), resolve(persona).state ?? {});
      // setState emitted; the cookies follow once the (serial) cookie writer has run.
      await page.evaluate(() => Reflect.get(window, '__clerkSessionKit').writeCookies());
    },
    async signOut() {
      await loaded();
      await page.evaluate(() => Reflect.get(window, '__clerkSessionKit').clerk.signOut(() => undefined));
    },
    async fail(action, fault) {
      await loaded();
      await page.evaluate(({ name, spec }) => Reflect.get(window, '__clerkSessionKit').clerk.mock.fail(name, spec), {
        name: action,
        spec: fault === null ? null : failureSpec(fault),
      });
    },
    async advanceClock(ms) {
      await loaded();
      await page.evaluate((by) => Reflect.get(window, '__clerkSessionKit').advanceClock(by), ms);
    },
    async revokeSession() {
      await loaded();
      await page.evaluate(() => Reflect.get(window, '__clerkSessionKit').revokeSession());
    },
    calls: () =>
      page.evaluate(() =>
        Reflect.get(window, '__clerkSessionKit').clerk.mock.calls.map(({ seq, action, at, status }: MockCall) => ({
          seq,
          action,
          at,
          status,
        })),
      ),
  };
}

// Typed with @playwright/test's own names, so the published types refer to the app's copy of
// @playwright/test (its `Page` is the app's `Page`) rather than to a copy inlined in dist/.
export const test: TestType<PlaywrightTestArgs & PlaywrightTestOptions & ClerkFixtures, PlaywrightWorkerArgs & PlaywrightWorkerOptions> =
  base.extend<ClerkFixtures>({
    persona: ['signedOut', { option: true }],
    clerkNow: [undefined, { option: true }],
    faults: [{}, { option: true }],
    clerk: [
      async ({ page, context, persona, clerkNow, faults, baseURL }, use) => {
        // The key the app server was started with: made by clerkTestServer() in playwright.config.ts.
        if (!process.env[TEST_JWK_ENV]) {
          throw new Error(
            'clerk-session-kit/testing/playwright: no test key. Call clerkTestServer() in playwright.config.ts and start the app with its `env` (webServer.env).',
          );
        }
        const server = clerkTestServer({ allowProduction: true });
        const resolved = resolve(persona);
        await installMock(
          context,
          {
            persona: resolved,
            privateJwk: server.privateJwk,
            keyId: server.keyId,
            issuer: server.issuer,
            now: clerkNow,
            failures: failuresOf(faults),
          },
          faults,
        );
        // The first request already carries the persona's session, as in a browser clerk-js signed in before.
        const token = baseURL ? await server.sessionToken(resolved, baseURL, clerkNow) : null;
        if (baseURL && token) {
          const iat = String(decodeToken(token).iat);
          await context.addCookies([
            { name: '__session', value: token, url: baseURL },
            { name: '__client_uat', value: iat, url: baseURL },
          ]);
        }
        await use(controls(page));
      },
      { auto: true },
    ],
  });
