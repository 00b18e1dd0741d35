#!/usr/bin/env node
/**
 * Builds the kit's stylesheets (`npm run build:css`, part of `npm run build`):
 * - src/styles.css → dist/styles.css with Tailwind 4 (minified);
 * - src/shadcn.css → dist/shadcn.css (plain CSS, minified by the same CLI).
 * Every rule of the kit sits in its own cascade layer `csk` (sub-layers csk.theme, csk.base,
 * csk.shadcn, csk.components, csk.utilities), never in the generic names an app's Tailwind uses.
 * Tailwind always wraps its @property fallback in `@layer properties`, a name it does not let us
 * choose: it is renamed `csk.properties` here. Then each output is checked: at its top level only
 * `@layer csk…`, `@property` and `@keyframes` (neither of which takes a layer's order), so nothing of
 * the kit is left unlayered or in a layer an app's own stylesheet would merge with.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const tailwind = join(root, 'node_modules/.bin/tailwindcss');

/** The top-level statements of a stylesheet (their preludes), comments dropped. */
export function topLevel(css) {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const out = [];
  let depth = 0;
  let start = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{') {
      if (depth++ === 0) out.push(text.slice(start, i).trim());
    } else if (c === '}') {
      if (--depth === 0) start = i + 1;
    } else if (c === ';' && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  return out.filter(Boolean);
}

/**
 * The one statement that names an app's layers: order only (a statement holds no rules), placing
 * csk above a Tailwind 4 app's base and below its classes when the kit's stylesheet loads first.
 */
export const ORDER = 'theme, base, csk, components, utilities';

/** What is wrong with a built stylesheet's layering (nothing when every rule is in `csk`). */
export function layerProblems(css) {
  return topLevel(css).flatMap((prelude) => {
    if (/^@(property|keyframes)\s/.test(prelude)) return [];
    if (
      /^@layer\s/.test(prelude) &&
      prelude
        .replace(/^@layer\s+/, '')
        .replace(/\s+/g, ' ')
        .replace(/ ?, ?/g, ', ') === ORDER
    )
      return [];
    const layers = /^@layer\s+(.+)$/
      .exec(prelude)?.[1]
      .split(',')
      .map((name) => name.trim());
    if (!layers) return [`unlayered: ${prelude.slice(0, 80)}`];
    return layers.filter((name) => name !== 'csk' && !name.startsWith('csk.')).map((name) => `layer "${name}" is not the kit's own`);
  });
}

/**
 * dist/styles.css as Tailwind wrote it, with its `properties` layer renamed `csk.properties` and the
 * order statement moved to the very top: Tailwind emits that layer first, and a layer's place is
 * fixed where its name first appears, so `csk.properties` ahead of the statement would put csk below
 * the app's base.
 */
export function orderFirst(css) {
  const statement = /@layer\s*theme\s*,\s*base\s*,\s*csk\s*,\s*components\s*,\s*utilities\s*;/;
  if (!statement.test(css)) throw new Error(`build-css: src/styles.css lost its order statement (@layer ${ORDER};)`);
  const body = css.replace(statement, '').replace(/@layer properties(?=[{;])/g, '@layer csk.properties');
  const banner = /^\/\*![\s\S]*?\*\/\n?/.exec(body)?.[0] ?? '';
  return `${banner}@layer ${ORDER.replaceAll(' ', '')};${body.slice(banner.length)}`;
}

function build(input, output, transform = (css) => css) {
  execFileSync(tailwind, ['-i', join(root, input), '-o', join(root, output), '--minify'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const css = transform(readFileSync(join(root, output), 'utf8'));
  writeFileSync(join(root, output), css);
  const problems = layerProblems(css);
  if (problems.length) {
    console.error(`build-css: ${output} has rules outside the kit's layer "csk":\n${problems.map((p) => `  ✗ ${p}`).join('\n')}`);
    process.exit(1);
  }
  const names = [...new Set(topLevel(css).flatMap((p) => /^@layer\s+(.+)$/.exec(p)?.[1].split(/,\s*/) ?? []))];
  console.log(`build-css: ${output} (${css.length} bytes), layers ${names.join(', ')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  build('src/styles.css', 'dist/styles.css', orderFirst);
  build('src/shadcn.css', 'dist/shadcn.css');
}
