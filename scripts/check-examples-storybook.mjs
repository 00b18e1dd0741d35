#!/usr/bin/env node
/**
 * examples/storybook-app, installed the way users install the kit: from the packed tarball into a
 * copy outside the repo (no workspace link), at the versions we develop with.
 * - The "Test your app" guide's Storybook file blocks (docs/testing.md) are this app's own files,
 *   byte for byte (a block whose first line is `// file: <path>` is `examples/storybook-app/<path>`
 *   after that line): the check fails when the guide and the app drift.
 * - `tsc --noEmit`, `vite build`, its unit tests (`vitest run`: Vitest, jsdom, Testing Library),
 *   `storybook build` (@storybook/react-vite at the kit's `storybook` version), then its visual
 *   tests (`playwright test`: every story of the built Storybook in Debian's Chromium, compared with
 *   the baselines committed in visual/__screenshots__; a missing or different screenshot fails).
 * Called by check-examples.mjs; alone: `node scripts/check-examples-storybook.mjs` after
 * `npm run build` (or TARBALL=<a packed .tgz>). STORYBOOK_APP_UPDATE=1 retakes the baselines and
 * copies them into the example.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { freePort } from './check-examples-e2e.mjs';
import { GUIDE, guideFileBlocks } from './readme-blocks.mjs';

const execFileAsync = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const example = join(root, 'examples/storybook-app');
const SHOTS = 'visual/__screenshots__';

const installed = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
const dev = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies;
const version = (name) => dev[name] ?? installed(name);
// @storybook/react-vite at the version of the kit's `storybook`, as Storybook wants its packages in step.
const DEPS = [
  ...['react', 'react-dom', '@clerk/react', '@fontsource/inter', 'vite', 'storybook', 'typescript', '@types/react'].map(
    (n) => `${n}@${version(n)}`,
  ),
  `@storybook/react-vite@${installed('storybook')}`,
  ...['@types/react-dom', '@types/node', 'vitest', 'jsdom', '@testing-library/react', '@testing-library/dom'].map(
    (n) => `${n}@${version(n)}`,
  ),
  ...['@testing-library/jest-dom', 'axe-core', '@playwright/test'].map((n) => `${n}@${version(n)}`),
];

/** The guide's Storybook blocks against the example's files: the list of those that differ. */
export function readmeDrift() {
  const blocks = guideFileBlocks('Storybook');
  const drift = blocks.flatMap(({ file, body }) => {
    let actual = null;
    try {
      actual = readFileSync(join(example, file), 'utf8');
    } catch {
      /* a block naming a file the example lacks: drift */
    }
    return actual === body ? [] : [file];
  });
  return { files: blocks.map((b) => b.file), drift };
}

/** Runs the whole check in `work` (a temp dir) with `tarball`; reports through `check`. */
export async function storybookApp({ work, tarball, env, check }) {
  const started = Date.now();
  const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const { files, drift } = readmeDrift();
  check(
    files.length >= 4 && drift.length === 0,
    `storybook-app: ${GUIDE} "Storybook" blocks are the example's own files (${files.join(', ')})${drift.length ? `; differ: ${drift.join(', ')}` : ''}`,
  );

  const app = join(work, 'storybook-app');
  cpSync(example, app, { recursive: true, filter: (src) => !/node_modules|storybook-static|test-results|\/dist$/.test(src) });
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball, ...DEPS], {
    cwd: app,
    stdio: 'inherit',
    env,
  });
  console.log(`  storybook-app installed from the tarball (${seconds()})`);
  // The app's own bins first, as `npx` and `npm run` put them.
  const appEnv = { ...env, PATH: `${join(app, 'node_modules/.bin')}:${env.PATH}`, CHROMIUM_PATH: env.CHROMIUM_PATH ?? '/usr/bin/chromium' };
  const bin = (name) => join(app, 'node_modules/.bin', name);
  // A step's outcome and output; steps run as child processes, so tsc can run alongside the builds.
  const step = (cmd, args, extraEnv = {}) =>
    execFileAsync(cmd, args, { cwd: app, env: { ...appEnv, ...extraEnv }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).then(
      ({ stdout }) => ({ ok: true, out: stripVTControlCharacters(stdout) }),
      (error) => ({ ok: false, out: stripVTControlCharacters(`${error.stdout ?? ''}${error.stderr ?? ''}${error.message}`) }),
    );
  const report = (result, message) =>
    check(result.ok, `storybook-app: ${message} (${seconds()})${result.ok ? '' : `\n${result.out.slice(-4000)}`}`);

  const typecheck = step(bin('tsc'), ['--noEmit']);
  report(await step(bin('vite'), ['build', '--logLevel', 'error']), 'vite build passes');
  const unit = await step(bin('vitest'), ['run'], { NO_COLOR: '1' });
  const tests = unit.out.match(/Tests\s+(.*\d+ passed.*)/)?.[1]?.trim() ?? 'no summary';
  report(unit, `unit tests (Vitest, jsdom): ${tests}`);
  report(await step(bin('storybook'), ['build', '--quiet', '--disable-telemetry']), 'storybook build passes');
  report(await typecheck, 'tsc --noEmit passes');

  const update = process.env.STORYBOOK_APP_UPDATE === '1';
  const visual = await step(
    bin('playwright'),
    ['test', '--reporter=line', '--workers=2', `--update-snapshots=${update ? 'all' : 'none'}`],
    {
      STORYBOOK_PORT: String(await freePort()),
      CI: '1',
    },
  );
  const summary = [...visual.out.matchAll(/^\s*(\d+ (?:passed|failed|flaky|skipped).*)$/gm)].map((m) => m[1].trim()).join(', ');
  report(visual, `visual tests of its stories (Playwright, built Storybook): ${summary || 'no summary'}`);
  if (update && visual.ok) {
    rmSync(join(example, SHOTS), { recursive: true, force: true });
    cpSync(join(app, SHOTS), join(example, SHOTS), { recursive: true });
    console.log(`  baselines copied into examples/storybook-app/${SHOTS}`);
  }
  // Every committed baseline belongs to a test (the index lists the stories; one more shot for the toolbar).
  const index = JSON.parse(readFileSync(join(app, 'storybook-static/index.json'), 'utf8'));
  const expected = Object.values(index.entries)
    .filter((e) => e.type === 'story')
    .map((e) => `${e.id}.png`)
    .concat('app--default-load-failed.png')
    .sort();
  const committed = existsSync(join(example, SHOTS)) ? readdirSync(join(example, SHOTS)).sort() : [];
  check(
    JSON.stringify(committed) === JSON.stringify(expected),
    `storybook-app: one committed baseline per story (${committed.length})${JSON.stringify(committed) === JSON.stringify(expected) ? '' : `: expected ${expected.join(', ')}; found ${committed.join(', ')}`}`,
  );
  console.log(`  storybook-app done (${seconds()})`);
}

// Alone: pack, run, clean up.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const failures = [];
  const check = (ok, message) => {
    console.log(`${ok ? '✓' : '✗'} ${message}`);
    if (!ok) failures.push(message);
  };
  const work = mkdtempSync(join(tmpdir(), 'csk-storybook-app-'));
  try {
    // TARBALL=<path>: a tarball packed before (`npm pack`), else one packed now.
    const packed = () => JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' }));
    const tarball = process.env.TARBALL ?? join(work, packed()[0].filename);
    const env = { ...process.env, PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH}` };
    await storybookApp({ work, tarball, env, check });
  } finally {
    if (process.env.KEEP_WORK === '1') console.log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
  if (failures.length) {
    console.error(`\n${failures.length} storybook-app check(s) failed.`);
    process.exit(1);
  }
  console.log('\nstorybook-app checks passed');
}
