/**
 * The route policy, compiled once: which paths are public, which are APIs, which need an active
 * organization, and which rules (requirements) apply. Deny by default: a path that is not public
 * needs a signed-in user. Plain TypeScript (no Next, no React), so a developer can ask it why.
 *
 * THE PRINCIPLE: the kit's reading of a path may only ever add requirements to the route file
 * Next serves for it. Next routes the path as sent: case-sensitive, each segment decoded once,
 * `%2F` a slash for a static route but part of the value for a `[param]`, `.rsc` and `.segments`
 * unwrapped only in minimal mode (on a platform that sends its own headers), `[locale]` taking any
 * first segment. A rewrite that the kit made and Next did not (folding case, decoding `%2F`,
 * stripping a wrapper) once read protected routes as public. So:
 * 1. One reading of the path itself (normalizePath): decoded once per segment, case kept. Where
 *    Next itself has two readings (`%2F`, `%5C`, an encoded dot segment) the answer is 400: no
 *    app needs them, and no choice between the readings is safe.
 * 2. Every reading Next may route is derived from it: the path as it is, with a `.rsc`,
 *    `.prefetch.rsc` or `.segments/…` wrapper removed (Next does that on some platforms),
 *    `/_next/data/<build>/….json` unwrapped, and with `locales`, the path with its first segment
 *    removed when that segment is not a listed locale (a `[locale]` segment takes any value).
 * 3. A path is public only if it is public under EVERY reading, matched case-sensitively as the
 *    patterns are written. A rule, an organization requirement or an API pattern applies if it
 *    matches ANY reading, in any case. So no rewrite can make a path more public, only stricter.
 * The common path (printable ASCII, no wrapper, no locales) has one reading: one regex test to
 * read it and one per pattern list to match it.
 */
import { compileRoutePatterns, normalizePath, type NormalizeFailure } from './route-pattern';
import { toChecks, type Check, type HasFn, type Requirements } from './requirements';

export interface RouteRule {
  /** Pattern(s) the rule applies to, e.g. `['/admin', '/admin/*']` (`'/admin/*'` covers `/admin` too). */
  routes: string | readonly string[];
  /** What a signed-in user needs there: requirements as for PermissionGate, or a function of `has`. */
  require: Requirements | ((has: HasFn) => boolean);
}

export interface RoutePolicyOptions {
  /** The allowlist: everything else needs a signed-in user. The sign-in and sign-up paths are added. */
  publicRoutes?: readonly string[];
  /** Answered with JSON (401/403) instead of redirects. Default `['/api/*', '/trpc/*']`. */
  apiRoutes?: readonly string[];
  /** Every matching rule must pass (rules win over `publicRoutes`). */
  rules?: readonly RouteRule[];
  /** Routes that need an active organization (rules win over `publicRoutes` here too). */
  organizationRoutes?: readonly string[];
  /** Where a user without an active organization picks one. Default `'/select-organization'`. */
  organizationSelectionUrl?: string;
  /** Default `'/sign-in'`; a path of this app or an absolute URL. */
  signInUrl?: string;
  /** Default `'/sign-up'`. */
  signUpUrl?: string;
  /** Next's `basePath`, e.g. `'/docs'`: stripped before matching, added to redirects. */
  basePath?: string;
  /**
   * Locale prefixes (App Router `[locale]` segments), e.g. `['en', 'fr']`, as they appear in URLs
   * (case-sensitive). A listed locale is stripped before matching; any other first segment is read
   * both with and without it (your `[locale]` may take it), and signed-out visitors there are sent
   * to the first locale's sign-in.
   */
  locales?: readonly string[];
  /**
   * What your `[locale]` segment does with a first segment that is not in `locales`: `'routed'`
   * (default: Next serves it, so `/blog/post` may also be `[locale]=blog` + `/post`, and is read
   * both ways) or `'not-found'` (your layout calls `notFound()` for it, as next-intl's
   * `hasLocale` check does, so only the path as it is counts).
   */
  unlistedLocale?: 'routed' | 'not-found';
}

export interface CompiledRule {
  index: number;
  pattern: string;
  checks: Check[];
  match: 'all' | 'any';
}

export type RouteDecision =
  | { ok: false; reason: NormalizeFailure }
  | {
      ok: true;
      /** Normalized, without basePath, locale, `/_next/data/…json` or `.rsc` wrapping. */
      path: string;
      locale: string | null;
      api: boolean;
      /** True only when every reading is public and no rule and no organization requirement applies to any. */
      public: boolean;
      organization: boolean;
      rules: CompiledRule[];
    };

/** A path of this app, or null for an absolute URL (another origin: nothing of ours to match). */
const pathOf = (url: string) => (/^https?:\/\//i.test(url) ? null : url.split(/[?#]/)[0] || '/');
const list = (value: string | readonly string[]) => (typeof value === 'string' ? [value] : value);
const withChildren = (path: string) => (path === '/' ? ['/'] : [path, `${path}/*`]);

/** The pattern lists a policy compiles: the allowlist gets the sign-in and sign-up paths. */
export function policyLists(options: RoutePolicyOptions) {
  const signInUrl = options.signInUrl ?? '/sign-in';
  const orgSelectionUrl = options.organizationSelectionUrl ?? '/select-organization';
  const signIn = pathOf(signInUrl);
  const signUp = pathOf(options.signUpUrl ?? '/sign-up');
  return {
    signIn,
    signInUrl,
    orgSelection: pathOf(orgSelectionUrl),
    orgSelectionUrl,
    publicPatterns: [...(options.publicRoutes ?? []), ...(signIn ? withChildren(signIn) : []), ...(signUp ? withChildren(signUp) : [])],
    apiPatterns: options.apiRoutes ?? ['/api/*', '/trpc/*'],
    orgPatterns: options.organizationRoutes ?? [],
  };
}

/** What a policy needs to derive the readings of a path. */
interface ReadingRules {
  basePath: string;
  locales: ReadonlySet<string>;
  unlistedNotFound: boolean;
}

/**
 * Every reading Next may route for a path (see the principle above), the main one first, and
 * the listed locale it starts with. Strips basePath, `/_next/data/<build>/….json`, the locale,
 * and `.rsc` and segment-prefetch wrappers as Next's minimal mode does (its own regular
 * expressions); a wrapped or unlisted-locale path keeps its literal reading too.
 */
function readings({ basePath, locales, unlistedNotFound }: ReadingRules, path: string, out: string[]): string | null {
  if (basePath && (path === basePath || path.startsWith(`${basePath}/`))) path = path.slice(basePath.length) || '/';
  if (path.startsWith('/_next/data/')) {
    const data = /^\/_next\/data\/[^/]+(\/.*?)\.json$/.exec(path);
    if (data?.[1]) path = data[1] === '/index' ? '/' : data[1];
  }
  const paths = [path];
  let locale: string | null = null;
  if (locales.size > 0 && path !== '/') {
    const end = path.indexOf('/', 1);
    const first = path.slice(1, end === -1 ? undefined : end);
    const rest = end === -1 ? '/' : path.slice(end);
    if (locales.has(first)) {
      locale = first;
      paths[0] = rest;
    } else if (!unlistedNotFound) {
      paths.push(rest);
    }
  }
  for (const p of paths) {
    const prefetch = p.includes('.') ? /^(\/.*)\.segments\/.*\.segment\.rsc$/.exec(p) : null;
    const bare = prefetch?.[1] ?? (p.endsWith('.rsc') ? p.slice(0, p.endsWith('.prefetch.rsc') ? -13 : -4) || '/' : null);
    if (bare !== null) out.push(bare === '/index' ? '/' : bare);
    out.push(p);
  }
  return locale;
}

function compileRules(rules: readonly RouteRule[]) {
  return rules.map((rule, index) => {
    const patterns = list(rule.routes);
    const requirements: Requirements = typeof rule.require === 'function' ? { condition: rule.require } : rule.require;
    if (!requirements || typeof requirements !== 'object')
      throw new TypeError(`createSessionMiddleware rules[${index}]: require must be an object or a function`);
    return {
      index,
      patterns,
      matches: compileRoutePatterns(patterns),
      checks: toChecks(requirements, `createSessionMiddleware rules[${index}]`),
      match: requirements.match ?? 'all',
    };
  });
}

export function compileRoutePolicy(options: RoutePolicyOptions = {}) {
  const { signIn, signInUrl, orgSelection, orgSelectionUrl, publicPatterns, apiPatterns, orgPatterns } = policyLists(options);
  const isPublic = compileRoutePatterns(publicPatterns, true);
  const isApi = compileRoutePatterns(apiPatterns);
  const isOrg = compileRoutePatterns(orgPatterns);
  // The exemption is an allowlist too: case-sensitive, as publicRoutes.
  const orgExempt = orgSelection ? compileRoutePatterns(withChildren(orgSelection), true) : () => -1;
  const rules = compileRules(options.rules ?? []);
  const reading: ReadingRules = {
    basePath: options.basePath ? normalizeBase(options.basePath) : '',
    locales: new Set(options.locales ?? []),
    unlistedNotFound: options.unlistedLocale === 'not-found',
  };

  function decide(pathname: string): RouteDecision {
    const normalized = normalizePath(pathname);
    if (!normalized.ok) return normalized;
    const paths: string[] = [];
    const locale = readings(reading, normalized.path, paths);
    if (normalized.encoded) readings(reading, normalized.encoded, paths);
    const [main = normalized.path] = paths;
    const folded = paths.map((p) => p.toLowerCase());
    const matched: CompiledRule[] = [];
    for (const rule of rules) {
      for (const path of folded) {
        const pattern = rule.patterns[rule.matches(path)];
        if (pattern === undefined) continue;
        matched.push({ index: rule.index, pattern, checks: rule.checks, match: rule.match });
        break;
      }
    }
    const organization = paths.some((path) => isOrg(path.toLowerCase()) !== -1 && orgExempt(path) === -1);
    const api = folded.some((path) => isApi(path) !== -1);
    return {
      ok: true,
      path: main,
      locale,
      api,
      public: matched.length === 0 && !organization && paths.every((path) => isPublic(path) !== -1),
      organization,
      rules: matched,
    };
  }

  return {
    decide,
    /** The sign-in path of this app, or null when `signInUrl` is on another origin (then `signInUrl` is where to go). */
    signIn,
    signInUrl,
    /** The organization selection path of this app, or null when it is on another origin (see `orgSelectionUrl`). */
    orgSelection,
    orgSelectionUrl,
    basePath: reading.basePath,
    /** The first listed locale: where a visitor on a path without a listed locale signs in. */
    defaultLocale: options.locales?.[0] ?? null,
    rules,
  };
}

function normalizeBase(basePath: string): string {
  const n = normalizePath(basePath);
  if (!n.ok || !basePath.startsWith('/') || n.path === '/')
    throw new TypeError(`createSessionMiddleware: basePath must be a path like "/docs", not ${JSON.stringify(basePath)}`);
  return n.path;
}

export type RoutePolicy = ReturnType<typeof compileRoutePolicy>;
