/**
 * The route audit (clerk-session-kit/middleware/testing, for your tests): every route of a
 * running app, requested as each persona, as its plain path and as the variants Next may route
 * differently from it (the bypass inputs of src/core/route-policy.ts). Flags a route served to a
 * signed-out visitor that `publicRoutes` does not list, and a variant answered more permissively
 * than its plain path. Plain `fetch` with `redirect: 'manual'`: it works on any app, kit or not.
 */
import { compileRoutePatterns } from '../core/route-pattern';
import { policyLists } from '../core/route-policy';

/** Who asks. A persona with no `cookie` and no `authorization` header counts as signed out. */
export interface RouteAuditPersona {
  name: string;
  /** The whole Cookie header, e.g. `'__session=eyJ…; __client_uat=1700000000'`. */
  cookie?: string;
  headers?: Record<string, string>;
}

/** How a route is asked for: its plain path, or one of the paths and headers Next may route as it. */
export type RouteVariant =
  'plain' | 'double-slash' | 'encoded-slash' | 'upper-case' | 'next-data' | 'rsc-suffix' | 'rsc-header' | 'subrequest-header';

/** The variants an audit sends by default (every one but `plain`, which is always sent). */
export const ROUTE_AUDIT_VARIANTS: readonly RouteVariant[] = [
  'double-slash',
  'encoded-slash',
  'upper-case',
  'next-data',
  'rsc-suffix',
  'rsc-header',
  'subrequest-header',
];

/** The routes of a build, as `readNextRoutes` reads them from `.next/` (or written by hand). */
export interface NextBuildRoutes {
  /** As Next names them: `'/admin'`, `'/orgs/[orgSlug]/settings'`, `'/docs/[...slug]'`. */
  routes: readonly string[];
  /** A prerendered path of a dynamic route (from prerender-manifest.json), used as its sample. */
  samples?: Readonly<Record<string, string>>;
  /** `.next/BUILD_ID`: without it the `next-data` variant is skipped. */
  buildId?: string;
  /** Next's `basePath`, prefixed to every request. */
  basePath?: string;
}

export interface RouteAuditOptions extends NextBuildRoutes {
  /** Where the app runs, e.g. `'http://127.0.0.1:3000'`. */
  baseUrl: string;
  personas: readonly RouteAuditPersona[];
  /** Your middleware's `publicRoutes` (same patterns; `/sign-in` and `/sign-up` are added as it adds them). */
  publicRoutes?: readonly string[];
  signInUrl?: string;
  signUpUrl?: string;
  /** Values for dynamic segments, e.g. `{ orgSlug: 'acme' }`. A segment with none gets `'x'` (a placeholder). */
  params?: Readonly<Record<string, string>>;
  /** Default: ROUTE_AUDIT_VARIANTS. */
  variants?: readonly RouteVariant[];
  /** Requests in flight. Default 4. */
  concurrency?: number;
  /** Per request. Default 30 000 ms. */
  timeoutMs?: number;
}

/** What the app answered: the status and, for a redirect, where to (a path on the app, else the URL without query). */
export interface RouteAnswer {
  status: number;
  location?: string;
  /** Set, with status 0, when the request got no answer. */
  error?: string;
}

export interface RouteAuditRow {
  /** The route as Next names it. */
  route: string;
  variant: RouteVariant;
  /** The path requested (without basePath). */
  path: string;
  /** Dynamic segments filled with the placeholder `'x'`. */
  placeholders: string[];
  /** By persona name. */
  answers: Record<string, RouteAnswer>;
  /** The personas whose answer differs from the plain path's (none for the plain row). */
  differs: string[];
}

export interface RouteAuditFinding {
  /** `unlisted-public`: served to a signed-out persona, not in publicRoutes. `more-permissive-variant`: a variant served where the plain path is not. `no-answer`: the request failed. */
  kind: 'unlisted-public' | 'more-permissive-variant' | 'no-answer';
  route: string;
  variant: RouteVariant;
  persona: string;
  path: string;
  answer: RouteAnswer;
  message: string;
}

export interface RouteAuditResult {
  personas: string[];
  /** The variants asked for (each route's `plain` row comes first; a variant a route has no form of is left out). */
  variants: RouteVariant[];
  rows: RouteAuditRow[];
  findings: RouteAuditFinding[];
}

interface VariantRequest {
  path: string;
  headers?: Record<string, string>;
}

/** CVE-2025-29927's header, deep enough for every name Next has given the middleware. */
const SUBREQUEST = ['middleware', 'src/middleware', 'proxy', 'src/proxy']
  .map((name) => `${name}:`.repeat(5))
  .join('')
  .slice(0, -1);
const asFile = (path: string) => (path === '/' ? '/index' : path);

const VARIANT_REQUESTS: Record<RouteVariant, (path: string, buildId?: string) => VariantRequest | null> = {
  plain: (path) => ({ path }),
  'double-slash': (path) => ({ path: `/${path}` }),
  'encoded-slash': (path) => ({ path: path.includes('/', 1) ? `/${path.slice(1).replaceAll('/', '%2F')}` : `/%2F${path.slice(1)}` }),
  'upper-case': (path) => (path.toUpperCase() === path ? null : { path: path.toUpperCase() }),
  'next-data': (path, buildId) =>
    buildId ? { path: `/_next/data/${buildId}${asFile(path)}.json`, headers: { 'x-nextjs-data': '1' } } : null,
  'rsc-suffix': (path) => ({ path: `${asFile(path)}.rsc`, headers: { rsc: '1' } }),
  'rsc-header': (path) => ({ path, headers: { rsc: '1' } }),
  'subrequest-header': (path) => ({ path, headers: { 'x-middleware-subrequest': SUBREQUEST } }),
};

const DYNAMIC_SEGMENT = /\[\[?(?:\.\.\.)?([^\]]+)\]\]?/g;

/** The path requested for a route: `params`, else a prerendered path, else placeholders. */
function samplePath(route: string, params: Readonly<Record<string, string>>, samples: Readonly<Record<string, string>>) {
  const names = [...route.matchAll(DYNAMIC_SEGMENT)].map((m) => m[1] ?? '');
  const placeholders = names.filter((name) => params[name] === undefined);
  const prerendered = samples[route];
  if (placeholders.length > 0 && prerendered) return { path: prerendered, placeholders: [] };
  return { path: route.replace(DYNAMIC_SEGMENT, (_, name: string) => params[name] ?? 'x'), placeholders };
}

const isServed = (answer: RouteAnswer) => answer.status >= 200 && answer.status < 300;
const sameAnswer = (a?: RouteAnswer, b?: RouteAnswer) => a?.status === b?.status && a?.location === b?.location;
const isSignedOut = (persona: RouteAuditPersona) =>
  !persona.cookie && !Object.keys(persona.headers ?? {}).some((name) => name.toLowerCase() === 'authorization');

/** One request, its body dropped. A request Next sends back to itself for its `_rsc` parameter (RSC cache busting) is asked again there, once. */
async function ask(url: string, headers: Record<string, string>, timeoutMs: number, follow = true): Promise<RouteAnswer> {
  try {
    const res = await fetch(url, { headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel();
    // A data request's redirect comes as x-nextjs-redirect, for the client router to follow.
    const location = res.headers.get('location') ?? res.headers.get('x-nextjs-redirect');
    if (location === null) return { status: res.status };
    const to = new URL(location, url);
    const from = new URL(url);
    if (follow && to.origin === from.origin && to.pathname === from.pathname && to.searchParams.has('_rsc'))
      return ask(to.href, headers, timeoutMs, false);
    return { status: res.status, location: to.origin === from.origin ? to.pathname : `${to.origin}${to.pathname}` };
  } catch (error) {
    return { status: 0, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Runs `tasks`, `limit` at a time. */
async function inPool(tasks: (() => Promise<void>)[], limit: number) {
  let next = 0;
  const worker = async () => {
    for (let task = tasks[next++]; task; task = tasks[next++]) await task();
  };
  await Promise.all(Array.from({ length: Math.min(tasks.length, limit >= 1 ? Math.floor(limit) : 1) }, worker));
}

/** Requests every route as every persona, plain and as each variant, and returns the table and what it found. */
export async function auditRoutes(options: RouteAuditOptions): Promise<RouteAuditResult> {
  const { personas, params = {}, samples = {}, basePath = '', timeoutMs = 30_000 } = options;
  if (new Set(personas.map((p) => p.name)).size !== personas.length) throw new TypeError('auditRoutes: persona names must differ.');
  const base = options.baseUrl.replace(/\/+$/, '') + basePath.replace(/\/+$/, '');
  // With a basePath, the root is `/docs`, not `/docs/` (which Next redirects).
  const urlOf = (path: string) => (basePath && path === '/' ? base : `${base}${path}`);
  const variants: RouteVariant[] = ['plain', ...(options.variants ?? ROUTE_AUDIT_VARIANTS).filter((v) => v !== 'plain')];
  const routes = [...new Set(options.routes)];
  const rows: RouteAuditRow[] = [];
  const tasks: (() => Promise<void>)[] = [];
  for (const route of routes) {
    const { path, placeholders } = samplePath(route, params, samples);
    for (const variant of variants) {
      const request = VARIANT_REQUESTS[variant](path, options.buildId);
      if (!request) continue;
      const row: RouteAuditRow = { route, variant, path: request.path, placeholders, answers: {}, differs: [] };
      rows.push(row);
      for (const persona of personas) {
        const headers = { ...persona.headers, ...request.headers, ...(persona.cookie ? { cookie: persona.cookie } : {}) };
        tasks.push(async () => {
          row.answers[persona.name] = await ask(urlOf(request.path), headers, timeoutMs);
        });
      }
    }
  }
  await inPool(tasks, options.concurrency ?? 4);
  return { personas: personas.map((p) => p.name), variants, rows, findings: findingsOf(options, rows) };
}

/** Marks each variant's differing answers and lists the findings, route by route. */
function findingsOf(options: RouteAuditOptions, rows: RouteAuditRow[]): RouteAuditFinding[] {
  const isPublic = compileRoutePatterns(policyLists(options).publicPatterns, true);
  const findings: RouteAuditFinding[] = [];
  const plainOf = new Map(rows.filter((row) => row.variant === 'plain').map((row) => [row.route, row]));
  for (const row of rows) {
    const plain = plainOf.get(row.route);
    for (const persona of options.personas) {
      const answer = row.answers[persona.name];
      const before = plain?.answers[persona.name];
      if (!answer || !before) continue;
      const found = (kind: RouteAuditFinding['kind'], message: string) =>
        findings.push({ kind, route: row.route, variant: row.variant, persona: persona.name, path: row.path, answer, message });
      if (row !== plain && !sameAnswer(answer, before)) row.differs.push(persona.name);
      if (answer.error !== undefined) found('no-answer', `${row.path} as ${persona.name}: no answer (${answer.error})`);
      else if (row === plain && isServed(answer) && isSignedOut(persona) && isPublic(row.path) === -1)
        found('unlisted-public', `${row.path} answers ${answer.status} to ${persona.name}, and publicRoutes does not list it`);
      else if (row !== plain && isServed(answer) && !isServed(before) && before.error === undefined)
        found(
          'more-permissive-variant',
          `${row.path} (${row.variant}) answers ${answer.status} to ${persona.name}, where ${plain?.path} answers ${before.status}`,
        );
    }
  }
  return findings;
}
