#!/usr/bin/env node
/**
 * SessionList's first render in Chromium with 50 and 500 device sessions.
 * Builds bench/index.html with Vite in production mode (React's production build), serves it on
 * 127.0.0.1, and times, in the page, root.render() until every device row is in the DOM.
 * 50 devices is the baseline; the ratio says how the cost grows (10× would be linear).
 * A benchmark, not a test: it prints numbers and never fails on them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../scripts/chromium.mjs';
import { build, preview } from 'vite';
import { summary } from './summary.mjs';

const root = new URL('.', import.meta.url).pathname;
const SIZES = [50, 500];
const WARMUP = 5;
const RUNS = 20;

const outDir = mkdtempSync(join(tmpdir(), 'csk-bench-'));
await build({
  root,
  configFile: false,
  logLevel: 'error', // not the 'use client' notes: the bench page is one bundle on purpose
  mode: 'production',
  define: { 'process.env.NODE_ENV': '"production"' },
  oxc: { jsx: { runtime: 'automatic' } },
  build: { outDir, emptyOutDir: true },
});
const server = await preview({
  root,
  configFile: false,
  logLevel: 'warn',
  build: { outDir },
  preview: { host: '127.0.0.1', port: 0 },
});
const url = server.resolvedUrls.local[0];

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  await page.goto(url);
  await page.waitForFunction(() => 'runSessionListBench' in window);
  const reactMode = await page.evaluate(() => window.reactMode);
  if (reactMode !== 'production') throw new Error(`React ran in ${reactMode} mode: the numbers would not mean anything`);
  const times = await page.evaluate(([sizes, warmup, runs]) => window.runSessionListBench(sizes, warmup, runs), [SIZES, WARMUP, RUNS]);

  // Nearest rank: with 20 runs the median is the 10th fastest, p90 the 18th.
  const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(q * xs.length) - 1)];
  const rows = SIZES.map((n) => ({
    devices: n,
    median: quantile(times[n], 0.5),
    p90: quantile(times[n], 0.9),
    min: Math.min(...times[n]),
  }));
  const base = rows[0].median;
  console.log(
    `SessionList first render, Chromium ${browser.version()}, React ${reactMode} build (checked in the page), ${RUNS} runs per size after ${WARMUP} warm-ups`,
  );
  console.log('devices   median ms   p90 ms   min ms   ratio to 50');
  for (const r of rows) {
    console.log(
      `${String(r.devices).padStart(7)}   ${r.median.toFixed(1).padStart(9)}   ${r.p90.toFixed(1).padStart(6)}   ${r.min.toFixed(1).padStart(6)}   ${(r.median / base).toFixed(2).padStart(10)}×`,
    );
  }
  summary('SessionList first render, 500 devices', `${rows[1].median.toFixed(1)} ms`, rows[1].median / base, '50 devices (linear: 10×)');
  console.log(`(10× more devices; linear scaling would be a ratio of 10.00×)`);
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
  rmSync(outDir, { recursive: true, force: true });
}
