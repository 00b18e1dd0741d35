/**
 * The route policy, compiled once: which paths are public, which are APIs, which need an active
 * organization, and which rules (requirements) apply. Deny by default: a path that is not public
 * needs a signed-in user. Plain TypeScript (no Next, no React), so a developer can ask it why.
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
  /** Locale prefixes (App Router `[locale]` segments), e.g. `['en', 'fr']`: stripped before matching. */
  locales?: readonly string[];
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
      /** True only when no rule and no organization requirement applies. */
      public: boolean;
      organization: boolean;
      rules: CompiledRule[];
    };

const pathOf = (url: string | undefined, fallback: string) => {
  const value = url ?? fallback;
  return /^https?:\/\//i.test(value) ? null : value.split(/[?#]/)[0] || '/';
};
const list = (value: string | readonly string[]) => (typeof value === 'string' ? [value] : value);
const withChildren = (path: string) => (path === '/' ? ['/'] : [path, `${path}/*`]);

/** The pattern lists a policy compiles: the allowlist gets the sign-in and sign-up paths. */
export function policyLists(options: RoutePolicyOptions) {
  const signIn = pathOf(options.signInUrl, '/sign-in');
  const signUp = pathOf(options.signUpUrl, '/sign-up');
  const orgSelection = pathOf(options.organizationSelectionUrl, '/select-organization');
  return {
    signIn,
    signUp,
    orgSelection,
    publicPatterns: [...(options.publicRoutes ?? []), ...(signIn ? withChildren(signIn) : []), ...(signUp ? withChildren(signUp) : [])],
    apiPatterns: options.apiRoutes ?? ['/api/*', '/trpc/*'],
    orgPatterns: options.organizationRoutes ?? [],
  };
}

export function compileRoutePolicy(options: RoutePolicyOptions = {}) {
  const { signIn, signUp, orgSelection, publicPatterns, apiPatterns, orgPatterns } = policyLists(options);
  const isPublic = compileRoutePatterns(publicPatterns);
  const isApi = compileRoutePatterns(apiPatterns);
  const isOrg = compileRoutePatterns(orgPatterns);
  const orgExempt = orgSelection ? compileRoutePatterns(withChildren(orgSelection)) : () => -1;
  const rules = (options.rules ?? []).map((rule, index) => {
    const patterns = list(rule.routes);
    const requirements: Requirements = typeof rule.require === 'function' ? { condition: rule.require } : rule.require;
    if (!requirements || typeof requirements !== 'object') throw new TypeError(`createSessionMiddleware rules[${index}]: require must be an object or a function`);
    return {
      patterns,
      matches: compileRoutePatterns(patterns),
      checks: toChecks(requirements, `createSessionMiddleware rules[${index}]`),
      match: requirements.match ?? 'all',
    };
  });
  const basePath = options.basePath ? normalizeBase(options.basePath) : '';
  const locales = new Set((options.locales ?? []).map((l) => l.toLowerCase()));

  /** Strips what wraps a route: basePath, `/_next/data/<build>/….json`, the locale, `.rsc` and segment prefetches. */
  function unwrap(path: string): { path: string; locale: string | null } {
    if (basePath && (path === basePath || path.startsWith(`${basePath}/`))) path = path.slice(basePath.length) || '/';
    if (path.startsWith('/_next/data/')) {
      const data = /^\/_next\/data\/[^/]+(\/.*?)\.json$/.exec(path);
      if (data?.[1]) path = data[1] === '/index' ? '/' : data[1];
    }
    let locale: string | null = null;
    if (locales.size > 0) {
      const end = path.indexOf('/', 1);
      const first = path.slice(1, end === -1 ? undefined : end);
      if (locales.has(first)) {
        locale = first;
        path = end === -1 ? '/' : path.slice(end);
      }
    }
    if (path.includes('.')) {
      const bare = path.replace(/\.segments(?:\/.*)?$/, '').replace(/(?:\.prefetch)?\.rsc$/, '');
      if (bare !== path) path = bare === '' || bare === '/index' ? '/' : bare;
    }
    return { path, locale };
  }

  function decide(pathname: string): RouteDecision {
    const normalized = normalizePath(pathname);
    if (!normalized.ok) return normalized;
    const { path, locale } = unwrap(normalized.path);
    const matched: CompiledRule[] = [];
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i]!;
      const at = rule.matches(path);
      if (at !== -1) matched.push({ index: i, pattern: rule.patterns[at]!, checks: rule.checks, match: rule.match });
    }
    const organization = isOrg(path) !== -1 && orgExempt(path) === -1;
    return { ok: true, path, locale, api: isApi(path) !== -1, public: matched.length === 0 && !organization && isPublic(path) !== -1, organization, rules: matched };
  }

  return {
    decide,
    signIn,
    signUp,
    orgSelection,
    basePath,
    rules,
  };
}

function normalizeBase(basePath: string): string {
  const n = normalizePath(basePath);
  if (!n.ok || !basePath.startsWith('/') || n.path === '/') throw new TypeError(`createSessionMiddleware: basePath must be a path like "/docs", not ${JSON.stringify(basePath)}`);
  return n.path;
}

export type RoutePolicy = ReturnType<typeof compileRoutePolicy>;
