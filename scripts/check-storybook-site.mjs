#!/usr/bin/env node
/**
 * The published Storybook is the kit's documentation site. This builds it (storybook build) into a
 * temp folder, serves it from a plain static server on 127.0.0.1, and opens it in Debian's
 * Chromium the way a reader does:
 * 1. the site opens on the Introduction page, with no onboarding checklist;
 * 2. every entry of its index renders alone in the preview iframe with no console error and no
 *    uncaught exception: a docs page until Storybook reports it rendered, a story until Storybook
 *    reports it finished, play function included (its failure, an error thrown while it played,
 *    a failed a11y report all fail the check), and then settled: no skeleton or "Checking access…"
 *    left, unless the story is about loading (persona `loading`, a name or a panel title with "loading");
 * 3. every story where Clerk could not load shows that at rest, waited for (never a fixed sleep):
 *    its `role="alert"` with the "could not load" sentence, not skeletons or "Checking access…"
 *    for ever, also with the `loadFailed` persona picked from the toolbar. The production build
 *    renders outside React's act(), which the Vitest runs use: issue 21 showed only here.
 *
 * CHECK_SITE_DIR=<dir> checks an existing build instead of building one;
 * CHECK_SITE_SCREENSHOTS=<dir> saves each Clerk-failed check's PNG there (clerk-failed-<id>.png).
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { launchChromium } from './chromium.mjs';

const root = new URL('..', import.meta.url).pathname;
const given = process.env.CHECK_SITE_DIR;
const out = given ?? mkdtempSync(join(tmpdir(), 'csk-site-'));
const shots = process.env.CHECK_SITE_SCREENSHOTS;
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};
/** How long one entry may take to render and play before the check gives up on it. */
const ENTRY_TIMEOUT = 30_000;
/** How long a finished story may still show a skeleton (Clerk's and the mock's loading, on a busy machine). */
const SETTLE_TIMEOUT = 10_000;

/**
 * Every story where Clerk could not load, and what it shows at rest: an alert matching `alert`
 * (inside the panel `panel` of an all-states story), or `text` for PermissionGate without an
 * `error` slot. `globals` picks the persona from the toolbar (the story has no play function, so
 * the toolbar drives it). Any other story whose own persona is `loadFailed` fails the check until
 * it is listed here.
 */
const CLERK_FAILED = [
  { id: 'components-sessionlist--clerk-failed', alert: /^Sign-in could not load\./ },
  { id: 'components-sessionmanager--clerk-failed', alert: /^Sign-in could not load\./ },
  { id: 'components-permissiongate--clerk-failed', alert: /^Access could not be checked\./ },
  { id: 'components-permissiongate--clerk-failed-fallback', text: 'You do not have access to invoices.' },
  { id: 'components-sessionlist--all-states', panel: 'Clerk could not load', alert: /^Sign-in could not load\./ },
  { id: 'components-sessionmanager--all-states', panel: 'Clerk could not load', alert: /^Sign-in could not load\./ },
  { id: 'components-orgswitcher--all-states', panel: 'Clerk failed to load', text: 'Organizations unavailable' },
  { id: 'components-sessionmanager--mobile', globals: 'clerkPersona:loadFailed', alert: /^Sign-in could not load\./ },
  { id: 'components-sessionlist--dark', globals: 'clerkPersona:loadFailed', alert: /^Sign-in could not load\./ },
];
/** What a component shows while Clerk loads: none of it may remain once the failure is shown. */
const STILL_LOADING = /Loading…|Checking access…/;

const failures = [];
const check = (ok, message) => {
  console.log(`${ok ? '✓' : '✗'} ${message}`);
  if (!ok) failures.push(message);
};

/**
 * Runs in the page before Storybook: records the preview channel's outcome events in
 * `window.__siteEvents` (Storybook sets `globalThis.__STORYBOOK_ADDONS_CHANNEL__` once it made it).
 */
function recordStorybookEvents() {
  const events = (window.__siteEvents = []);
  const watched = [
    'storyFinished',
    'storyRendered',
    'storyMissing',
    'storyErrored',
    'storyThrewException',
    'playFunctionThrewException',
    'unhandledErrorsWhilePlaying',
    'docsRendered',
  ];
  const summary = (name, payload) => {
    if (name === 'storyFinished') {
      const failed = (payload?.reporters ?? []).filter((r) => r.status === 'failed');
      return {
        status: payload?.status,
        failed: failed.map((r) => `${r.type}: ${(r.result?.violations ?? []).map((v) => v.id).join(', ') || 'failed'}`),
      };
    }
    if (Array.isArray(payload)) return payload.map((e) => e?.message ?? String(e));
    return payload?.message ?? payload?.title ?? payload ?? null;
  };
  const hooked = new WeakSet();
  let channel;
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set: (value) => {
      channel = value;
      if (!value || hooked.has(value)) return;
      hooked.add(value);
      for (const name of watched) value.on(name, (payload) => events.push({ name, payload: summary(name, payload) }));
    },
  });
}

/**
 * In the page: what of the story still shows loading (a skeleton, "Checking access…"), or null;
 * with `waiting`, only whether nothing does (for waitForFunction).
 * Loading that a story is about is left out: its persona is `loading` or its name says loading (the
 * caller skips those), or the loading sits in an all-states panel whose title says loading.
 */
function loadingLeft(waiting = false) {
  const rootEl = document.querySelector('#storybook-root');
  if (!rootEl) return waiting ? false : 'no story root';
  const intended = (el) => /loading/i.test(el.closest('section[aria-label]')?.getAttribute('aria-label') ?? '');
  const marks = [...rootEl.querySelectorAll('[data-slot="skeleton"]')];
  const walker = document.createTreeWalker(rootEl, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if (/Checking access…/.test(node.data) && node.parentElement) marks.push(node.parentElement);
  const left = marks.filter((el) => !intended(el));
  if (waiting) return left.length === 0;
  if (!left.length) return null;
  const where = (el) =>
    el.closest('section[aria-label]')?.getAttribute('aria-label') ?? el.closest('[data-slot]')?.dataset.slot ?? el.tagName;
  return [
    ...new Set(left.map((el) => `${el.dataset.slot === 'skeleton' ? 'a skeleton' : `"${el.textContent.trim()}"`} in ${where(el)}`)),
  ].join(', ');
}

/** In the page: the Clerk-failed state of `spec`, or why it is not there (yet). */
function clerkFailedState(spec) {
  const rootEl = document.querySelector('#storybook-root');
  const scope = spec.panel ? rootEl?.querySelector(`section[aria-label="${spec.panel}"]`) : rootEl;
  if (!scope) return { ok: false, why: spec.panel ? `no panel "${spec.panel}"` : 'no story root' };
  const text = scope.textContent ?? '';
  const alerts = [...scope.querySelectorAll('[role="alert"]')].map((a) => a.textContent.trim());
  const loading = new RegExp(spec.stillLoading).exec(text)?.[0];
  if (loading) return { ok: false, why: `still shows "${loading}"`, alerts };
  if (spec.alert && !alerts.some((a) => new RegExp(spec.alert).test(a)))
    return { ok: false, why: `no role="alert" matching ${spec.alert}`, alerts };
  if (spec.text && !text.includes(spec.text)) return { ok: false, why: `no "${spec.text}"`, alerts };
  return { ok: true, alerts };
}

let server;
let browser;
const started = Date.now();
try {
  if (!given)
    execFileSync(join(root, 'node_modules/.bin/storybook'), ['build', '--quiet', '-o', out], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  const built = Date.now();
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(out, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(out) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    // The build does not change while it is checked: let Chromium keep its bundles between pages.
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'max-age=3600',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;

  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(recordStorybookEvents);
  const errors = [];
  // Chromium logs every 4xx as a console error; the mocked API's 401/403 are what its stories
  // show, so those are told apart by URL, and every other failed response is named.
  const intended = (url, status) => /\/api\//.test(new URL(url).pathname) && (status === 401 || status === 403);
  page.on(
    'console',
    (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text().split('\n')[0]),
  );
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

  /** Opens one entry alone in the preview iframe; resolves once Storybook says it is done. */
  const open = (id, type, globals) =>
    openOnce(id, type, globals).catch(async (error) => {
      // Under CPU contention, now and then, the page's context is destroyed between Storybook's
      // "docs rendered" and the read of its events: OrgSwitcher's docs page, and PermissionGate's
      // right after it (both after a page busy with an open OrgSwitcher). Nothing there loads a
      // page: watched under contention, each entry is one load plus Storybook's same-document URL
      // update, and both pass alone and on a quiet machine. Like the aborted navigation below, the
      // entry is opened once more and that is said; the same error twice fails, so an entry that
      // does navigate still fails.
      if (!/Execution context was destroyed/.test(error.message)) throw error;
      console.log(`  (${id}: the page navigated while its events were read, opening it again)`);
      return openOnce(id, type, globals);
    });
  const openOnce = async (id, type, globals) => {
    errors.length = 0;
    const url = `${base}/iframe.html?id=${id}&viewMode=${type === 'docs' ? 'docs' : 'story'}${globals ? `&globals=${globals}` : ''}`;
    // Chromium can abort a navigation that the previous page was still busy with (seen once under
    // contention, right after a docs page: net::ERR_ABORTED before the new page loaded anything).
    // That is the browser's, not the entry's: it is navigated once more, and said so; twice fails.
    await page.goto(url).catch(async (error) => {
      if (!/net::ERR_ABORTED/.test(error.message)) throw error;
      console.log(`  (${id}: the navigation was aborted, opening it again)`);
      await page.goto(url);
    });
    const done = type === 'docs' ? ['docsRendered'] : ['storyFinished', 'storyMissing'];
    await page
      .waitForFunction((names) => window.__siteEvents.some((e) => names.includes(e.name)), done, {
        timeout: ENTRY_TIMEOUT,
      })
      .catch(() => errors.push(`Storybook reported no ${done.join(' or ')} within ${ENTRY_TIMEOUT / 1000} s`));
    const events = await page.evaluate(() => window.__siteEvents);
    for (const { name, payload } of events) {
      if (name === 'storyFinished' && payload.status !== 'success')
        errors.push(`story finished with status ${payload.status}${payload.failed.length ? `: ${payload.failed.join('; ')}` : ''}`);
      if (!['storyFinished', 'storyRendered', 'docsRendered'].includes(name)) errors.push(`${name}: ${[].concat(payload).join(' | ')}`);
    }
    const persona = await page.evaluate(() => {
      const clerk = window.__STORYBOOK_PREVIEW__?.currentRender?.story?.parameters?.clerk;
      return typeof clerk?.persona === 'string' ? clerk.persona : undefined;
    });
    return { persona };
  };

  // 2. Every entry, rendered (and played) alone in the preview iframe.
  const { entries } = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
  const storyIds = new Set();
  const loadFailedStories = [];
  const entriesStarted = Date.now();
  const took = [];
  for (const entry of Object.values(entries)) {
    if (entry.type === 'story') storyIds.add(entry.id);
    const entryStarted = Date.now();
    let { persona } = await open(entry.id, entry.type);
    // Chromium updates MSW's service worker in the background whenever a page registers it; on a
    // loaded machine that update can lose a race with the previous page's registration and reject
    // with "Failed to update a ServiceWorker … Not found" (the browser's, not the story's). Such an
    // entry is opened once more, and said so; any other error, or the same one twice, fails.
    const swUpdate = (e) => /Failed to update a ServiceWorker/.test(e);
    if (errors.some(swUpdate) && errors.every((e) => swUpdate(e) || /^story finished with status error$/.test(e))) {
      console.log(`  (${entry.id}: the browser's service-worker update failed, opening it again: ${errors[0]})`);
      ({ persona } = await open(entry.id, entry.type));
    }
    // A story that finished must have settled: no skeleton left, waited for (never a fixed sleep).
    if (entry.type === 'story' && persona !== 'loading' && !/loading/i.test(entry.name)) {
      const left = await page
        .waitForFunction(loadingLeft, true, { timeout: SETTLE_TIMEOUT })
        .then(() => null)
        .catch(() => page.evaluate(loadingLeft));
      if (left) errors.push(`still loading ${SETTLE_TIMEOUT / 1000} s after the story finished: ${left}`);
    }
    took.push([Date.now() - entryStarted, entry.id]);
    if (persona === 'loadFailed') loadFailedStories.push(entry.id);
    check(errors.length === 0, `${entry.type} ${entry.id}${errors.length ? `: ${errors.join(' | ')}` : ''}`);
  }
  const entriesTook = Date.now() - entriesStarted;

  // 3. Clerk could not load: the failure shows at rest on the built site.
  const clerkStarted = Date.now();
  for (const id of loadFailedStories)
    check(
      CLERK_FAILED.some((s) => s.id === id && !s.globals),
      `story ${id} (persona loadFailed) is checked for its Clerk-failed state below`,
    );
  if (shots) mkdirSync(shots, { recursive: true });
  for (const spec of CLERK_FAILED) {
    const label = `${spec.id}${spec.globals ? ` with ${spec.globals} from the toolbar` : ''}`;
    if (!storyIds.has(spec.id)) {
      check(false, `Clerk failed: ${label}: no such story in the index`);
      continue;
    }
    await open(spec.id, 'story', spec.globals);
    const arg = { panel: spec.panel, text: spec.text, alert: spec.alert?.source, stillLoading: STILL_LOADING.source };
    const state = await page
      .waitForFunction(clerkFailedState, arg, { timeout: 10_000 })
      .then((handle) => handle.jsonValue())
      .catch(() => page.evaluate(clerkFailedState, arg));
    if (shots)
      await page.locator('#storybook-root').screenshot({
        path: join(shots, `clerk-failed-${spec.id.replace(/^components-/, '')}${spec.globals ? '-toolbar' : ''}.png`),
      });
    const shown = state.alerts?.length ? ` (alert: "${state.alerts.join('" / "')}")` : '';
    check(
      state.ok && errors.length === 0,
      `Clerk failed: ${label} shows ${spec.alert ? `role="alert" ${spec.alert}` : `"${spec.text}"`} at rest${state.ok ? shown : `: ${state.why}${shown}`}${errors.length ? `; errors: ${errors.join(' | ')}` : ''}`,
    );
  }
  // 4. The page's colour scheme: a dark OS never turns a light page's kit dark, unless the app opts
  //    in with .csk-system; and a story opened alone has the kit's favicon (no request for a missing one).
  const schemeId = [...storyIds].find((id) => id.startsWith('components-sessionmanager--'));
  const osDark = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
  await osDark.goto(`${base}/iframe.html?id=${schemeId}&viewMode=story`);
  // The kit's card token against the stylesheet's own light and dark values (read off probe elements,
  // so the check does not depend on how the minifier writes a colour).
  const card = () => {
    const read = (el) => getComputedStyle(el).getPropertyValue('--csk-card').trim();
    const probe = (scheme) => {
      const el = document.body.appendChild(document.createElement('div'));
      el.className = scheme;
      const value = read(el);
      el.remove();
      return value;
    };
    return { kit: read(document.querySelector('[data-csk-root]')), light: probe('light'), dark: probe('dark') };
  };
  await osDark.waitForSelector('[data-csk-root]', { timeout: ENTRY_TIMEOUT });
  const plain = await osDark.evaluate(card);
  check(
    plain.kit === plain.light && plain.light !== plain.dark,
    `with the OS dark and the page saying nothing, the kit stays light (--csk-card: ${plain.kit}; light ${plain.light}, dark ${plain.dark})`,
  );
  await osDark.evaluate(() => document.documentElement.classList.add('csk-system'));
  const followed = await osDark.evaluate(card);
  check(followed.kit === plain.dark, `with .csk-system on <html>, the kit follows the dark OS (--csk-card: ${followed.kit})`);
  const icon = await osDark.evaluate(() => document.querySelector('link[rel="icon"]')?.getAttribute('href'));
  const iconStatus = icon ? (await osDark.request.get(new URL(icon, osDark.url()).href)).status() : 0;
  check(iconStatus === 200, `a story opened alone links the kit's favicon (${icon ?? 'no <link rel="icon">'}: ${iconStatus})`);
  await osDark.close();

  const slowest = took
    .sort((a, b) => b[0] - a[0])
    .slice(0, 5)
    .map(([ms, id]) => `${id} ${(ms / 1000).toFixed(1)} s`);
  console.log(
    `\n(build ${((built - started) / 1000).toFixed(1)} s, ${Object.keys(entries).length} entries ${(entriesTook / 1000).toFixed(1)} s, Clerk-failed checks ${((Date.now() - clerkStarted) / 1000).toFixed(1)} s; slowest: ${slowest.join(', ')})`,
  );
} finally {
  await browser?.close();
  server?.close();
  if (!given) rmSync(out, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`\n${failures.length} site check(s) failed.`);
  process.exit(1);
}
console.log('\nstatic Storybook site checks passed');
