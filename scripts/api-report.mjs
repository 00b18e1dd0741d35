#!/usr/bin/env node
/**
 * The public surface, written down: for every entry of package.json `exports` (read by
 * scripts/check-entries.mjs), every export of its built declarations (dist/**\/*.d.ts) with its
 * kind and declared signature, sorted by name, and after them the kit's own types those signatures
 * reach without exporting them (a change there changes the surface too). The TypeScript compiler
 * API reads the kit's .d.ts files only (not other packages' nor the default lib) and type-checks
 * nothing, so it takes a few seconds.
 *
 *   node scripts/api-report.mjs          writes api-report.md (npm run api:report)
 *   node scripts/api-report.mjs --check  fails with a diff when api-report.md differs (npm run check:api)
 *
 * It also fails when one name is exported by two entries with two different meanings.
 * The ./core-2 entries are copies of their Core 3 entry bound to @clerk/clerk-react: the report
 * says so when their surface is the same, and lists it in full when it is not.
 * Run after `npm run build`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { readEntries } from './check-entries.mjs';

const root = new URL('..', import.meta.url).pathname;
const REPORT = 'api-report.md';
const check = process.argv.includes('--check');
const started = Date.now();

const entries = readEntries(root).filter((e) => e.kind === 'module');
const missing = entries.filter((e) => !existsSync(join(root, e.types)));
if (missing.length) {
  console.error(
    `api-report: no declarations for ${missing.map((e) => `${e.specifier} (${e.types})`).join(', ')}: run npm run build first.`,
  );
  process.exit(1);
}

// Only the kit's own declarations are read: what is printed is their text, and the types they
// reach are followed only within dist/. Other packages and the default lib are left out (fast).
const options = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.ReactJSX,
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  noLib: true,
  types: [],
};
const host = ts.createCompilerHost(options);
const outside = (path) => path.includes('/node_modules/');
host.fileExists = (path) => !outside(path) && ts.sys.fileExists(path);
host.directoryExists = (path) => !outside(path) && ts.sys.directoryExists(path);
const program = ts.createProgram(
  entries.map((e) => join(root, e.types)),
  options,
  host,
);
const checker = program.getTypeChecker();
const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });
const dist = join(root, 'dist');
const inDist = (file) => file.startsWith(`${dist}/`);

/** What tsdown adds that means nothing: `$1` suffixes on renamed bindings, counters on namespace imports. */
const normalize = (text) => text.replace(/\b([A-Za-z_]\w*?)\$\d+\b/g, '$1').replace(/\b(react_jsx_runtime)\d+\b/g, '$1');

const KIND = new Map([
  [ts.SyntaxKind.FunctionDeclaration, 'function'],
  [ts.SyntaxKind.ClassDeclaration, 'class'],
  [ts.SyntaxKind.InterfaceDeclaration, 'interface'],
  [ts.SyntaxKind.TypeAliasDeclaration, 'type'],
  [ts.SyntaxKind.VariableDeclaration, 'const'],
  [ts.SyntaxKind.EnumDeclaration, 'enum'],
  [ts.SyntaxKind.ModuleDeclaration, 'namespace'],
]);
const VALUE_KINDS = new Set(['function', 'class', 'const', 'enum', 'namespace']);

const resolve = (symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);

/** One declaration as it reads in the .d.ts, without `export`/`declare` and comments. */
function printDeclaration(decl) {
  const sf = decl.getSourceFile();
  if (ts.isVariableDeclaration(decl)) {
    const keyword = decl.parent.flags & ts.NodeFlags.Const ? 'const' : 'let';
    const type = decl.type
      ? `: ${printer.printNode(ts.EmitHint.Unspecified, ts.transform(decl.type, [canonicalUnions(sf)]).transformed[0], sf)}`
      : '';
    const init = decl.initializer ? ` = ${printer.printNode(ts.EmitHint.Expression, decl.initializer, sf)}` : '';
    return `${keyword} ${decl.name.getText(sf)}${type}${init};`;
  }
  const [node] = ts.transform(decl, [anonymousParameters, canonicalUnions(sf)]).transformed;
  return printer.printNode(ts.EmitHint.Unspecified, node, sf).replace(/^(export |declare |default )+/, '');
}

/**
 * A union's members sorted by their text. A union has no order, and the one TypeScript prints
 * follows its internal type ids, which follow the order it happened to read files in: the same
 * source built in two folders printed `status: "error"` and `status: "loading"` members swapped.
 */
const canonicalUnions = (sf) => (context) => {
  const text = (node) => printer.printNode(ts.EmitHint.Unspecified, node, sf);
  const visit = (node) => {
    const next = ts.visitEachChild(node, visit, context);
    if (!ts.isUnionTypeNode(next)) return next;
    const sorted = [...next.types].sort((a, b) => (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0));
    return context.factory.updateUnionTypeNode(next, context.factory.createNodeArray(sorted));
  };
  return (node) => ts.visitNode(node, visit);
};

/**
 * A destructured parameter reads as `arg0` (`arg1`…, by position): its local names are the
 * implementation's, not the signature's, and renaming one changes nothing for users.
 */
function anonymousParameters(context) {
  const { factory } = context;
  const visit = (node) => {
    if (ts.isParameter(node) && ts.isBindingPattern(node.name)) {
      const index = node.parent.parameters.indexOf(node);
      return factory.updateParameterDeclaration(
        node,
        node.modifiers,
        node.dotDotDotToken,
        factory.createIdentifier(`arg${index}`),
        node.questionToken,
        ts.visitNode(node.type, visit),
        undefined,
      );
    }
    return ts.visitEachChild(node, visit, context);
  };
  return (node) => ts.visitNode(node, visit);
}

/** The kit's own declarations (in dist/) that `decl` names: the types its signature reaches. */
function referencedDeclarations(decl) {
  const found = new Set();
  const visit = (node) => {
    let name;
    if (ts.isTypeReferenceNode(node)) name = node.typeName;
    else if (ts.isTypeQueryNode(node)) name = node.exprName;
    else if (ts.isExpressionWithTypeArguments(node)) name = node.expression;
    if (name) {
      const symbol = checker.getSymbolAtLocation(
        ts.isQualifiedName(name) ? name.right : ts.isPropertyAccessExpression(name) ? name.name : name,
      );
      for (const d of symbol ? (resolve(symbol).declarations ?? []) : [])
        if (inDist(d.getSourceFile().fileName) && KIND.has(d.kind)) found.add(d);
    }
    ts.forEachChild(node, visit);
  };
  // Walk everything but the declaration's own name.
  ts.forEachChild(decl, (child) => (child === decl.name ? undefined : visit(child)));
  return found;
}

/** A declared symbol's identity across entries: the file and place of its first declaration. */
const identity = (decls) => decls.map((d) => `${relative(root, d.getSourceFile().fileName)}:${d.getStart()}`).join(',');
const where = (decl) => relative(root, decl.getSourceFile().fileName);

/** One entry's exports, sorted by name. */
function describe(entry) {
  const sf = program.getSourceFile(join(root, entry.types));
  const moduleSymbol = sf && checker.getSymbolAtLocation(sf);
  const exported = moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : [];
  const items = [];
  for (const symbol of exported) {
    const target = resolve(symbol);
    const decls = (target.declarations ?? []).filter((d) => KIND.has(d.kind));
    const kinds = [...new Set(decls.map((d) => KIND.get(d.kind)))];
    // `export { type X }` of a value: usable as a type only.
    const spec = symbol.declarations?.[0];
    const typeOnly =
      spec && ts.isExportSpecifier(spec) && (spec.isTypeOnly || spec.parent.parent.isTypeOnly) && kinds.some((k) => VALUE_KINDS.has(k));
    const declaredAs = decls.length && target.name !== symbol.name && target.name !== 'default' ? normalize(target.name) : null;
    items.push({
      name: symbol.name,
      kind: `${kinds.join(' + ') || 'from another package (not followed)'}${typeOnly ? ' (type-only export)' : ''}${declaredAs && declaredAs !== symbol.name ? `, declared as ${declaredAs}` : ''}`,
      text: decls.map((d) => normalize(printDeclaration(d))).join('\n'),
      identity: identity(decls),
      decls,
    });
  }
  items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return items;
}

/**
 * The kit's types an entry's signatures reach, transitively, that no entry exports (those are
 * reported with the entry that exports them): what users meet without being able to name.
 */
function unexportedReach(items, exportedAnywhere) {
  const reached = new Set();
  const queue = items.flatMap((i) => i.decls);
  while (queue.length)
    for (const d of referencedDeclarations(queue.pop())) {
      if (exportedAnywhere.has(d) || reached.has(d)) continue;
      reached.add(d);
      queue.push(d);
    }
  return [...reached]
    .map((d) => ({
      label: `${normalize(d.name?.getText() ?? '?')} (${KIND.get(d.kind)}, ${where(d)})`,
      text: normalize(printDeclaration(d)),
    }))
    .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

const block = (parts) => ['```ts', parts.join('\n\n'), '```'].join('\n');
const render = ({ items, internal }) => {
  const out = [`${items.length} exports.`, '', block(items.map((i) => `// ${i.name}: ${i.kind}\n${i.text}`))];
  if (internal.length)
    out.push(
      '',
      `Exported by no entry, reached from the signatures above (${internal.length}):`,
      '',
      block(internal.map((i) => `// ${i.label}\n${i.text}`)),
    );
  return out.join('\n');
};
/** A core-2 copy's surface, read as its Core 3 entry's: the same paths and Clerk specifiers. */
const asCore3 = (text) =>
  text
    .replace(/dist\/core-2\//g, 'dist/')
    .replace(/@clerk\/clerk-react/g, '@clerk/react')
    .replace(/@clerk\/shared\/types/g, '@clerk/react/types');

const exportsOf = new Map(entries.map((e) => [e.subpath, describe(e)]));
// Exported by some entry of the same build (Core 3, or the core-2 copies).
const exportedBy = (copies) =>
  new Set(entries.filter((e) => !!e.mirrorOf === copies).flatMap((e) => exportsOf.get(e.subpath).flatMap((i) => i.decls)));
const exported = { core3: exportedBy(false), core2: exportedBy(true) };
const described = new Map(
  entries.map((e) => {
    const items = exportsOf.get(e.subpath);
    return [e.subpath, { items, internal: unexportedReach(items, e.mirrorOf ? exported.core2 : exported.core3) }];
  }),
);
const problems = [];

// One name, one meaning: a name exported by several (Core 3) entries is the same declaration in each.
const meanings = new Map();
for (const e of entries.filter((x) => !x.mirrorOf))
  for (const item of described.get(e.subpath).items) {
    const seen = meanings.get(item.name) ?? new Map();
    seen.set(item.identity, [...(seen.get(item.identity) ?? []), e.specifier]);
    meanings.set(item.name, seen);
  }
for (const [name, seen] of meanings)
  if (seen.size > 1)
    problems.push(
      `${name} means ${seen.size} things: ${[...seen].map(([id, specs]) => `${specs.join(', ')} (${id.split(',')[0].replace(/:\d+$/, '')})`).join(' vs ')}; rename one`,
    );
for (const e of entries) if (!described.get(e.subpath).items.length) problems.push(`${e.specifier} (${e.types}) exports nothing`);

const sections = entries.map((e) => {
  const rendered = render(described.get(e.subpath));
  const original = e.mirrorOf && entries.find((x) => x.subpath === e.mirrorOf);
  const body =
    original && asCore3(rendered) === render(described.get(original.subpath))
      ? `The exports of \`${original.specifier}\` (the same ${described.get(e.subpath).items.length} names and signatures), with Clerk imported from @clerk/clerk-react.`
      : rendered;
  return `## \`${e.specifier}\`\n\n\`${e.types}\`. ${body}`;
});
const stylesheets = readEntries(root).filter((e) => e.kind === 'css');
const report = [
  '# API report',
  '',
  'Generated by `npm run api:report` from the built declarations (dist/**/*.d.ts) of every entry in package.json `exports`;',
  '`npm run check:api` fails when the published surface differs from this file. Each export: its kind and its declaration as',
  'the .d.ts has it (comments left out, bundler suffixes such as `$1` dropped), sorted by name; then the kit’s own types those',
  'declarations reach that no entry exports (what users meet but cannot import by name).',
  '',
  '| Entry | Exports |',
  '| --- | --- |',
  ...entries.map((e) => `| \`${e.specifier}\` | ${described.get(e.subpath).items.length} |`),
  ...stylesheets.map((e) => `| \`${e.specifier}\` | stylesheet (\`${e.target}\`) |`),
  '',
  ...sections.flatMap((s) => [s, '']),
].join('\n');

if (problems.length) {
  console.error(`api-report: ${problems.length} problem(s):\n${problems.map((p) => `  ✗ ${p}`).join('\n')}`);
  process.exit(1);
}
const took = `${((Date.now() - started) / 1000).toFixed(1)} s`;
const file = join(root, REPORT);
if (!check) {
  writeFileSync(file, report);
  console.log(`api-report: wrote ${REPORT} (${entries.length} entries, ${took})`);
  process.exit(0);
}
const committed = existsSync(file) ? readFileSync(file, 'utf8') : '';
if (committed === report) {
  console.log(`check:api: the public surface matches ${REPORT} (${entries.length} entries, ${took})`);
  process.exit(0);
}
console.error(`check:api: the public surface changed: run npm run api:report and commit ${REPORT}.\n`);
console.error(diff(committed, report, `${REPORT} (committed)`, `${REPORT} (from dist/)`));
process.exit(1);

/** A unified diff of two texts by lines (longest common subsequence), 3 lines of context. */
function diff(a, b, nameA, nameB) {
  const x = a.split('\n');
  const y = b.split('\n');
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let endX = x.length;
  let endY = y.length;
  while (endX > start && endY > start && x[endX - 1] === y[endY - 1]) {
    endX--;
    endY--;
  }
  const n = endX - start;
  const m = endY - start;
  // lcs[i][j]: the longest common subsequence of x[start+i..endX) and y[start+j..endY).
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i][j] = x[start + i] === y[start + j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const ops = x.slice(0, start).map((line) => [' ', line]);
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[start + i] === y[start + j]) {
      ops.push([' ', x[start + i]]);
      i++;
      j++;
    } else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push(['-', x[start + i++]]);
    else ops.push(['+', y[start + j++]]);
  }
  ops.push(...x.slice(endX).map((line) => [' ', line]));
  const out = [`--- ${nameA}`, `+++ ${nameB}`];
  const changed = ops.map((op, k) => (op[0] !== ' ' ? k : -1)).filter((k) => k >= 0);
  for (let h = 0; h < changed.length;) {
    let last = h;
    while (last + 1 < changed.length && changed[last + 1] - changed[last] <= 7) last++;
    const from = Math.max(0, changed[h] - 3);
    const to = Math.min(ops.length, changed[last] + 4);
    const count = (slice, sign) => slice.filter((o) => o[0] !== sign).length;
    const hunk = ops.slice(from, to);
    out.push(
      `@@ -${count(ops.slice(0, from), '+') + 1},${count(hunk, '+')} +${count(ops.slice(0, from), '-') + 1},${count(hunk, '-')} @@`,
      ...hunk.map(([sign, line]) => `${sign}${line}`),
    );
    h = last + 1;
  }
  return out.join('\n');
}
