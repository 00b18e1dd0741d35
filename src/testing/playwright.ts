/**
 * `clerk-session-kit/testing/playwright`: a `@playwright/test` fixture that runs an unmodified
 * Clerk app on the mock. The clerk-js script URL is served the browser build of the mock
 * (clerk.browser.js), configured with the run's key from `clerkTestServer()`; the app server,
 * started with `clerkTestServer().env`, verifies the tokens it writes with Clerk's own code.
 *
 * ```ts
 * import { expect, test } from 'clerk-session-kit/testing/playwright';
 * test.use({ persona: 'orgAdmin' });
 * test('admin', async ({ page, clerk }) => { … await clerk.switchOrganization('globex'); … });
 * ```
 */
import { readFile } from 'node:fs/promises';
import { test as base, type BrowserContext, type Page } from '@playwright/test';
import type { MockCall } from './controls';
import { E2E_CONFIG_GLOBAL, type ClerkBrowserConfig } from './e2e-config';
import { personas, type Persona, type PersonaName } from './personas';
import { clerkTestServer, TEST_JWK_ENV } from './server';
import { decodeToken } from './token';

export { expect } from '@playwright/test';

/** The URLs ClerkProvider loads clerk-js and Clerk's UI from (the frontend API host of the key). */
export const CLERK_JS_ROUTE = '**/npm/@clerk/clerk-js@*/dist/clerk.browser.js';
export const CLERK_UI_ROUTE = '**/npm/@clerk/ui@*/dist/ui.browser.js';

export type PersonaInput = PersonaName | Persona;

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
}

export interface ClerkFixtures {
  /** The persona the test starts as: a name from `personas` or persona options (JSON only). */
  persona: PersonaInput;
  /** A fixed mock clock (epoch ms); unset, the real clock. */
  clerkNow: number | undefined;
  clerk: ClerkFixture;
}

const resolve = (persona: PersonaInput): Persona => (typeof persona === 'string' ? personas[persona] : persona);

async function installMock(context: BrowserContext, config: ClerkBrowserConfig) {
  const script = await readFile(new URL('./clerk.browser.js', import.meta.url), 'utf8');
  const cors = { 'access-control-allow-origin': '*' };
  // Nothing else reaches the (fictional) frontend API host.
  await context.route('https://clerk.example.com/**', (route) => route.abort('blockedbyclient'));
  await context.route(CLERK_JS_ROUTE, (route) => route.fulfill({ body: script, contentType: 'text/javascript', headers: cors }));
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

export const test = base.extend<ClerkFixtures>({
  persona: ['signedOut', { option: true }],
  clerkNow: [undefined, { option: true }],
  clerk: [
    async ({ page, context, persona, clerkNow, baseURL }, use) => {
      // The key the app server was started with: made by clerkTestServer() in playwright.config.ts.
      if (!process.env[TEST_JWK_ENV]) {
        throw new Error(
          'clerk-session-kit/testing/playwright: no test key. Call clerkTestServer() in playwright.config.ts and start the app with its `env` (webServer.env).',
        );
      }
      const server = clerkTestServer({ allowProduction: true });
      const resolved = resolve(persona);
      await installMock(context, {
        persona: resolved,
        privateJwk: server.privateJwk,
        keyId: server.keyId,
        issuer: server.issuer,
        now: clerkNow,
      });
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
