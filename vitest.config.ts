import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { storybookNextJsPlugin } from '@storybook/nextjs-vite/vite-plugin';
import { playwright } from '@vitest/browser-playwright';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vitest/config';
import { readEntries } from './scripts/check-entries.mjs';

const dirname = fileURLToPath(new URL('.', import.meta.url));

// Tests and stories import the kit by its published names (package.json `exports`), resolved to
// the source. The ./core-2 entries are copies of dist/ with no source of their own: not aliased.
const alias = readEntries()
  .filter((e) => e.source)
  .map((e) => ({ find: new RegExp(`^${e.specifier.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), replacement: `${dirname}${e.source}` }));

// Debian's Chromium (never a downloaded browser). Flags keep it off the closed network.
const chromium = () =>
  playwright({
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--font-render-hinting=none',
        '--force-color-profile=srgb',
      ],
    },
    contextOptions: {
      locale: 'en-US',
      timezoneId: 'UTC',
      reducedMotion: 'reduce',
      colorScheme: 'light',
      deviceScaleFactor: 1,
    },
  });

// A fresh browser object per project: sharing one `instances` array mislabels projects.
const browser = () => ({
  enabled: true,
  headless: true,
  provider: chromium(),
  instances: [{ browser: 'chromium' as const }],
  viewport: { width: 1024, height: 768 },
  screenshotFailures: false,
});

export default defineConfig({
  resolve: { alias },
  test: {
    // Vitest's summary, then one plain closing line that CI log readers know (test/support/closing-line-reporter.ts).
    reporters: ['default', './test/support/closing-line-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          globals: true,
          setupFiles: ['test/setup-unit.ts'],
          env: { TZ: 'UTC' },
        },
      },
      {
        // The same unit suites on Clerk Core 2: the one seam (src/clerk/) bound to @clerk/clerk-react 5.
        extends: true,
        resolve: { alias: [...alias, { find: /^@clerk\/react$/, replacement: '@clerk/clerk-react' }] },
        test: {
          name: 'unit-core-2',
          include: ['test/unit/{permission-gate,session-*,org-switcher*,use-clerk-token*,docs-example}.test.{ts,tsx}'],
          environment: 'jsdom',
          globals: true,
          setupFiles: ['test/setup-unit.ts'],
          env: { TZ: 'UTC' },
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: `${dirname}/.storybook` })],
        test: {
          name: 'storybook',
          browser: browser(),
          // A time limit, not a wait: the 500-device stress story takes ~6 s on a quiet 2-core
          // machine and 26 s on a loaded one (seen in a CI rehearsal); 15 s failed it there.
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        plugins: [storybookNextJsPlugin(), tailwindcss()],
        // Bundled before the first test: found mid-run, a dependency makes Vite reload the page and
        // the file that imported it fails ("Vite unexpectedly reloaded a test"), as on a fresh clone.
        optimizeDeps: { include: ['react-dom/client'] },
        test: {
          name: 'visual',
          include: ['test/visual/**/*.test.{ts,tsx}'],
          // Limits, not waits, sized for a loaded machine (see the storybook project): a stress
          // story in six frames, and screenshots retaken until two in a row agree.
          testTimeout: 60_000,
          browser: {
            ...browser(),
            expect: {
              toMatchScreenshot: {
                timeout: 30_000,
                comparatorName: 'pixelmatch',
                // Exact colours; up to 16 pixels may differ: with a popover open, Chromium
                // antialiases the lower corners of its trigger (the popover's CSS anchor) a
                // shade differently from run to run (1-4 pixels seen per trigger).
                comparatorOptions: { threshold: 0, allowedMismatchedPixels: 16 },
              },
            },
          },
          setupFiles: ['test/visual/setup.ts'],
          // Records the Chromium the baselines are taken with (--update), and says when it differs.
          globalSetup: ['test/visual/chromium-version.ts'],
        },
      },
      {
        // The Next middleware and server guards: real clerkMiddleware and NextRequest on Node.
        extends: true,
        test: {
          name: 'middleware',
          include: ['test/middleware/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/middleware/setup.ts'],
          // A production publishable key for clerk.example.com (no dev-browser handshake); the secret is a dummy.
          env: {
            TZ: 'UTC',
            CLERK_SECRET_KEY: 'sk_live_csk_test_secret',
            NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: 'pk_live_Y2xlcmsuZXhhbXBsZS5jb20k',
          },
        },
      },
    ],
  },
});
