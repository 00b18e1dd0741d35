// End-to-end tests of this app as it ships (`next build` then `next start`), signed in by the kit's
// mock Clerk: the clerk-js script is served by clerk-session-kit/testing/playwright, and the
// server verifies its tokens with Clerk's own code and this run's public key (no network).
// The same fixture as examples/next-app, on Clerk Core 2 (@clerk/nextjs 6 loads clerk-js@5, which
// it serves the mock in place of). Run: `next build` with NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY set
// as below, then `playwright test`.
import { defineConfig } from '@playwright/test';
import { clerkTestServer } from 'clerk-session-kit/testing/server';

const { env } = clerkTestServer();
const port = Number(process.env.E2E_PORT ?? 3210);

export default defineConfig({
  testDir: './e2e',
  workers: 2,
  fullyParallel: true,
  forbidOnly: true,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    },
  },
  webServer: {
    // localhost, not 127.0.0.1: see scripts/check-examples.mjs (a Next 16 proxy rewrite issue).
    command: `node_modules/.bin/next start --hostname localhost --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    env: { ...env, PORT: String(port), NEXT_TELEMETRY_DISABLED: '1' },
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
