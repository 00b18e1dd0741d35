// @vitest-environment node
/**
 * The sliding window (the default) against the fixed window, on the memory store's injectable
 * clock: no test waits for time to pass.
 */
import { describe, expect, it } from 'vitest';
import { createRateLimiter, memoryStore, type RateLimitDecision } from '../../src/middleware/rate-limit';

const T0 = Date.parse('2026-01-15T12:00:00Z'); // a multiple of every window used here
const silent = () => {};

/** A limiter on the memory store with a clock the test moves. */
function clocked(limit: number, window: '1m' | '10s', algorithm?: 'sliding' | 'fixed') {
  let now = T0;
  const limiter = createRateLimiter({
    rules: [{ match: '/api/*', limit, window }],
    algorithm,
    store: memoryStore({ now: () => now }),
    log: silent,
  });
  return {
    at: (t: number) => void (now = t),
    get now() {
      return now;
    },
    ask: () => limiter.check({ request: new Request('https://app.test/api/x'), userId: 'user_a', path: '/api/x' }),
  };
}

/** The most of `times` that fall in any span [t, t + span). */
const mostInSpan = (times: number[], span: number) => Math.max(0, ...times.map((t) => times.filter((u) => u >= t && u < t + span).length));

describe('given a client that sends the limit just before a window ends and again just after', () => {
  const W = 60_000;
  const L = 10;

  /** 1 request at T0 (a fixed window starts there), the rest of the limit 100 ms before T0 + W, the limit again `d` after it. */
  async function burstAcrossBoundary(algorithm: 'sliding' | 'fixed' | undefined, d: number) {
    const client = clocked(L, '1m', algorithm);
    const admitted: number[] = [];
    const send = async (n: number) => {
      for (let i = 0; i < n; i++) if ((await client.ask()).allowed) admitted.push(client.now);
    };
    await send(1);
    client.at(T0 + W - 100);
    await send(L);
    client.at(T0 + W + d);
    const before = admitted.length;
    await send(L);
    return { admitted, secondBurst: admitted.length - before };
  }

  for (const d of [1, 100, 6_000, 30_000]) {
    it(`should admit at most limit + ⌊limit × d / window⌋ in any window-length span with the sliding window (d = ${d} ms)`, async () => {
      const { admitted, secondBurst } = await burstAcrossBoundary(undefined, d);
      const tolerance = Math.floor((L * d) / W); // the share of the previous window that no longer overlaps
      expect(secondBurst).toBe(tolerance);
      expect(mostInSpan(admitted, W)).toBeLessThanOrEqual(L + tolerance);
    });
  }

  it('should admit nearly twice the limit in one window-length span with the fixed window', async () => {
    const { admitted, secondBurst } = await burstAcrossBoundary('fixed', 100);
    expect(secondBurst).toBe(L);
    expect(mostInSpan(admitted, W)).toBe(2 * L - 1);
  });
});

describe('given a limit of 3 per minute on the sliding window', () => {
  const header = (d: RateLimitDecision) => d.headers.get('RateLimit');

  it('should say in RateLimit how many may still be sent and when more may, and in Retry-After when the next is admitted', async () => {
    const client = clocked(3, '1m');
    client.at(T0 + 30_000); // halfway through a window, none in the previous one
    expect(header(await client.ask())).toBe('"/api/*";r=2;t=90'); // 1 weighs until the next window ends
    expect(header(await client.ask())).toBe('"/api/*";r=1;t=60'); // 2 weigh 1 from halfway through the next
    expect(header(await client.ask())).toBe('"/api/*";r=0;t=50'); // 3 weigh 2 from a third of the way through it
    const refused = await client.ask();
    expect(refused.allowed).toBe(false);
    expect(header(refused)).toBe('"/api/*";r=0;t=50');
    expect(refused.response?.headers.get('Retry-After')).toBe('50');
    expect(await refused.response?.json()).toEqual({
      error: 'too_many_requests',
      message: 'Too many requests. Try again in 50 s.',
      retryAfter: 50,
    });

    client.at(T0 + 79_999);
    expect((await client.ask()).allowed).toBe(false);
    client.at(T0 + 80_000);
    const next = await client.ask();
    expect(next.allowed).toBe(true);
    // Now 1 in this window and 3 × 40/60 of the previous: nothing left until the share drops to 1.
    expect(header(next)).toBe('"/api/*";r=0;t=20');
  });

  it('should weigh a full window entirely at the start of the next, less as it goes, and forget it after', async () => {
    const client = clocked(3, '1m');
    for (let i = 0; i < 3; i++) await client.ask();
    client.at(T0 + 60_000);
    expect((await client.ask()).allowed).toBe(false);
    client.at(T0 + 100_000); // 3 × 20/60 = 1 still counts
    expect(header(await client.ask())).toBe('"/api/*";r=1;t=20');
    client.at(T0 + 180_000); // the window with 1 request has ended too
    expect(header(await client.ask())).toBe('"/api/*";r=2;t=120');
  });
});

describe('given a client that retries exactly when Retry-After says', () => {
  it('should be refused a second earlier and admitted then, every time', async () => {
    const client = clocked(5, '10s');
    let seed = 7;
    const random = () => ((seed = (seed * 16_807) % 2_147_483_647) - 1) / 2_147_483_646;
    client.at(T0 + 1_234);
    for (let round = 0; round < 40; round++) {
      let decision: RateLimitDecision;
      while ((decision = await client.ask()).allowed) client.at(client.now + Math.floor(random() * 1_500));
      const retryAfter = Number(decision.response?.headers.get('Retry-After'));
      expect(decision.headers.get('RateLimit')).toBe(`"/api/*";r=0;t=${retryAfter}`);
      const refusedAt = client.now;
      client.at(refusedAt + (retryAfter - 1) * 1000);
      expect((await client.ask()).allowed).toBe(false); // refused requests are not counted
      client.at(refusedAt + retryAfter * 1000);
      expect((await client.ask()).allowed).toBe(true);
    }
  });
});

describe('given any sequence of requests on the sliding window', () => {
  /**
   * A brute-force model of the sliding window: the admitted requests' times; a request is admitted
   * when this window's count + 1 + the previous window's count × the share still overlapping is at
   * most the limit. What may still be sent is found by trying one request after another, and when
   * more may be sent by trying every following millisecond.
   */
  function model(W: number, L: number) {
    const admitted: number[] = [];
    const room = (t: number) => {
      const w = Math.floor(t / W);
      let c = admitted.filter((a) => Math.floor(a / W) === w).length;
      const p = admitted.filter((a) => Math.floor(a / W) === w - 1).length;
      let k = 0;
      while (c + 1 + (p * (W - (t - w * W))) / W <= L) [c, k] = [c + 1, k + 1];
      return k;
    };
    return (t: number) => {
      const counted = room(t) > 0;
      if (counted) admitted.push(t);
      const remaining = room(t);
      let resetMs = 1;
      while (room(t + resetMs) <= remaining) resetMs++;
      return { counted, remaining, resetMs };
    };
  }

  for (const L of [1, 2, 3, 5, 8]) {
    it(`should decide, count and time every request as the model does (limit ${L})`, async () => {
      const W = 1_000;
      let now = T0 + 17;
      const store = memoryStore({ now: () => now });
      const expected = model(W, L);
      let seed = 1_000 + L;
      const random = () => ((seed = (seed * 48_271) % 2_147_483_647) - 1) / 2_147_483_646;
      let refusals = 0;
      for (let i = 0; i < 300; i++) {
        const r = random();
        now += r < 0.4 ? 0 : r < 0.8 ? Math.floor(random() * 200) : Math.floor(random() * 1_500);
        const want = expected(now);
        const got = await store.hit('k', W, { algorithm: 'sliding', limit: L, signedIn: true });
        expect(
          { counted: got.count <= L, remaining: Math.max(0, L - got.count), resetMs: got.resetMs },
          `request ${i} at +${now - T0} ms`,
        ).toEqual(want);
        if (!want.counted) refusals++;
      }
      expect(refusals).toBeGreaterThan(10); // the sequence does reach the limit
    });
  }
});
