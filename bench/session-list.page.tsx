/**
 * Bench page (built by bench/run.mjs in production mode): renders SessionList on a mock Clerk
 * with N device sessions and times the first render, from root.render() until all N rows are in
 * the DOM (the device list arrives through user.getSessions(), as in an app).
 */
import { createRoot } from 'react-dom/client';
import { SessionList } from '../src/index';
import { createMockClerk, MockClerkProvider, type MockDeviceSession } from '../src/testing/index';

const NOW = Date.parse('2026-01-15T12:00:00Z');
const BROWSERS = [
  ['Chrome', '142.0', 'Macintosh', false],
  ['Safari', '19.1', 'iPhone', true],
  ['Firefox', '145.0', 'Linux', false],
  ['Edge', '141.0', 'Windows', false],
  ['Chrome Mobile', '142.0', 'Android', true],
] as const;
const CITIES = [
  ['Berlin', 'DE'],
  ['Lisbon', 'PT'],
  ['Paris', 'FR'],
  ['London', 'GB'],
  ['Tokyo', 'JP'],
  ['São Paulo', 'BR'],
] as const;

function devices(n: number): MockDeviceSession[] {
  return Array.from({ length: n - 1 }, (_, i) => {
    const [browserName, browserVersion, deviceType, isMobile] = BROWSERS[i % BROWSERS.length] ?? BROWSERS[0];
    const [city, country] = CITIES[i % CITIES.length] ?? CITIES[0];
    return {
      id: `sess_bench_${i}`,
      lastActiveAt: NOW - (i + 1) * 7 * 60_000,
      latestActivity: {
        browserName,
        browserVersion,
        deviceType,
        isMobile,
        city,
        country,
        ipAddress: `198.51.100.${i % 250}`,
      },
    };
  });
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * A mock Clerk with `n` device sessions and an empty container: `measure()` renders SessionList
 * and resolves with the ms from root.render() until all `n` rows are in the DOM; `dispose()`
 * unmounts it. Split so a profiler can watch the measured window alone.
 */
function prepare(n: number) {
  const clerk = createMockClerk({
    now: NOW,
    state: {
      users: [
        {
          id: 'user_ada',
          firstName: 'Ada',
          lastName: 'Lovelace',
          emailAddress: 'ada@example.com',
          devices: devices(n),
        },
      ],
      sessions: [{ id: 'sess_ada', userId: 'user_ada' }],
    },
  });
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const measure = () =>
    new Promise<number>((resolve, reject) => {
      const start = performance.now();
      root.render(
        <MockClerkProvider clerk={clerk}>
          <SessionList />
        </MockClerkProvider>,
      );
      const observer = new MutationObserver(() => {
        if (container.querySelectorAll('li[data-slot="device"]').length === n) {
          const end = performance.now();
          observer.disconnect();
          resolve(end - start);
        }
      });
      observer.observe(container, { childList: true, subtree: true });
      setTimeout(() => reject(new Error(`${n} device rows did not appear within 10 s`)), 10_000);
    });
  const dispose = async () => {
    root.unmount();
    container.remove();
    await nextTask();
  };
  return { measure, dispose };
}

async function once(n: number): Promise<number> {
  const { measure, dispose } = prepare(n);
  const ms = await measure();
  await dispose();
  return ms;
}

let prepared: ReturnType<typeof prepare> | null = null;
/** For bench/session-list.profile.mjs: prepare a render of `n` devices, then measure and dispose it. */
const profileHooks = {
  prepareSessionList: (n: number) => void (prepared = prepare(n)),
  measureSessionList: () => prepared?.measure(),
  disposeSessionList: () => prepared?.dispose(),
};

/** Runs `runs` measured renders per size after `warmup` unmeasured ones, sizes interleaved. */
async function run(sizes: number[], warmup: number, runs: number) {
  for (let i = 0; i < warmup; i++) for (const n of sizes) await once(n);
  const times: Record<number, number[]> = Object.fromEntries(sizes.map((n) => [n, []]));
  for (let i = 0; i < runs; i++) for (const n of sizes) (times[n] ??= []).push(await once(n));
  return times;
}

/** React's development JSX runtime gives elements a `_store` (for key warnings); production does not. */
const reactMode = '_store' in <i /> ? 'development' : 'production';

Object.assign(window, { runSessionListBench: run, reactMode, ...profileHooks });
