#!/usr/bin/env node
/**
 * SessionList's first render in Chromium with 50 and 500 device sessions, against two baselines
 * measured in the same run:
 * - 50 devices: the ratio says how the cost grows (10× would be linear);
 * - the SessionList before the v2 rework (REFERENCE below, the "17 ms" of issue 20), built from
 *   git history into a temporary folder: the ratio says whether today's list costs more than that
 *   one did, on this machine, in the same minutes. A shared machine's load moves both alike,
 *   which an absolute figure cannot show (the same reference measures 17 to 60 ms by the hour).
 * Each page is built with Vite in production mode (React's production build) and served on
 * 127.0.0.1; in the page, root.render() is timed until every device row is in the DOM. The two
 * pages are measured in alternation, a run each, so neither gets the quieter minutes.
 * A benchmark, not a test: it prints numbers and never fails on them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../scripts/chromium.mjs';
import { build, preview } from 'vite';
import { summary } from './summary.mjs';

const here = new URL('.', import.meta.url).pathname;
const repo = join(here, '..');
/** The last commit before the Sessions UI v2 merge: its SessionList, mock and bench page. */
const REFERENCE = '060691b';
const SIZES = [50, 500];
const WARMUP = 5;
const RUNS = 60;

const tmp = mkdtempSync(join(tmpdir(), 'csk-bench-'));

/** Builds the bench page under `root` (production React) and serves it; resolves with its URL and server. */
async function serve(root, name) {
  const outDir = join(tmp, `out-${name}`);
  await build({
    root,
    configFile: false,
    logLevel: 'error', // not the 'use client' notes: the bench page is one bundle on purpose
    mode: 'production',
    define: { 'process.env.NODE_ENV': '"production"' },
    oxc: { jsx: { runtime: 'automatic' } },
    build: { outDir, emptyOutDir: true },
  });
  const server = await preview({ root, configFile: false, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
  return { url: server.resolvedUrls.local[0], server };
}

/** The reference's src/ and bench page from git, on today's node_modules; null without that history (a shallow clone). */
function referenceTree() {
  const dir = join(tmp, 'reference');
  mkdirSync(dir);
  try {
    const archive = execFileSync('git', ['-C', repo, 'archive', REFERENCE, 'src', 'bench/index.html', 'bench/session-list.page.tsx']);
    execFileSync('tar', ['-x', '-C', dir], { input: archive });
  } catch {
    return null;
  }
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return join(dir, 'bench');
}

const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(q * xs.length) - 1)];

const servers = [];
const browser = await launchChromium();
try {
  const refRoot = referenceTree();
  const builds = [{ name: 'today', root: here }, ...(refRoot ? [{ name: `before v2 (${REFERENCE})`, root: refRoot }] : [])];
  const pages = [];
  for (const b of builds) {
    const { url, server } = await serve(b.root, pages.length);
    servers.push(server);
    const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    await page.goto(url);
    await page.waitForFunction(() => 'runSessionListBench' in window);
    const mode = await page.evaluate(() => window.reactMode);
    await page.bringToFront();
    if (mode !== 'production') throw new Error(`React ran in ${mode} mode (${b.name}): the numbers would not mean anything`);
    await page.evaluate(([sizes, warmup]) => window.runSessionListBench(sizes, warmup, 0), [SIZES, WARMUP]);
    pages.push({ ...b, page, times: Object.fromEntries(SIZES.map((n) => [n, []])) });
  }
  // One run of each size on each page, in turn, the order swapped every round.
  for (let i = 0; i < RUNS; i++) {
    for (const p of i % 2 ? [...pages].reverse() : pages) {
      await p.page.bringToFront(); // the page measured is the one in front, as a user's tab would be
      const t = await p.page.evaluate(([sizes]) => window.runSessionListBench(sizes, 0, 1), [SIZES]);
      for (const n of SIZES) p.times[n].push(...t[n]);
    }
  }

  console.log(
    `SessionList first render, Chromium ${browser.version()}, React production build (checked in each page), ${RUNS} runs per size after ${WARMUP} warm-ups, pages in alternation`,
  );
  console.log('build                   devices   median ms   p90 ms   min ms   ratio to 50');
  const medians = pages.map((p) => {
    const med = Object.fromEntries(SIZES.map((n) => [n, quantile(p.times[n], 0.5)]));
    for (const n of SIZES) {
      const xs = p.times[n];
      console.log(
        `${p.name.padEnd(22)}  ${String(n).padStart(7)}   ${med[n].toFixed(1).padStart(9)}   ${quantile(xs, 0.9).toFixed(1).padStart(6)}   ${Math.min(
          ...xs,
        )
          .toFixed(1)
          .padStart(6)}   ${(med[n] / med[SIZES[0]]).toFixed(2).padStart(10)}×`,
      );
    }
    return med;
  });
  const [today, reference] = medians;
  summary('SessionList first render, 500 devices', `${today[500].toFixed(1)} ms`, today[500] / today[50], '50 devices (linear: 10×)');
  if (reference) {
    summary(
      'SessionList first render, 500 devices',
      `${today[500].toFixed(1)} ms`,
      today[500] / reference[500],
      `SessionList before v2 (${REFERENCE}): ${reference[500].toFixed(1)} ms`,
    );
    console.log(`today / before v2 at 500 devices: ${(today[500] / reference[500]).toFixed(2)}× (below 1: today's list is the cheaper)`);
  } else console.log(`(no git history for ${REFERENCE}: the comparison with the list before v2 is skipped)`);
  console.log(`(10× more devices; linear scaling would be a ratio of 10.00×)`);
} finally {
  await browser.close();
  for (const s of servers) await new Promise((resolve) => s.httpServer.close(resolve));
  rmSync(tmp, { recursive: true, force: true });
}
