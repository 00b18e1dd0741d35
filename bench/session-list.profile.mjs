#!/usr/bin/env node
/**
 * Where SessionList's first render of N devices spends its time: the bench page, built unminified
 * in production mode, rendered `RUNS` times under Chromium's CPU profiler; prints the functions
 * with the most self time in the measured window (root.render() until every row is in the DOM)
 * and the total. A tool for finding the cost, not a benchmark:
 * `node bench/session-list.profile.mjs [devices=500] [runs=10]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import { launchChromium } from '../scripts/chromium.mjs';

const root = new URL('.', import.meta.url).pathname;
const N = Number(process.argv[2] ?? 500);
const RUNS = Number(process.argv[3] ?? 10);

const outDir = mkdtempSync(join(tmpdir(), 'csk-profile-'));
await build({
  root,
  configFile: false,
  logLevel: 'error',
  mode: 'production',
  define: { 'process.env.NODE_ENV': '"production"' },
  oxc: { jsx: { runtime: 'automatic' } },
  build: { outDir, emptyOutDir: true, minify: false },
});
const server = await preview({ root, configFile: false, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  await page.goto(server.resolvedUrls.local[0]);
  await page.waitForFunction(() => 'runSessionListBench' in window);
  await page.evaluate(([n]) => window.runSessionListBench([n], 3, 0), [N]);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  // Only the measured window is profiled: the mock's setup and the unmount stay outside it.
  const self = new Map();
  let total = 0;
  const times = { [N]: [] };
  for (let r = 0; r < RUNS; r++) {
    await page.evaluate((n) => window.prepareSessionList(n), N);
    await cdp.send('Profiler.start');
    times[N].push(await page.evaluate(() => window.measureSessionList()));
    const { profile } = await cdp.send('Profiler.stop');
    await page.evaluate(() => window.disposeSessionList());
    const dt = new Map();
    profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    for (const node of profile.nodes) {
      const { functionName, url, lineNumber } = node.callFrame;
      if (functionName === '(idle)' || functionName === '(program)') continue;
      const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
      const us = dt.get(node.id) ?? 0;
      total += us;
      self.set(key, (self.get(key) ?? 0) + us);
    }
  }
  const sorted = [...times[N]].sort((a, b) => a - b);
  console.log(`${N} devices, ${RUNS} runs, median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, min ${sorted[0].toFixed(1)} ms`);
  console.log(`self time per run (ms), total busy ${(total / 1000 / RUNS).toFixed(1)} ms per run:`);
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40))
    console.log(`${(us / 1000 / RUNS).toFixed(2).padStart(7)}  ${key}`);
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
  if (process.env.KEEP) console.log(`kept ${outDir}`);
  else rmSync(outDir, { recursive: true, force: true });
}
