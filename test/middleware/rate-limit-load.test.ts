/**
 * The load scenario of test/support/rate-limit-load.ts (bench/rate-limit.bench.mjs prints its figures), asserted: two instances of the real middleware
 * (createSessionMiddleware over clerkMiddleware, real signed session tokens) on one real
 * redis-server, 50 users, 1,000 requests; Redis stopped mid-run; Redis restarted. Latency is
 * measured here too but only printed by `npm run bench` (numbers are never asserted).
 */
import { describe, expect, it } from 'vitest';
import { LIMIT, runRateLimitLoad } from '../support/rate-limit-load';

describe('given two middleware instances sharing one real redis-server', () => {
  it('should admit exactly the limit per user, follow the fail policy while Redis is down, and resume after', async () => {
    // A generous store timeout: on a busy CI machine a slow answer must not fail open here.
    const report = await runRateLimitLoad({ latencyRuns: 200, timeoutMs: 5_000 });

    expect(report.otherStatuses).toEqual([]); // every request was authenticated: 200 or 429, never 401
    expect(Object.keys(report.admittedPerUser)).toHaveLength(50);
    for (const admitted of Object.values(report.admittedPerUser)) expect(admitted).toBe(LIMIT);
    expect(report.overAdmitted).toBe(0);
    expect(report.failedOpen).toBe(0);
    expect(report.refused429).toBe(1000 - 50 * LIMIT);

    expect(report.down.sent).toBeGreaterThan(0);
    expect(report.down.violations).toEqual([]);
    expect(report.down.openAdmitted).toBeGreaterThan(0);
    expect(report.down.closedRefused).toBeGreaterThan(0);

    expect(report.resumed).toEqual({ sent: LIMIT + 5, admitted: LIMIT, refused: 5, failureHeaders: 0 });
    for (const log of report.logs) {
      expect(log).toHaveLength(2);
      expect(log[0]).toMatch(/store failed/);
      expect(log[1]).toMatch(/answers again/);
    }
    expect(report.unhandledRejections).toBe(0);
  }, 60_000);
});
