#!/usr/bin/env node
/**
 * Checks the package users install, not the source tree:
 * 1. publint (strict) and arethetypeswrong on the packed tarball;
 * 2. the tarball holds .d.ts files, styles.css, and 'use client' atop every client file;
 * 3. installed into an empty React 19 + @clerk/react 6 app, PermissionGate under
 *    MockClerkProvider shows its children to a permitted member and its fallback to a denied one.
 * Run after `npm run build`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules/.bin', name);
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
const failures = [];
const check = (ok, message) => {
  console.log(`${ok ? '✓' : '✗'} ${message}`);
  if (!ok) failures.push(message);
};

const work = mkdtempSync(join(tmpdir(), 'csk-pack-'));
try {
  // 1. Pack once, lint that tarball.
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' }));
  const tarball = join(work, packed[0].filename);
  const files = packed[0].files.map((f) => f.path);
  console.log(`packed ${packed[0].filename}: ${files.length} files, ${packed[0].size} bytes`);
  run(bin('publint'), ['--strict', '--pack', 'npm']);
  run(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'table-flipped', '--exclude-entrypoints', './styles.css']);

  // 2. What is in the tarball.
  const unpacked = join(work, 'unpacked');
  run('mkdir', ['-p', unpacked]);
  run('tar', ['-xzf', tarball, '-C', unpacked]);
  const pkg = join(unpacked, 'package');
  check(files.includes('dist/styles.css'), 'dist/styles.css is in the tarball');
  check(files.includes('dist/index.d.ts') && files.includes('dist/testing/index.d.ts'), '.d.ts files are in the tarball');
  const css = readFileSync(join(pkg, 'dist/styles.css'), 'utf8');
  check(!/(^|[^-])\bpreflight\b|\*,\s*::after,\s*::before\s*\{\s*box-sizing/.test(css), 'styles.css carries no preflight reset');
  check(!/[{}]\.(?!csk\\:)[a-z][\w-]*\{/.test(css.replace(/\.dark|\.light/g, '')), 'every utility in styles.css is csk:-prefixed');
  const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
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

  // The middleware entry runs on the Edge runtime: every file it reaches imports only next/server,
  // @clerk/nextjs/server and its own relative files (no React, no DOM, no Node built-ins).
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
  visit(join(pkg, 'dist/middleware/index.js'));
  check(reached.size > 3 && foreign.length === 0, `middleware entry: ${reached.size} files import only next/server and @clerk/nextjs/server${foreign.length ? ` (not: ${foreign.join(', ')})` : ''}`);

  // 3. A consumer app: an empty package with React 19 and @clerk/react 6, and our tarball.
  const app = join(work, 'app');
  run('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const versions = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies;
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball, `react@${versions.react}`, `react-dom@${versions['react-dom']}`, `@clerk/react@${versions['@clerk/react']}`], { cwd: app });
  writeFileSync(
    join(app, 'smoke.mjs'),
    `
import { JSDOM } from ${JSON.stringify(join(root, 'node_modules/jsdom/lib/api.js'))};
const dom = new JSDOM('<!doctype html><div id="root"></div>', { url: 'http://localhost/' });
for (const key of ['window', 'document', 'navigator', 'HTMLElement', 'Node', 'MutationObserver']) {
  Object.defineProperty(globalThis, key, { value: dom.window[key], configurable: true });
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;
const React = await import('react');
const { act } = React;
const { createRoot } = await import('react-dom/client');
const { PermissionGate } = await import('clerk-session-kit');
const { MockClerkProvider, orgMember } = await import('clerk-session-kit/testing');
const render = async (permission) => {
  const el = document.createElement('div');
  const root = createRoot(el);
  await act(async () => root.render(React.createElement(MockClerkProvider, { options: orgMember },
    React.createElement(PermissionGate, { permission, fallback: 'DENIED' }, 'GRANTED'))));
  const text = el.textContent;
  await act(async () => root.unmount());
  return text;
};
console.log(JSON.stringify({ member: await render('org:invoices:read'), denied: await render('org:invoices:manage') }));
`,
  );
  const out = JSON.parse(execFileSync(bin('node'), ['smoke.mjs'], { cwd: app, encoding: 'utf8' }).trim().split('\n').pop());
  check(out.member === 'GRANTED', `consumer app: a permitted member sees the children (got ${JSON.stringify(out.member)})`);
  check(out.denied === 'DENIED', `consumer app: a denied member sees the fallback (got ${JSON.stringify(out.denied)})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`\n${failures.length} package check(s) failed.`);
  process.exit(1);
}
console.log('\npackage checks passed');
