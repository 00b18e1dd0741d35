#!/usr/bin/env node
/**
 * The example apps, installed the way users install the kit: from the packed tarball into a copy
 * of examples/<app> outside the repo (no workspace link), built with their own toolchain, served on
 * 127.0.0.1 and driven in Debian's Chromium.
 * - vite-react: `vite build` passes; the built app renders every component on the mock Clerk
 *   with no console error; a device is revoked and an organization switched, as a user would.
 * - next-app: `next build` passes offline; `next start` on 127.0.0.1 verifies session tokens signed
 *   here with a fresh RSA key (jwtKey, pk_live_: no network); real HTTP requests show redirects,
 *   401/403 JSON and that the bypass inputs of middleware-threats.md never reach the admin area;
 *   the kit's route audit finds nothing on every route, and flags a route left out of publicRoutes
 *   (check-examples-audit.mjs); /demo (every component on the mock Clerk) hydrates in Chromium
 *   with no console error; then its Playwright suite (examples/next-app/e2e, check-examples-e2e.mjs)
 *   runs the app on the kit's mock clerk-js under several personas, 2 workers; then the "Test your
 *   app" guide's Playwright files (docs/testing.md), written into the same copy, pass as written.
 * - next-core-2 (@clerk/nextjs 6, the /core-2 entries): `next build` passes offline, then its
 *   Playwright suite runs the same fixture on Clerk Core 2 (check-examples-e2e.mjs).
 * - storybook-app (check-examples-storybook.mjs): tsc, `vite build`, its unit tests, `storybook
 *   build` and its visual tests against the committed baselines; the guide's Storybook blocks
 *   (docs/testing.md) are its files.
 * Run after `npm run build`. NEXT_APP=0 skips the Next apps, STORYBOOK_APP=0 the storybook-app.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { stripVTControlCharacters } from 'node:util';
import { join } from 'node:path';
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { launchChromium } from './chromium.mjs';
import { auditNextApp } from './check-examples-audit.mjs';
import { freePort, nextAppE2e, readmeE2e } from './check-examples-e2e.mjs';
import { storybookApp } from './check-examples-storybook.mjs';

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
  execFileSync(join(app, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], {
    cwd: app,
    stdio: 'inherit',
    env,
  });
  check(true, 'vite-react: vite build passes');
  const url = await serve(
    join(app, 'node_modules/.bin/vite'),
    ['preview', '--host', '127.0.0.1', '--port', '0', '--strictPort', 'false'],
    app,
    /http:\/\/127\.0\.0\.1:\d+\//,
  );
  await viteJourney(url);

  // storybook-app: its own Storybook, unit tests and visual tests (check-examples-storybook.mjs)
  if (process.env.STORYBOOK_APP !== '0') await storybookApp({ work, tarball, env, check });

  // next-app
  if (process.env.NEXT_APP !== '0') await nextApp(tarball);
  // next-core-2
  if (process.env.NEXT_APP !== '0') await nextCore2(tarball);
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
  cpSync(join(root, 'examples', name), app, {
    recursive: true,
    filter: (src) => !/node_modules|\/dist$|\/\.next$/.test(src),
  });
  // A dependency given with its version (`@clerk/nextjs@6.39.8`) is taken as is.
  const specs = deps.map((d) => (d.lastIndexOf('@') > 0 ? d : `${d}@${dev[d] ?? installedVersion(d)}`));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball, ...specs], {
    cwd: app,
    stdio: 'inherit',
    env,
  });
  return app;
}

/** Starts a server and resolves with the first URL it prints matching `pattern`. */
function serve(bin, args, cwd, pattern, serverEnv = env) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { cwd, env: serverEnv, stdio: ['ignore', 'pipe', 'pipe'] });
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
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^Revoke/ })
    .click();
  await page.getByRole('button', { name: 'Revoke session on Safari 19, iPhone, Lisbon' }).waitFor({ state: 'detached' });
  check((await devicesList.count()) === 7, 'vite-react: a revoked device leaves the list');

  await page
    .getByRole('button', { name: /Acme Inc/ })
    .first()
    .click();
  await page.getByRole('option', { name: /Globex/ }).click();
  await page
    .getByRole('button', { name: /Globex/ })
    .first()
    .waitFor();
  await page.getByText('No access to invoices.').waitFor();
  check(true, 'vite-react: switching to Globex updates the switcher and PermissionGate follows');
  check(errors.length === 0, `vite-react: no console error${errors.length ? `: ${errors.join(' | ')}` : ''}`);
  await page.close();
}

/** The version installed in the repo, for a package the repo does not list itself (@types/node). */
function installedVersion(name) {
  return JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
}

async function nextApp(tarball) {
  const started = Date.now();
  const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const app = install('next-app', tarball, [
    'next',
    'react',
    'react-dom',
    '@clerk/nextjs',
    'typescript',
    '@types/react',
    '@types/react-dom',
    '@types/node',
    '@playwright/test',
  ]);
  console.log(`  next-app installed from the tarball (${seconds()})`);
  // A production key (pk_live_ + base64('clerk.example.com$')): no dev-browser handshake; tokens
  // verified with jwtKey, so the server never calls Clerk.
  const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
  // @clerk/nextjs refuses to run without a secret key even when it never calls the API: a placeholder.
  const appEnv = {
    ...env,
    NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: `pk_live_${btoa('clerk.example.com$')}`,
    CLERK_SECRET_KEY: 'sk_live_offline_placeholder_never_sent',
    CLERK_JWT_KEY: await exportSPKI(publicKey),
  };
  execFileSync(join(app, 'node_modules/.bin/next'), ['build'], {
    cwd: app,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: appEnv,
  });
  check(true, `next-app: next build passes offline (${seconds()})`);

  const port = await freePort();
  // `--hostname localhost`, not 127.0.0.1: with -H 127.0.0.1, Next 16 network-proxies a
  // middleware's same-origin rewrite (which clerkMiddleware returns for every request it passes)
  // to http://localhost:<port>, which answers nothing: 500 "Failed to proxy" (vercel/next.js#94745).
  // localhost binds 127.0.0.1 here, and the requests below go to 127.0.0.1.
  await serve(join(app, 'node_modules/.bin/next'), ['start', '--hostname', 'localhost', '--port', String(port)], app, /Ready in/, appEnv);
  const origin = `http://127.0.0.1:${port}`;
  const sign = (claims) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ v: 2, sid: 'sess_1', azp: origin, ...claims })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'ins_test' })
      .setIssuedAt(now - 5)
      .setExpirationTime(now + 120)
      .sign(privateKey);
  };
  // v2 organization claims; Acme's features reports and invoices, permissions by the fpm bitmasks.
  const member = await sign({
    sub: 'user_member',
    o: { id: 'org_acme', rol: 'member', slg: 'acme', per: 'read,manage', fpm: '1,1' },
    fea: 'o:reports,o:invoices',
  });
  const admin = await sign({
    sub: 'user_admin',
    o: { id: 'org_acme', rol: 'admin', slg: 'acme', per: 'read,manage', fpm: '3,3' },
    fea: 'o:reports,o:invoices',
  });
  const get = (path, { token, headers = {}, document = false } = {}) => {
    const h = { ...headers };
    if (token) h.cookie = `__session=${token}; __client_uat=${Math.floor(Date.now() / 1000) - 10}`;
    if (document) Object.assign(h, { accept: 'text/html', 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate' });
    return fetch(`${origin}${path}`, { headers: h, redirect: 'manual' });
  };
  const json = async (res) => ((res.headers.get('content-type') ?? '').includes('application/json') ? res.json() : null);

  let res = await get('/account', { document: true });
  check(
    res.status === 307 && new URL(res.headers.get('location'), origin).pathname === '/sign-in',
    `next-app: signed out, /account → 307 to /sign-in (got ${res.status} ${res.headers.get('location')})`,
  );
  res = await get('/', { document: true });
  check(res.status === 200, `next-app: signed out, the public / → 200 (got ${res.status})`);
  res = await get('/api/me');
  let body = await json(res);
  check(res.status === 401 && body !== null, `next-app: signed out, /api/me → 401 JSON (got ${res.status} ${JSON.stringify(body)})`);
  res = await get('/api/me', { token: member });
  body = await json(res);
  check(
    res.status === 200 && body?.userId === 'user_member',
    `next-app: signed in, /api/me → 200 with the user id (got ${res.status} ${JSON.stringify(body)})`,
  );
  res = await get('/account', { token: member, document: true });
  // React separates adjacent text nodes with <!-- --> in server HTML.
  const text = async (r) => (await r.text()).replaceAll('<!-- -->', '');
  const html = await text(res);
  check(
    res.status === 200 && html.includes('Signed in as user_member'),
    `next-app: signed in, /account renders for the user (got ${res.status})`,
  );
  res = await get('/api/admin/stats', { token: member });
  body = await json(res);
  check(res.status === 403 && body !== null, `next-app: member on the admin API → 403 JSON (got ${res.status} ${JSON.stringify(body)})`);
  res = await get('/admin', { token: member, document: true });
  check(res.status === 403, `next-app: member on /admin → 403 (got ${res.status})`);
  res = await get('/admin', { token: admin, document: true });
  check(res.status === 200 && (await text(res)).includes('Reports for org_acme'), `next-app: admin on /admin → 200 (got ${res.status})`);
  res = await get('/api/admin/stats', { token: admin });
  check(res.status === 200, `next-app: admin on the admin API → 200 (got ${res.status})`);
  await serverGate(app, get, { member, admin });

  // The server action behind requireAuth, called as the browser calls it (a React reply in FormData).
  const actions = JSON.parse(readFileSync(join(app, '.next/server/server-reference-manifest.json'), 'utf8')).node;
  const actionId = Object.keys(actions).find((id) => actions[id].exportedName === 'renameWorkspace');
  const callAction = (token) => {
    const body = new FormData();
    // As React sends it: the form's fields first, then the root (the arguments: form 1).
    body.set('_1_name', 'Acme Labs');
    body.set('0', '["$K1"]');
    const headers = { 'next-action': actionId, accept: 'text/x-component', origin };
    if (token) headers.cookie = `__session=${token}; __client_uat=${Math.floor(Date.now() / 1000) - 10}`;
    return fetch(`${origin}/account`, { method: 'POST', headers, body, redirect: 'manual' });
  };
  res = await callAction();
  body = await json(res);
  check(
    res.status === 401 && body !== null,
    `next-app: signed out, the server action → 401 JSON from the middleware (got ${res.status} ${JSON.stringify(body)})`,
  );
  res = await callAction(member);
  const refused = await res.text();
  check(
    res.status === 500 && !refused.includes('"$undefined"'),
    `next-app: member, the server action → refused by requireAuth (got ${res.status})`,
  );
  res = await callAction(admin);
  const done = await res.text();
  check(res.status === 200 && done.includes('"$undefined"'), `next-app: admin, the server action runs (got ${res.status})`);

  // The bypass inputs only a real server can show: none may answer 200 for a member or a stranger.
  const buildId = readFileSync(join(app, '.next/BUILD_ID'), 'utf8').trim();
  const bypasses = [
    ['//admin', {}],
    ['/admin', { headers: { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' } }],
    ['/admin', { headers: { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' } }],
    [
      '/admin',
      {
        headers: {
          'x-middleware-subrequest': 'src/middleware:src/middleware:src/middleware:src/middleware:src/middleware',
        },
      },
    ],
    [`/_next/data/${buildId}/admin.json`, {}],
    ['/admin.rsc', { headers: { rsc: '1' } }],
    ['/admin', { headers: { rsc: '1' } }],
    ['/%2Fadmin', {}],
    ['/ADMIN', {}],
  ];
  for (const [path, init] of bypasses) {
    for (const [who, token] of [
      ['signed out', undefined],
      ['member', member],
    ]) {
      res = await get(path, { ...init, token });
      await res.arrayBuffer();
      const via = init.headers
        ? ` with ${Object.entries(init.headers)
            .map(([k, v]) => `${k}: ${v}`)
            .join(', ')}`
        : '';
      check(res.status !== 200, `next-app: ${who}, ${path}${via} → never 200 (got ${res.status})`);
    }
  }
  await auditNextApp({ app, origin, tokens: { member, admin }, check });
  console.log(`  next-app HTTP checks done (${seconds()})`);
  await nextDemo(origin);
  await nextAppE2e({ app, env, check });
  await readmeE2e({ app, env, check });
  console.log(`  next-app done (${seconds()})`);
}

/**
 * ServerPermissionGate (clerk-session-kit/server) on /server-gate, a public page: the gated text is
 * in an admin's HTML only (not a member's nor a stranger's, nor a member's RSC payload), and in no
 * file of the client bundle (.next/static), while the server build has it.
 */
async function serverGate(app, get, tokens) {
  const GATED = 'Server-gated export tools';
  const FALLBACK = 'Export tools: for organization admins.';
  for (const [who, token, allowed] of [
    ['signed out', undefined, false],
    ['member', tokens.member, false],
    ['admin', tokens.admin, true],
  ]) {
    const res = await get('/server-gate', { token, document: true });
    const html = await res.text();
    check(
      res.status === 200 && html.includes(GATED) === allowed && html.includes(FALLBACK) === !allowed,
      `next-app: server gate, ${who} on /server-gate → 200, gated text ${allowed ? 'present' : 'absent, fallback shown'} (got ${res.status}, gated text ${html.includes(GATED) ? 'present' : 'absent'})`,
    );
  }
  // Next 16 answers an RSC request without its `_rsc` cache-busting parameter with a 307 to the URL with it.
  let rsc = await get('/server-gate', { token: tokens.member, headers: { rsc: '1' } });
  const busted = rsc.headers.get('location');
  if (rsc.status === 307 && busted?.startsWith('/server-gate?')) {
    await rsc.arrayBuffer();
    rsc = await get(busted, { token: tokens.member, headers: { rsc: '1' } });
  }
  const payload = await rsc.text();
  check(
    rsc.status === 200 && payload.includes(FALLBACK) && !payload.includes(GATED),
    `next-app: server gate, member's RSC payload for /server-gate has the fallback, not the gated text (got ${rsc.status} ${rsc.headers.get('content-type')})`,
  );
  const holding = (dir) =>
    readdirSync(join(app, dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && readFileSync(join(e.parentPath, e.name)).includes(GATED))
      .map((e) => join(e.parentPath, e.name).slice(app.length + 1));
  const client = holding('.next/static');
  const server = holding('.next/server');
  check(
    client.length === 0 && server.length > 0,
    `next-app: server gate, the gated text is in no file under .next/static (the client bundle) and in ${server.length} under .next/server${client.length ? ` (found in ${client.join(', ')})` : ''}`,
  );
}

/**
 * Clerk Core 2: @clerk/nextjs 6 and the kit's /core-2 entries, from the tarball. `next build`
 * passes, /demo is served, and its Playwright suite (examples/next-core-2/e2e) runs the same
 * fixture as next-app's: @clerk/nextjs 6's own clerkMiddleware and auth() verify the mock's
 * cookies (the signed-out redirect, a persona's page and API answer, an organization switch),
 * and the /core-2 components and the mock-Clerk demo page hydrate with no mismatch (React #418).
 */
async function nextCore2(tarball) {
  const started = Date.now();
  const app = install('next-core-2', tarball, [
    'next',
    'react',
    'react-dom',
    '@clerk/nextjs@6.39.8',
    'typescript',
    '@types/react',
    '@types/react-dom',
    '@types/node',
    '@playwright/test',
  ]);
  // Its proxy.ts runs @clerk/nextjs 6's clerkMiddleware, which refuses to run without a secret key.
  const appEnv = {
    ...env,
    NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: `pk_live_${btoa('clerk.example.com$')}`,
    CLERK_SECRET_KEY: 'sk_live_offline_placeholder_never_sent',
  };
  execFileSync(join(app, 'node_modules/.bin/next'), ['build'], {
    cwd: app,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: appEnv,
  });
  check(true, `next-core-2: next build passes offline with @clerk/nextjs 6 (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const port = await freePort();
  await serve(join(app, 'node_modules/.bin/next'), ['start', '--hostname', 'localhost', '--port', String(port)], app, /Ready in/, appEnv);
  const res = await fetch(`http://127.0.0.1:${port}/demo`);
  const html = await res.text();
  check(res.status === 200 && html.includes('Account'), `next-core-2: /demo is served and server-rendered (got ${res.status})`);
  await nextAppE2e({ app, env, check, name: 'next-core-2' });
}

async function nextDemo(origin) {
  const name = 'next-app';
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
  await page.goto(`${origin}/demo`);
  await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
  await page.getByText('Invoices: visible to you.').waitFor();
  await page.getByRole('button', { name: 'Sign out of all devices' }).waitFor();
  const devicesList = page.getByRole('region', { name: 'Your devices' }).getByRole('listitem');
  await devicesList.nth(7).waitFor();
  check((await devicesList.count()) === 8, `${name} /demo: SessionManager, SessionList (8 devices) and PermissionGate hydrate and render`);
  await page
    .getByRole('button', { name: /Acme Inc/ })
    .first()
    .click();
  await page.getByRole('option', { name: /Globex/ }).click();
  await page
    .getByRole('button', { name: /Globex/ })
    .first()
    .waitFor();
  await page.getByText('No access to invoices.').waitFor();
  check(true, `${name} /demo: OrgSwitcher switches to Globex and PermissionGate follows`);
  await page.screenshot({ path: join(work, 'next-demo.png'), fullPage: true });
  if (process.env.NEXT_DEMO_SHOT) cpSync(join(work, 'next-demo.png'), process.env.NEXT_DEMO_SHOT);
  const hydration = errors.filter((e) => /hydrat|did not match|server rendered/i.test(e));
  check(hydration.length === 0, `${name} /demo: no hydration mismatch${hydration.length ? `: ${hydration.join(' | ')}` : ''}`);
  check(errors.length === 0, `${name} /demo: no console error${errors.length ? `: ${errors.join(' | ')}` : ''}`);
  await page.close();
}

/** A port nothing listens on now (next start has no `--port 0` that prints the port it got). */
