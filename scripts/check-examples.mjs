#!/usr/bin/env node
/**
 * The example apps, installed the way users install the kit: from the packed tarball into a copy
 * of examples/<app> outside the repo (no workspace link), built with their own toolchain, served on
 * 127.0.0.1 and driven in Debian's Chromium.
 * - vite-react: `vite build` passes; the built app renders every component on the mock Clerk
 *   with no console error; a device is revoked and an organization switched, as a user would.
 * Run after `npm run build`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { stripVTControlCharacters } from 'node:util';
import { join } from 'node:path';
import { launchChromium } from './chromium.mjs';

const root = new URL('..', import.meta.url).pathname;
const dev = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies;
const nodeBin = join(root, 'node_modules/.bin');
const env = { ...process.env, PATH: `${nodeBin}:${process.env.PATH}`, NEXT_TELEMETRY_DISABLED: '1' };
const failures = [];
const check = (ok, message) => {
  console.log(`${ok ? '✓' : '✗'} ${message}`);
  if (!ok) failures.push(message);
};

const work = mkdtempSync(join(tmpdir(), 'csk-examples-'));
let browser;
const servers = [];
try {
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' }));
  const tarball = join(work, packed[0].filename);
  browser = await launchChromium();

  // vite-react
  const app = install('vite-react', tarball, ['react', 'react-dom', '@clerk/react', 'vite']);
  execFileSync(join(app, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], { cwd: app, stdio: 'inherit', env });
  check(true, 'vite-react: vite build passes');
  const url = await serve(join(app, 'node_modules/.bin/vite'), ['preview', '--host', '127.0.0.1', '--port', '0', '--strictPort', 'false'], app, /http:\/\/127\.0\.0\.1:\d+\//);
  await viteJourney(url);
} finally {
  await browser?.close();
  for (const s of servers) s.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`\n${failures.length} example check(s) failed.`);
  process.exit(1);
}
console.log('\nexample app checks passed');

/** Copies examples/<name> out of the repo and installs the tarball and `deps` at our versions. */
function install(name, tarball, deps) {
  const app = join(work, name);
  cpSync(join(root, 'examples', name), app, { recursive: true, filter: (src) => !/node_modules|\/dist$|\/\.next$/.test(src) });
  const specs = deps.map((d) => `${d}@${dev[d]}`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball, ...specs], { cwd: app, stdio: 'inherit', env });
  return app;
}

/** Starts a server and resolves with the first URL it prints matching `pattern`. */
function serve(bin, args, cwd, pattern) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    servers.push(child);
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${bin} did not start:\n${out}`)), 60_000);
    const onData = (chunk) => {
      out += chunk;
      const match = stripVTControlCharacters(out).match(pattern);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${bin} exited with ${code}:\n${out}`)));
  });
}

async function viteJourney(url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
  await page.getByText('Invoices: visible to you.').waitFor();
  await page.getByRole('button', { name: 'Sign out of all devices' }).waitFor();
  const devicesList = page.getByRole('region', { name: 'Your devices' }).getByRole('listitem');
  await devicesList.nth(7).waitFor();
  check((await devicesList.count()) === 8, 'vite-react: SessionManager, SessionList (8 devices) and PermissionGate render');

  await page.getByRole('button', { name: 'Revoke session on Safari 19, iPhone, Lisbon' }).click();
  await page.getByRole('dialog').getByRole('button', { name: /^Revoke/ }).click();
  await page.getByRole('button', { name: 'Revoke session on Safari 19, iPhone, Lisbon' }).waitFor({ state: 'detached' });
  check((await devicesList.count()) === 7, 'vite-react: a revoked device leaves the list');

  await page.getByRole('button', { name: /Acme Inc/ }).first().click();
  await page.getByRole('option', { name: /Globex/ }).click();
  await page.getByRole('button', { name: /Globex/ }).first().waitFor();
  await page.getByText('No access to invoices.').waitFor();
  check(true, 'vite-react: switching to Globex updates the switcher and PermissionGate follows');
  check(errors.length === 0, `vite-react: no console error${errors.length ? `: ${errors.join(' | ')}` : ''}`);
  await page.close();
}
