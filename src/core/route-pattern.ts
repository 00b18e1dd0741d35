/**
 * Route patterns: one reading of each request path, then precompiled patterns.
 * Plain TypeScript, no Next, no React: the middleware and the rate limiter share it.
 *
 * Pattern syntax (documented in docs/middleware.md):
 * - `/sign-in`       exactly that path (a trailing slash is the same path);
 * - `/sign-in/*`     that path and everything below it; never `/sign-inX` or `/sign-in-secret`;
 * - `/orgs/:id`      `:name` stands for exactly one segment;
 * - `/`              the root only; `/*` every path.
 * Patterns start with `/` and may only end in `*`. Nothing else is special: a pattern with `(`,
 * `?`, `%`, `\`, `//`, `.` or `..` segments, or a `*` inside a segment throws. Patterns compile
 * case-insensitively (for rules: they apply to any casing) or case-sensitively (for the public
 * allowlist: Next routes `/Sign-In` to a different file than `/sign-in`).
 */

export type NormalizeFailure = 'bad-encoding' | 'ambiguous' | 'not-a-path';
export type NormalizedPath =
  | {
      ok: true;
      /** Each segment decoded once: the reading Next uses to find a static route. */
      path: string;
      /** Set when a segment was percent-encoded: the path with dots resolved but not decoded, the reading Next matches dynamic routes on. */
      encoded?: string;
    }
  | { ok: false; reason: NormalizeFailure };

/**
 * A request path read the way Next routes it (see route-policy.ts for why): each segment
 * percent-decoded once, case kept, `.` and `..` segments resolved as URL parsing resolves them,
 * empty segments (`//`, a trailing slash) dropped; and, when something was encoded, the same path
 * not decoded (Next matches `app/[org]/settings` on `/s%69gn-in/settings` as sent, but finds the
 * static `app/admin` for `/%61dmin` decoded). Fails, never throws:
 * - `ambiguous` (answer 400) for an encoded `/` or `\` (`%2F`, `%5C`), a raw `\`, or a segment
 *   that only decodes to `.` or `..`: Next reads `%2F` as a slash for static routes and as part of
 *   a `[param]` for dynamic ones, so no single reading is safe;
 * - `bad-encoding` (answer 400) for malformed percent-encoding;
 * - `not-a-path` for anything that does not start with `/`.
 */
export function normalizePath(pathname: string): NormalizedPath {
  if (typeof pathname !== 'string' || pathname[0] !== '/') return { ok: false, reason: 'not-a-path' };
  // Fast path: already in its one reading (the common case costs one regex test).
  if (CANONICAL.test(pathname)) return { ok: true, path: pathname };
  if (pathname.includes('\\') || /%(?:2f|5c)/i.test(pathname)) return { ok: false, reason: 'ambiguous' };
  const out: string[] = [];
  const encoded: string[] = [];
  for (const raw of pathname.split('/')) {
    if (raw === '' || raw === '.') continue;
    if (raw === '..') {
      out.pop();
      encoded.pop();
      continue;
    }
    let segment = raw;
    if (raw.includes('%')) {
      try {
        segment = decodeURIComponent(raw);
      } catch {
        return { ok: false, reason: 'bad-encoding' };
      }
      if (segment === '.' || segment === '..') return { ok: false, reason: 'ambiguous' };
    }
    out.push(segment);
    encoded.push(raw);
  }
  const path = `/${out.join('/')}`;
  return pathname.includes('%') ? { ok: true, path, encoded: `/${encoded.join('/')}` } : { ok: true, path };
}

/**
 * Already read: printable ASCII without `%` or `\`, starts with `/`, no `//`, no `.` or `..`
 * segment, no trailing slash. Anything else (non-ASCII, control characters) takes the slow path.
 */
const CANONICAL = /^(?:\/(?!\.\.?(?:\/|$))[ -$&-.0-[\]-~]+)+$|^\/$/;

const SEGMENT = /^(?::[A-Za-z_][\w-]*|[^/\\?#%*()[\]{}|^$+:]+)$/;

function compileOne(pattern: string, caseSensitive: boolean): string {
  const fail = (why: string): never => {
    throw new TypeError(`clerk-session-kit: invalid route pattern ${JSON.stringify(pattern)}: ${why}.`);
  };
  if (typeof pattern !== 'string' || !pattern.startsWith('/')) fail('it must start with "/"');
  if (pattern === '/') return '/';
  if (pattern === '/*') return '/.*';
  let body = caseSensitive ? pattern : pattern.toLowerCase();
  let wildcard = false;
  if (body.endsWith('/*')) {
    wildcard = true;
    body = body.slice(0, -2);
  }
  if (body.endsWith('/')) body = body.slice(0, -1);
  let source = '';
  for (const segment of body.slice(1).split('/')) {
    if (segment === '') fail('empty segment');
    if (segment === '.' || segment === '..') fail('"." or ".." segment');
    if (/[()]/.test(segment)) fail('not a regular expression: write "/x" and "/x/*"');
    if (segment.includes('*')) fail('"*" only as the whole last segment: write "/x" and "/x/*"');
    if (!SEGMENT.test(segment)) fail(`bad character in "${segment}"`);
    source += segment.startsWith(':') ? '/[^/]+' : `/${segment.replace(/[.+?^${}()|[\]\\-]/g, '\\$&')}`;
  }
  return wildcard ? `${source}(?:/.*)?` : source;
}

/**
 * Compiles patterns once into one regular expression. The returned function takes a path from
 * `normalizePath` (lower-cased, unless `caseSensitive`) and gives the index of the first pattern
 * that matches it, or -1. Throws a TypeError naming the first invalid pattern.
 */
export function compileRoutePatterns(patterns: readonly string[], caseSensitive = false): (path: string) => number {
  if (!Array.isArray(patterns)) throw new TypeError('clerk-session-kit: route patterns must be a list.');
  if (patterns.length === 0) return () => -1;
  const regex = new RegExp(`^(?:${patterns.map((p) => `(${compileOne(p, caseSensitive)})`).join('|')})$`);
  const count = patterns.length;
  return (path) => {
    const m = regex.exec(path);
    if (!m) return -1;
    for (let i = 1; i <= count; i++) if (m[i] !== undefined) return i - 1;
    return -1;
  };
}
