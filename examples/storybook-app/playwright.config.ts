import { defineConfig } from '@playwright/test';

// Visual tests of the app's stories, on the built Storybook: `storybook build`, then `playwright test`.
const port = Number(process.env.STORYBOOK_PORT ?? 6007);

export default defineConfig({
  testDir: 'visual',
  snapshotPathTemplate: '{testDir}/__screenshots__/{arg}{ext}',
  fullyParallel: true,
  // Limits, not waits: room for a busy CI machine.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    // Fixed viewport, scale, locale, time zone and colour scheme: the same pixels on every run.
    viewport: { width: 800, height: 360 },
    deviceScaleFactor: 1,
    locale: 'en-US',
    timezoneId: 'UTC',
    colorScheme: 'light',
    // Unset: the Chromium Playwright installed (`npx playwright install chromium`).
    launchOptions: { executablePath: process.env.CHROMIUM_PATH, args: ['--font-render-hinting=none'] },
  },
  webServer: {
    command: `vite preview --outDir storybook-static --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/iframe.html`,
  },
});
