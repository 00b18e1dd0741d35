#!/usr/bin/env node
/**
 * The kit's entries are written once: package.json `exports`. Everything else reads them from here:
 * - tsdown.config.ts builds `sourceEntries()` (each `./dist/x.js` target mapped back to `src/x.ts(x)`);
 * - vitest.config.ts aliases every `clerk-session-kit/…` specifier to that source file;
 * - scripts/check-package.mjs checks every entry's files in the tarball and which entries run on the Edge;
 * - scripts/api-report.mjs reports every entry's exports from its .d.ts.
 * `./core-2/…` entries are copies of their Core 3 entry (`./core-2/testing` of `./testing`), made
 * from dist/ by scripts/build-core-2.mjs: they have no source file of their own.
 *
 * Run as a script (`npm run lint` does), it fails when a list JSON cannot compute disagrees with
 * the exports: tsconfig.json `paths` (one per entry with a source, nothing else), .size-limit.json
 * (at least one budget per entry), and the folders scripts/build-core-2.mjs does not copy.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * @typedef {object} Entry
 * @property {string} subpath The key in `exports`: `.`, `./testing`, `./styles.css`…
 * @property {string} specifier What users import: `clerk-session-kit`, `clerk-session-kit/testing`…
 * @property {'module' | 'css'} kind
 * @property {string} target The file users load, relative to the package root: `dist/testing/index.js`.
 * @property {string | null} types Its declarations (`dist/testing/index.d.ts`); null for CSS.
 * @property {string | null} source The source file tsdown builds it from (`src/testing/index.ts`); null for CSS and core-2 copies.
 * @property {string | null} mirrorOf For a core-2 copy, the subpath of the entry it copies (`./testing`).
 * @property {string[]} problems What is wrong with this entry's `exports` item (none when it is well formed).
 */

const rel = (path) => path.replace(/^\.\//, '');
const PACKAGE_NAME = 'clerk-session-kit';
const CORE_2 = './core-2';

/** Every entry of package.json `exports` (`./package.json` aside), in the order written there. */
export function readEntries(root = ROOT) {
  const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));
  if (pkg.name !== PACKAGE_NAME) throw new Error(`package.json: expected the name ${PACKAGE_NAME}, found ${pkg.name}`);
  /** @type {Entry[]} */
  const entries = [];
  for (const [subpath, value] of Object.entries(pkg.exports ?? {})) {
    if (subpath === './package.json') continue;
    const specifier = subpath === '.' ? PACKAGE_NAME : `${PACKAGE_NAME}/${subpath.slice(2)}`;
    const problems = [];
    if (typeof value === 'string') {
      if (!value.endsWith('.css')) problems.push(`a string target must be a stylesheet (got ${value}); modules need { types, default }`);
      entries.push({ subpath, specifier, kind: 'css', target: rel(value), types: null, source: null, mirrorOf: null, problems });
      continue;
    }
    const target = rel(value?.default ?? '');
    const types = rel(value?.types ?? '');
    if (!/^dist\/.+\.js$/.test(target)) problems.push(`"default" must be a ./dist/….js file (got ${value?.default})`);
    if (types !== target.replace(/\.js$/, '.d.ts'))
      problems.push(`"types" must be ${target.replace(/\.js$/, '.d.ts')} (got ${value?.types})`);
    const keys = Object.keys(value ?? {});
    if (keys.join() !== 'types,default') problems.push(`conditions must be exactly "types" then "default" (got ${keys.join(', ')})`);
    const isCopy = subpath === CORE_2 || subpath.startsWith(`${CORE_2}/`);
    let source = null;
    let mirrorOf = null;
    if (isCopy) {
      mirrorOf = subpath === CORE_2 ? '.' : `./${subpath.slice(CORE_2.length + 1)}`;
    } else {
      const stem = target.replace(/^dist\//, 'src/').replace(/\.js$/, '');
      source = ['.ts', '.tsx'].map((ext) => stem + ext).find((file) => existsSync(`${root}/${file}`)) ?? null;
      if (!source) problems.push(`no source file ${stem}.ts or ${stem}.tsx for ${value?.default}`);
    }
    entries.push({ subpath, specifier, kind: 'module', target, types, source, mirrorOf, problems });
  }
  return entries;
}

/** The entries tsdown builds: one source file each (`src/index.ts`, `src/testing/index.ts`…). */
export function sourceEntries(root = ROOT) {
  return readEntries(root).flatMap((e) => (e.source ? [e.source] : []));
}

/** Checks the entries and every list that must agree with them; returns the problems found. */
export function checkEntries(root = ROOT) {
  const problems = [];
  const entries = readEntries(root);
  const bySubpath = new Map(entries.map((e) => [e.subpath, e]));
  for (const e of entries) for (const p of e.problems) problems.push(`package.json exports["${e.subpath}"]: ${p}`);

  // core-2 copies: each mirrors a Core 3 entry at the same place under dist/core-2/, in a folder the copy step copies.
  const buildCore2 = readFileSync(`${root}/scripts/build-core-2.mjs`, 'utf8');
  const skipList = /const SKIP = new Set\(\[([^\]]*)\]\)/.exec(buildCore2)?.[1];
  const skipped = skipList ? [...skipList.matchAll(/'([^']+)'/g)].map((m) => m[1]) : null;
  if (!skipped) problems.push('scripts/build-core-2.mjs: no `const SKIP = new Set([...])` list found (update scripts/check-entries.mjs)');
  for (const e of entries.filter((x) => x.mirrorOf)) {
    const original = bySubpath.get(e.mirrorOf);
    if (!original || original.kind !== 'module' || original.mirrorOf) {
      problems.push(`package.json exports["${e.subpath}"] copies exports["${e.mirrorOf}"], which is not a module entry`);
      continue;
    }
    const expected = original.target.replace(/^dist\//, 'dist/core-2/');
    if (e.target !== expected)
      problems.push(`package.json exports["${e.subpath}"]: expected ./${expected} (the copy of ./${original.target})`);
    const top = original.target.split('/')[1];
    if (skipped?.includes(top))
      problems.push(`package.json exports["${e.subpath}"]: scripts/build-core-2.mjs does not copy dist/${top}/ (its SKIP list)`);
  }

  // tsconfig.json paths: exactly one per entry with a source file, pointing at it.
  const tsconfig = JSON.parse(readFileSync(`${root}/tsconfig.json`, 'utf8'));
  const paths = tsconfig.compilerOptions?.paths ?? {};
  const expectedPaths = new Map(entries.filter((e) => e.source).map((e) => [e.specifier, [`./${e.source}`]]));
  for (const [specifier, want] of expectedPaths) {
    const got = paths[specifier];
    if (!got) problems.push(`tsconfig.json paths: missing "${specifier}": ${JSON.stringify(want)}`);
    else if (JSON.stringify(got) !== JSON.stringify(want))
      problems.push(`tsconfig.json paths["${specifier}"]: expected ${JSON.stringify(want)}, found ${JSON.stringify(got)}`);
  }
  for (const specifier of Object.keys(paths))
    if (!expectedPaths.has(specifier))
      problems.push(`tsconfig.json paths["${specifier}"]: no such entry with a source file in package.json exports`);

  // .size-limit.json: every entry has at least one budget, and every budget measures an entry.
  const budgets = JSON.parse(readFileSync(`${root}/.size-limit.json`, 'utf8'));
  const targets = new Set(entries.map((e) => e.target));
  for (const e of entries)
    if (!budgets.some((b) => b.path === e.target)) problems.push(`.size-limit.json: no budget for ${e.specifier} (path "${e.target}")`);
  for (const b of budgets)
    if (!targets.has(b.path))
      problems.push(`.size-limit.json: "${b.name}" measures ${b.path}, which no entry of package.json exports names`);

  return { entries, problems };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { entries, problems } = checkEntries();
  if (problems.length) {
    console.error(
      `check-entries: ${problems.length} disagreement(s) with package.json exports:\n${problems.map((p) => `  ✗ ${p}`).join('\n')}`,
    );
    process.exit(1);
  }
  console.log(
    `check-entries: ${entries.length} entries (${entries.filter((e) => e.source).length} built from src/, ${entries.filter((e) => e.mirrorOf).length} core-2 copies, ${entries.filter((e) => e.kind === 'css').length} stylesheet); tsconfig paths, size budgets and the core-2 copy step agree`,
  );
}
