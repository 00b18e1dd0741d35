import { defineConfig } from 'tsdown';
import { sourceEntries } from './scripts/check-entries.mjs';

// The entries are package.json `exports`: each ./dist/x.js target is built from its src/x.ts(x)
// (scripts/check-entries.mjs maps them; the ./core-2 entries are copies made after this build).
// `unbundle` keeps one output file per source file, so each file's own 'use client'
// directive survives into dist/ (a bundled build would drop it).
export default defineConfig({
  entry: sourceEntries(),
  format: 'esm',
  unbundle: true,
  dts: true,
  platform: 'neutral',
  target: 'es2022',
  clean: true,
  sourcemap: false,
  deps: { neverBundle: [/^react/, /^@clerk\//, /^msw/, /^storybook/, /^next(\/|$)/, /^node:/, /^@playwright\//] },
});
