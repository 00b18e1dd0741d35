#!/usr/bin/env node
/**
 * npm run bench: runs every bench/*.bench.mjs in its own Node process, one after another (they
 * share two cores; running them side by side would measure each other). Each prints its own
 * figures and ratios against a baseline measured in the same run. Benchmarks never fail on
 * numbers; a benchmark that cannot run (a crash) fails the command. Each also reports its
 * headline figure (bench/summary.mjs), and the run closes with one table of them all.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
const rows = [];
for (const file of files) {
  console.log(`\n== ${file.replace('.bench.mjs', '')} ==`);
  const run = spawnSync(process.execPath, [`${dir}${file}`], {
    stdio: ['inherit', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const line of run.stdout.split('\n')) {
    if (line.startsWith('BENCH-SUMMARY ')) rows.push(JSON.parse(line.slice('BENCH-SUMMARY '.length)));
    else if (line) console.log(line);
  }
  if (run.status !== 0) failed++;
}

if (rows.length) {
  const fmt = (r) => ({ ...r, ratio: typeof r.ratio === 'number' ? `${r.ratio.toFixed(3)}×` : r.ratio });
  const shown = rows.map(fmt);
  const cols = ['measure', 'figure', 'ratio', 'baseline'];
  const widths = Object.fromEntries(cols.map((c) => [c, Math.max(c.length, ...shown.map((r) => String(r[c]).length))]));
  console.log('\n== every benchmark, one table (ratio: the figure against the baseline measured in the same run) ==');
  console.log(cols.map((c) => c.padEnd(widths[c])).join(' | '));
  console.log(cols.map((c) => '-'.repeat(widths[c])).join('-|-'));
  for (const r of shown) console.log(cols.map((c) => String(r[c]).padEnd(widths[c])).join(' | '));
}
process.exit(failed ? 1 : 0);
