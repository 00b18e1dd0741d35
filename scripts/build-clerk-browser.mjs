#!/usr/bin/env node
/**
 * The browser build of the mock Clerk (src/testing/browser/clerk-browser.ts) as one classic script,
 * dist/testing/clerk.browser.js: what clerk-session-kit/testing/playwright serves in place of the
 * clerk-js script. Run by `npm run build`, after tsdown (whose clean step would delete it) and after
 * the Core 2 copy (the script has no Clerk import to rewrite, and no core-2 entry serves it).
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const result = await build({
  entryPoints: [`${root}src/testing/browser/clerk-browser.ts`],
  outfile: `${root}dist/testing/clerk.browser.js`,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});
const bytes = Object.values(result.metafile.outputs)[0]?.bytes ?? 0;
console.log(`build-clerk-browser: dist/testing/clerk.browser.js (${(bytes / 1024).toFixed(1)} kB)`);
