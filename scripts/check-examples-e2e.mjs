/**
 * The next-app's Playwright suite (examples/next-app/e2e), run in the copy check-examples.mjs
 * installed from the tarball and built: `playwright test` starts `next start` with
 * clerk-session-kit/testing/server's environment (a fresh key pair), serves the mock in place of
 * clerk-js (clerk-session-kit/testing/playwright) and drives Debian's Chromium with 2 workers.
 * Called by nextApp() after its own checks; @playwright/test is installed with the app's packages.
 * Tests tagged @slow (e2e/expiry.spec.ts: about 70 s of real time) are left out.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { GUIDE, guideFileBlocks } from './readme-blocks.mjs';

/** A free port on 127.0.0.1 (also used by check-examples-storybook.mjs). */
export const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** `playwright test <args>` in the app on a free port (E2E_PORT), with the line reporter: its exit code, output and summary. */
async function playwrightTest(app, args, env) {
  const port = await freePort();
  const child = spawn(join(app, 'node_modules/.bin/playwright'), ['test', '--reporter=line', ...args], {
    cwd: app,
    env: { ...env, E2E_PORT: String(port), CI: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (out += chunk));
  const code = await new Promise((resolve) => child.on('close', resolve));
  const text = stripVTControlCharacters(out);
  const summary = [...text.matchAll(/^\s*(\d+ (?:passed|failed|flaky|skipped).*)$/gm)].map((m) => m[1].trim()).join(', ');
  return { code, text, summary };
}

/**
 * Runs an example's suite (`name`: its label, next-app or next-core-2, which runs the same fixture
 * on Clerk Core 2); one check with its summary (and the failures' output when it fails).
 */
export async function nextAppE2e({ app, env, check, name = 'next-app' }) {
  const started = Date.now();
  // E2E_UPDATE=1 retakes the visual baselines (e2e/*-snapshots/) and copies them back into
  // examples/<name>: look at every one before committing it.
  const update = process.env.E2E_UPDATE === '1';
  const { code, text, summary } = await playwrightTest(app, ['--grep-invert', '@slow', ...(update ? ['--update-snapshots'] : [])], env);
  const shots = join(app, 'e2e/visual.spec.ts-snapshots');
  if (update && existsSync(shots))
    cpSync(shots, new URL(`../examples/${name}/e2e/visual.spec.ts-snapshots`, import.meta.url).pathname, { recursive: true });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  check(
    code === 0,
    `${name}: Playwright e2e on the mock clerk-js (server verifies with Clerk's code): ${summary || 'no summary'} (${seconds} s)${code === 0 ? '' : `\n${text.slice(-4000)}`}`,
  );
}

/**
 * The "Test your app" guide's Playwright files (docs/testing.md, read by scripts/readme-blocks.mjs),
 * written as they are into the same built copy after its own suite has run (its
 * playwright.config.ts is replaced), and run with `playwright test` on the guide's spec: it fails
 * when the guide's example stops working.
 */
export async function readmeE2e({ app, env, check }) {
  const started = Date.now();
  const blocks = guideFileBlocks('Playwright');
  for (const { file, body } of blocks) {
    mkdirSync(dirname(join(app, file)), { recursive: true });
    writeFileSync(join(app, file), `// file: ${file}\n${body}`);
  }
  const specs = blocks.map((b) => b.file).filter((f) => /\.spec\.ts$/.test(f));
  // The app's own bins first (`next` in the webServer command), as `npx playwright test` has them.
  const { code, text, summary } = await playwrightTest(app, specs, {
    ...env,
    PATH: `${join(app, 'node_modules/.bin')}:${env.PATH}`,
    CHROMIUM_PATH: env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  });
  const tests = specs.length ? (blocks.find((b) => b.file === specs[0]).body.match(/^\s*test\(/gm)?.length ?? 0) : 0;
  check(
    code === 0 && specs.length > 0 && tests >= 2,
    `next-app: ${GUIDE}'s Playwright files (${blocks.map((b) => b.file).join(', ')}; ${tests} tests) pass as written: ${summary || 'no summary'} (${((Date.now() - started) / 1000).toFixed(1)} s)${code === 0 ? '' : `\n${text.slice(-4000)}`}`,
  );
}
