#!/usr/bin/env node
/**
 * Checks the package users install, not the source tree:
 * 1. publint (strict) and arethetypeswrong on the packed tarball;
 * 2. the tarball holds .d.ts files, styles.css, and 'use client' atop every client file;
 * 3. installed into two empty apps, one on the versions we develop with and one on the lowest
 *    version of every declared peer range (React 18.3, @clerk/react, @clerk/shared, msw):
 *    PermissionGate under MockClerkProvider shows its children to a permitted member and its
 *    fallback to a denied one; the MSW handlers answer; and every code block of the "Test your
 *    app" guide's Vitest section (docs/testing.md) that names a file (`// file: …` on its first line) is written
 *    verbatim into the app, whose tests then pass (each test file has at least two tests).
 * Run after `npm run build`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { readEntries } from './check-entries.mjs';
import { GUIDE, guideFileBlocks } from './readme-blocks.mjs';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const semver = require('semver');
const bin = (name) => join(root, 'node_modules/.bin', name);
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
const failures = [];
const check = (ok, message) => {
  console.log(`${ok ? '✓' : '✗'} ${message}`);
  if (!ok) failures.push(message);
};

// The entries are package.json `exports` (scripts/check-entries.mjs reads them).
const entries = readEntries(root);
/** Node-only entries (they import Node built-ins or Next's server internals); every other ./middleware entry runs on the Edge. */
const NODE_ONLY = new Set(['./middleware/testing']);

const work = mkdtempSync(join(tmpdir(), 'csk-pack-'));
try {
  // 1. Pack once, lint that tarball.
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' }));
  const tarball = join(work, packed[0].filename);
  const files = packed[0].files.map((f) => f.path);
  console.log(`packed ${packed[0].filename}: ${files.length} files, ${packed[0].size} bytes`);
  run(bin('publint'), ['--strict', '--pack', 'npm']);
  const stylesheets = entries.filter((e) => e.kind === 'css').map((e) => e.subpath);
  run(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'table-flipped', '--exclude-entrypoints', ...stylesheets]);

  // 2. What is in the tarball.
  const unpacked = join(work, 'unpacked');
  run('mkdir', ['-p', unpacked]);
  run('tar', ['-xzf', tarball, '-C', unpacked]);
  const pkg = join(unpacked, 'package');
  const entryFiles = entries.flatMap((e) => [e.target, ...(e.types ? [e.types] : [])]);
  const missing = entryFiles.filter((f) => !files.includes(f));
  check(
    missing.length === 0,
    `every entry's files are in the tarball (${entries.length} entries, ${entryFiles.length} files)${missing.length ? `: missing ${missing.join(', ')}` : ''}`,
  );
  const css = readFileSync(join(pkg, 'dist/styles.css'), 'utf8');
  check(!/(^|[^-])\bpreflight\b|\*,\s*::after,\s*::before\s*\{\s*box-sizing/.test(css), 'styles.css carries no preflight reset');
  check(
    !/[{}]\.(?!csk\\:|csk-)[a-z][\w-]*\{/.test(css.replace(/\.dark|\.light/g, '')),
    'every class in styles.css is csk:- or csk--prefixed',
  );
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  const srcFiles = walk(join(root, 'src')).filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'));
  for (const src of srcFiles) {
    if (!/^['"]use client['"]/.test(readFileSync(src, 'utf8'))) continue;
    const out = join(pkg, 'dist', relative(join(root, 'src'), src).replace(/\.tsx?$/, '.js'));
    let text = '';
    try {
      text = readFileSync(out, 'utf8');
    } catch {
      /* reported below */
    }
    check(/^"use client";/.test(text), `'use client' at the top of ${relative(pkg, out)}`);
  }

  // The middleware entries run on the Edge runtime: every file they reach imports only next/server,
  // @clerk/nextjs/server and their own relative files (no React, no DOM, no Node built-ins).
  const reached = new Set();
  const foreign = [];
  const visit = (file) => {
    if (reached.has(file)) return;
    reached.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
      if (spec.startsWith('.')) visit(join(file, '..', spec));
      else if (spec !== 'next/server' && spec !== '@clerk/nextjs/server') foreign.push(`${relative(pkg, file)} → ${spec}`);
    }
  };
  const edge = entries.filter((e) => /^\.\/middleware(\/|$)/.test(e.subpath) && !NODE_ONLY.has(e.subpath));
  for (const e of edge) visit(join(pkg, e.target));
  check(
    reached.size > 3 && foreign.length === 0,
    `middleware entries (${edge.map((e) => e.subpath).join(', ')}): ${reached.size} files import only next/server and @clerk/nextjs/server${foreign.length ? ` (not: ${foreign.join(', ')})` : ''}`,
  );

  // 3. Consumer apps installed from the tarball: one on the versions we develop with, one on the
  //    lowest version of every declared peer range (the floors users may have).
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const dev = manifest.devDependencies;
  // The lowest version of a peer range, within one Clerk generation where the range spans two.
  const floor = (name, within = '*') =>
    manifest.peerDependencies[name]
      .split('||')
      .map((part) => semver.minVersion(part.trim()).version)
      .find((v) => semver.satisfies(v, within));
  const testDeps = ['vitest', 'jsdom', '@testing-library/react', '@testing-library/dom', '@testing-library/jest-dom'].map(
    (n) => `${n}@${dev[n] ?? 'latest'}`,
  );
  const apps = {
    current: [`react@${dev.react}`, `react-dom@${dev['react-dom']}`, `@clerk/react@${dev['@clerk/react']}`, `msw@${dev.msw}`],
    floors: ['react', 'react-dom', '@clerk/react', 'msw']
      .map((n) => `${n}@${floor(n)}`)
      .concat(`@clerk/shared@${floor('@clerk/shared', '>=4')}`),
  };
  for (const [name, deps] of Object.entries(apps)) {
    console.log(`\nconsumer app "${name}": ${deps.join(' ')}`);
    consumerApp(join(work, name), tarball, [...deps, ...testDeps]);
  }
  // Clerk Core 2: the /core-2 entries under @clerk/clerk-react at its floor (the guide's files
  // import the Core 3 entries, so this app runs the smoke test only).
  const core2 = [
    `react@${dev.react}`,
    `react-dom@${dev['react-dom']}`,
    `@clerk/clerk-react@${floor('@clerk/clerk-react')}`,
    `@clerk/shared@${floor('@clerk/shared', '<4')}`,
    `msw@${dev.msw}`,
  ];
  console.log(`\nconsumer app "core-2": ${core2.join(' ')}`);
  consumerApp(join(work, 'core-2'), tarball, core2, { entry: 'clerk-session-kit/core-2', readme: false });
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`\n${failures.length} package check(s) failed.`);
  process.exit(1);
}
console.log('\npackage checks passed');

/** One consumer app: an empty package, our tarball and `deps`, the smoke test and the guide's Vitest files. */
function consumerApp(app, tarball, deps, { entry = 'clerk-session-kit', readme = true } = {}) {
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball, ...deps], {
    cwd: app,
  });
  writeFileSync(join(app, 'smoke.mjs'), smokeScript(entry));
  const out = JSON.parse(execFileSync(bin('node'), ['smoke.mjs'], { cwd: app, encoding: 'utf8' }).trim().split('\n').pop());
  check(out.member === 'GRANTED', `a permitted member sees the children (got ${JSON.stringify(out.member)})`);
  check(out.denied === 'DENIED', `a denied member sees the fallback (got ${JSON.stringify(out.denied)})`);
  check(out.api === '401,200', `the MSW handlers refuse no token and accept a mock token (got ${out.api})`);
  if (!readme) return;

  // The file blocks of the "Test your app" guide's Vitest section (docs/testing.md, read by
  // scripts/readme-blocks.mjs); the Storybook and Playwright blocks run in
  // check-examples-storybook.mjs and check-examples-e2e.mjs.
  const blocks = guideFileBlocks('Vitest');
  const testFiles = blocks.filter(({ file }) => /\.test\.tsx?$/.test(file));
  check(testFiles.length > 0, `${GUIDE} has a test file block`);
  for (const { file, body } of testFiles) {
    const tests = body.match(/^(?:it|test)\(/gm)?.length ?? 0;
    check(tests >= 2, `${GUIDE} ${file}: ${tests} tests (at least two, so cleanup between tests is proven)`);
  }
  for (const { file, body } of blocks) {
    mkdirSync(dirname(join(app, file)), { recursive: true });
    writeFileSync(join(app, file), `// file: ${file}\n${body}`);
  }
  let passed = true;
  try {
    execFileSync(join(app, 'node_modules/.bin/vitest'), ['run'], {
      cwd: app,
      stdio: 'inherit',
      env: { ...process.env, PATH: `${dirname(bin('node'))}:${process.env.PATH}` },
    });
  } catch {
    passed = false;
  }
  check(passed, `${GUIDE}'s Vitest files (${blocks.map((b) => b.file).join(', ')}) pass as written`);
}

/** The smoke test: renders PermissionGate in jsdom and calls the MSW handlers through msw/node. */
function smokeScript(entry) {
  return `
import { JSDOM } from ${JSON.stringify(join(root, 'node_modules/jsdom/lib/api.js'))};
const dom = new JSDOM('<!doctype html><div id="root"></div>', { url: 'http://localhost/' });
for (const key of ['window', 'document', 'navigator', 'HTMLElement', 'Node', 'MutationObserver']) {
  Object.defineProperty(globalThis, key, { value: dom.window[key], configurable: true });
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;
const React = await import('react');
const act = React.act ?? (await import('react-dom/test-utils')).act;
const { createRoot } = await import('react-dom/client');
const { PermissionGate } = await import('${entry}');
const { createMockClerk, MockClerkProvider, personas } = await import('${entry}/testing');
const { orgMember } = personas;
const render = async (permission) => {
  const el = document.createElement('div');
  const root = createRoot(el);
  await act(async () => root.render(React.createElement(MockClerkProvider, { options: orgMember },
    React.createElement(PermissionGate, { permission, fallback: 'DENIED' }, 'GRANTED'))));
  const text = el.textContent;
  await act(async () => root.unmount());
  return text;
};
const { setupServer } = await import('msw/node');
const { createMockApiHandlers } = await import('${entry}/testing/msw');
const server = setupServer(...createMockApiHandlers());
server.listen({ onUnhandledRequest: 'error' });
const token = await createMockClerk(orgMember).session.getToken();
const api = [
  (await fetch('http://localhost/api/me')).status,
  (await fetch('http://localhost/api/me', { headers: { authorization: 'Bearer ' + token } })).status,
].join();
server.close();
console.log(JSON.stringify({ member: await render('org:invoices:read'), denied: await render('org:invoices:manage'), api }));
`;
}
