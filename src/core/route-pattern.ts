/**
 * Route patterns: one normalization per request path, then precompiled patterns.
 * Plain TypeScript, no Next, no React: the middleware and the rate limiter share it.
 *
 * Pattern syntax (documented in the README):
 * - `/sign-in`       exactly that path (a trailing slash is the same path);
 * - `/sign-in/*`     that path and everything below it; never `/sign-inX` or `/sign-in-secret`;
 * - `/orgs/:id`      `:name` stands for exactly one segment;
 * - `/`              the root only; `/*` every path.
 * Patterns are case-insensitive, start with `/`, and may only end in `*`. Nothing else is special:
 * a pattern with `(`, `?`, `%`, `\`, `//`, `.` or `..` segments, or a `*` inside a segment throws.
 */

export type NormalizeFailure = 'bad-encoding' | 'not-a-path';
export type NormalizedPath = { ok: true; path: string } | { ok: false; reason: NormalizeFailure };

/**
 * The one canonical form of a request path: percent-decoded once (so `%2F` becomes `/` and
 * `%61` becomes `a`), backslashes as slashes, `//` collapsed, `.` and `..` segments resolved
 * (never above the root), lower-cased, without a trailing slash. Malformed percent-encoding
 * fails with `bad-encoding` (answer 400), never a throw.
 */
export function normalizePath(pathname: string): NormalizedPath {
  if (typeof pathname !== 'string' || pathname === '') return { ok: false, reason: 'not-a-path' };
  let decoded = pathname;
  if (pathname.includes('%')) {
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return { ok: false, reason: 'bad-encoding' };
    }
  }
  // Fast path: already canonical (the common case costs one regex test).
  if (CANONICAL.test(decoded)) return { ok: true, path: decoded };
  const out: string[] = [];
  for (const segment of decoded.replace(/\\/g, '/').toLowerCase().split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return { ok: true, path: `/${out.join('/')}` };
}

/**
 * Already canonical: printable ASCII without upper case or `\`, starts with `/`, no `//`, no `.`
 * or `..` segment, no trailing slash. Anything else (non-ASCII, control characters) takes the
 * slow path, which lower-cases with full Unicode rules.
 */
const CANONICAL = /^(?:\/(?!\.\.?(?:\/|$))[ -.0-@[\]-~]+)+$|^\/$/;

const SEGMENT = /^(?::[A-Za-z_][\w-]*|[^/\\?#%*()[\]{}|^$+:]+)$/;

function compileOne(pattern: string): string {
  const fail = (why: string): never => {
    throw new TypeError(`clerk-session-kit: invalid route pattern ${JSON.stringify(pattern)}: ${why}.`);
  };
  if (typeof pattern !== 'string' || !pattern.startsWith('/')) fail('it must start with "/"');
  if (pattern === '/') return '/';
  if (pattern === '/*') return '/.*';
  let body = pattern.toLowerCase();
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
 * `normalizePath` and gives the index of the first pattern that matches it, or -1.
 * Throws a TypeError naming the first invalid pattern.
 */
export function compileRoutePatterns(patterns: readonly string[]): (normalizedPath: string) => number {
  if (!Array.isArray(patterns)) throw new TypeError('clerk-session-kit: route patterns must be a list.');
  if (patterns.length === 0) return () => -1;
  const regex = new RegExp(`^(?:${patterns.map((p) => `(${compileOne(p)})`).join('|')})$`);
  const count = patterns.length;
  return (path) => {
    const m = regex.exec(path);
    if (!m) return -1;
    for (let i = 1; i <= count; i++) if (m[i] !== undefined) return i - 1;
    return -1;
  };
}
