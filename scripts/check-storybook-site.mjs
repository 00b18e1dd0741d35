#!/usr/bin/env node
/**
 * The published Storybook is the kit's documentation site. This builds it (storybook build) into a
 * temp folder, serves it from a plain static server on 127.0.0.1, and opens it in Debian's
 * Chromium the way a reader does:
 * 1. the site opens on the Introduction page, with no onboarding checklist;
 * 2. every entry of its index (docs pages and stories) renders with no console error and no
 *    uncaught exception.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { launchChromium } from './chromium.mjs';

const root = new URL('..', import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), 'csk-site-'));
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.png': 'image/png' };

const failures = [];
const check = (ok, message) => {
  console.log(`${ok ? '✓' : '✗'} ${message}`);
  if (!ok) failures.push(message);
};

let server;
let browser;
try {
  execFileSync(join(root, 'node_modules/.bin/storybook'), ['build', '--quiet', '-o', out], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(out, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(out) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;

  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  // Chromium logs every 4xx as a console error; the mocked API's 401/403 are what its stories
  // show, so those are told apart by URL, and every other failed response is named.
  const intended = (url, status) => /\/api\//.test(new URL(url).pathname) && (status === 401 || status === 403);
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
  page.on('response', (r) => r.status() >= 400 && !intended(r.url(), r.status()) && errors.push(`${r.status()} ${r.url()}`));
  page.on('pageerror', (e) => errors.push(e.message));

  // 1. The landing page.
  await page.goto(`${base}/index.html`);
  await page.waitForURL(/path=\/docs\/introduction--docs/, { timeout: 20_000 });
  const intro = page.frameLocator('#storybook-preview-iframe').getByRole('heading', { level: 1, name: 'clerk-session-kit' });
  await intro.waitFor({ timeout: 20_000 });
  check(true, 'the site opens on the Introduction page');
  check((await page.getByText(/Get started|Onboarding guide/i).count()) === 0, 'no onboarding checklist or guide in the sidebar');
  check(errors.length === 0, `the landing page logs no console error${errors.length ? `: ${errors.join(' | ')}` : ''}`);

  // 2. Every entry, rendered alone in the preview iframe.
  const { entries } = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
  for (const entry of Object.values(entries)) {
    errors.length = 0;
    await page.goto(`${base}/iframe.html?id=${entry.id}&viewMode=${entry.type === 'docs' ? 'docs' : 'story'}`);
    const rootSel = entry.type === 'docs' ? '#storybook-docs' : '#storybook-root';
    await page.waitForFunction((sel) => (document.querySelector(sel)?.childElementCount ?? 0) > 0, rootSel, { timeout: 20_000 }).catch(() => errors.push('nothing rendered'));
    await page.waitForTimeout(150);
    check(errors.length === 0, `${entry.type} ${entry.id}${errors.length ? `: ${errors.join(' | ')}` : ''}`);
  }
} finally {
  await browser?.close();
  server?.close();
  rmSync(out, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`\n${failures.length} site check(s) failed.`);
  process.exit(1);
}
console.log('\nstatic Storybook site checks passed');
