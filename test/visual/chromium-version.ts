import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

/**
 * The visual project's globalSetup. The baselines are pixels from one Chromium; another version may
 * draw a few of them differently (a focus ring, antialiasing). So the Chromium a baseline update
 * ran on is committed next to the baselines, and every run says when this machine's differs.
 */
const file = fileURLToPath(new URL('./__screenshots__/CHROMIUM_VERSION', import.meta.url));

/** `chromium --version` of the browser the tests launch (vitest.config.ts: CHROMIUM_PATH or Debian's). */
export function chromiumHere() {
  const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  // Debian's /usr/bin/chromium is a shell script that can print noise on stderr: only stdout counts.
  return execFileSync(executable, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

export function chromiumOfBaselines() {
  try {
    return readFileSync(file, 'utf8').trim() || null;
  } catch {
    return null;
  }
}

export default function setup(project: TestProject) {
  const here = chromiumHere();
  if (project.config.snapshotOptions.updateSnapshot === 'all') {
    // `--update` (npm run test:visual:update): the baselines written by this run are this Chromium's.
    writeFileSync(file, `${here}\n`);
    console.log(`visual: baselines taken with ${here} (recorded in test/visual/__screenshots__/CHROMIUM_VERSION)`);
    return;
  }
  const baselines = chromiumOfBaselines() ?? 'unknown (no test/visual/__screenshots__/CHROMIUM_VERSION)';
  if (baselines !== here)
    console.warn(`visual: chromium here: ${here}; baselines taken with: ${baselines}. A screenshot mismatch may be the browser's.`);
}
