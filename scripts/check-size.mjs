#!/usr/bin/env node
/**
 * npm run size: the size budgets of .size-limit.json (size-limit, brotli, peers excluded), and a
 * test of the gate itself: the same checks re-run with every budget set 1 byte below what was
 * just measured must all fail, so a budget that is exceeded can never pass quietly.
 * Run after `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const sizeLimit = join(root, 'node_modules/.bin/size-limit');
const measure = (cwd) => {
  const run = spawnSync(sizeLimit, ['--json'], { cwd, encoding: 'utf8' });
  let results;
  try {
    results = JSON.parse(run.stdout);
  } catch {
    throw new Error(`size-limit printed no results:\n${run.stdout}\n${run.stderr}`);
  }
  if (!Array.isArray(results)) throw new Error(`size-limit failed: ${results.error ?? run.stdout}`);
  return { status: run.status, results };
};
const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;

// 1. The real budgets.
const { status, results } = measure(root);
console.log('budget check (brotli, React, Next, Clerk and other peers excluded)');
for (const r of results) console.log(`${r.passed ? '✓' : '✗'} ${r.name.padEnd(58)} ${kB(r.size).padStart(9)} of ${kB(r.sizeLimit)}`);

// 2. The gate: every budget 1 byte under its measured size, in a scratch folder that sees the
//    same dist/ and node_modules/.
const scratch = mkdtempSync(join(tmpdir(), 'csk-size-gate-'));
let gateHolds;
try {
  const config = JSON.parse(readFileSync(join(root, '.size-limit.json'), 'utf8'));
  const bySize = new Map(results.map((r) => [r.name, r.size]));
  writeFileSync(join(scratch, '.size-limit.json'), JSON.stringify(config.map((c) => ({ ...c, limit: `${bySize.get(c.name) - 1} B` }))));
  writeFileSync(join(scratch, 'package.json'), readFileSync(join(root, 'package.json')));
  for (const dir of ['dist', 'node_modules']) symlinkSync(join(root, dir), join(scratch, dir));
  const gate = measure(scratch);
  gateHolds = gate.status !== 0 && gate.results.every((r) => !r.passed);
  console.log(
    `${gateHolds ? '✓' : '✗'} the gate fails when a budget is exceeded (${gate.results.filter((r) => !r.passed).length} of ${gate.results.length} checks over by 1 B failed)`,
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

process.exit(status === 0 && results.every((r) => r.passed) && gateHolds ? 0 : 1);
