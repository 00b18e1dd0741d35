#!/usr/bin/env node
/**
 * npm run bench: runs every bench/*.bench.mjs in its own Node process, one after another (they
 * share two cores; running them side by side would measure each other). Each prints its own
 * figures and ratios against a baseline measured in the same run. Benchmarks never fail on
 * numbers; a benchmark that cannot run (a crash) fails the command.
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
for (const file of files) {
  console.log(`\n== ${file.replace('.bench.mjs', '')} ==`);
  const run = spawnSync(process.execPath, [`${dir}${file}`], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
