#!/usr/bin/env node
/**
 * The Core 2 entries (`clerk-session-kit/core-2`, `/core-2/testing`, …) for apps on
 * `@clerk/clerk-react` 5 / `@clerk/nextjs` 6. They are the same compiled source with the one seam
 * bound to the other generation: Clerk enters only through src/clerk/, so after `tsdown` builds
 * dist/ this copies the client and testing files to dist/core-2/ and rewrites the Clerk import
 * specifiers (`@clerk/react` → `@clerk/clerk-react`, `@clerk/react/types` → `@clerk/shared/types`,
 * where Core 2 keeps its types). Nothing else differs, which the unit-core-2 Vitest project checks
 * by running the component suites against @clerk/clerk-react.
 * The middleware entry is not copied: it is built on @clerk/nextjs 7.
 */
import { cpSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const out = join(dist, 'core-2');
const SKIP = new Set(['core-2', 'middleware', 'server', 'styles.css', 'shadcn.css']);

rmSync(out, { recursive: true, force: true });
for (const name of readdirSync(dist)) {
  if (!SKIP.has(name)) cpSync(join(dist, name), join(out, name), { recursive: true });
}

const SPECIFIERS = [
  [/(["'])@clerk\/react\/types\1/g, '$1@clerk/shared/types$1'],
  [/(["'])@clerk\/react\1/g, '$1@clerk/clerk-react$1'],
];
let rewritten = 0;
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    if (statSync(file).isDirectory()) walk(file);
    else if (/\.(js|d\.ts)$/.test(name)) {
      const text = readFileSync(file, 'utf8');
      const next = SPECIFIERS.reduce((t, [re, to]) => t.replace(re, to), text);
      if (next !== text) {
        writeFileSync(file, next);
        rewritten++;
      }
    }
  }
};
walk(out);
if (/@clerk\/react['"]/.test(readFileSync(join(out, 'clerk/index.js'), 'utf8')) || rewritten === 0) {
  console.error('build-core-2: the seam still imports @clerk/react');
  process.exit(1);
}
console.log(`core-2: dist/core-2 built, ${rewritten} files bound to @clerk/clerk-react`);
