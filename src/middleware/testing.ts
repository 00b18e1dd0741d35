/**
 * clerk-session-kit/middleware/testing (Node only, for your tests): checks that your
 * middleware's `config.matcher` runs the middleware on every route you protect (a route the
 * matcher skips is protected only by its handler guard), and audits a running app's routes as
 * each persona and under the path variants Next may route (auditRoutes).
 */
import type { NextConfig } from 'next';

export { explainRoute, type RouteExplanation } from '../core/route-explain';
export {
  auditRoutes,
  ROUTE_AUDIT_VARIANTS,
  type NextBuildRoutes,
  type RouteAnswer,
  type RouteAuditFinding,
  type RouteAuditOptions,
  type RouteAuditPersona,
  type RouteAuditResult,
  type RouteAuditRow,
  type RouteVariant,
} from './route-audit';
export {
  formatAuditTable,
  readNextRoutes,
  runRouteAuditCli,
  type ReadNextRoutesOptions,
  type RouteAuditCliOptions,
  type RouteAuditReadFile,
} from './route-audit-report';

export interface MatcherCoverageInput {
  /** Your middleware's `config` (the same object: import it from middleware.ts / proxy.ts). */
  config: { matcher?: string | readonly (string | { source: string })[] };
  /** Paths (with query if it matters) that must run through the middleware, e.g. `'/admin/report.csv'`. */
  paths: readonly string[];
  /** Your next.config (basePath, i18n) when it changes matching. */
  nextConfig?: NextConfig;
}

/** The paths your matcher skips (empty when every path is covered). */
export async function findUnmatchedPaths({ config, paths, nextConfig }: MatcherCoverageInput): Promise<string[]> {
  // Next's testing helper loads server internals that expect the runtime's AsyncLocalStorage.
  if (!Reflect.has(globalThis, 'AsyncLocalStorage'))
    Reflect.set(globalThis, 'AsyncLocalStorage', (await import('node:async_hooks')).AsyncLocalStorage);
  const { unstable_doesMiddlewareMatch } = await import('next/experimental/testing/server.js');
  const matcherConfig = {
    // eslint-disable-next-line @typescript-eslint/consistent-type-assertions -- Next types the matcher as mutable arrays; ours is readonly, and Next only reads it
    matcher: config.matcher as Parameters<typeof unstable_doesMiddlewareMatch>[0]['config']['matcher'],
  };
  return paths.filter((path) => !unstable_doesMiddlewareMatch({ config: matcherConfig, url: path, nextConfig }));
}

/** Throws an Error listing the skipped paths; use it in a test. */
export async function assertMatcherCovers(input: MatcherCoverageInput): Promise<void> {
  const missed = await findUnmatchedPaths(input);
  if (missed.length > 0) {
    throw new Error(
      `Your middleware matcher skips ${missed.length} protected path(s): ${missed.join(', ')}. The middleware never runs there; widen config.matcher (see RECOMMENDED_MATCHER).`,
    );
  }
}
