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
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Runs the suite; one check with its summary (and the failures' output when it fails). */
export async function nextAppE2e({ app, env, check }) {
  const started = Date.now();
  const port = await freePort();
  const child = spawn(join(app, 'node_modules/.bin/playwright'), ['test', '--reporter=line', '--grep-invert', '@slow'], {
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
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  check(
    code === 0,
    `next-app: Playwright e2e on the mock clerk-js (server verifies with Clerk's code): ${summary || 'no summary'} (${seconds} s)${code === 0 ? '' : `\n${text.slice(-4000)}`}`,
  );
}
