/**
 * STAND-IN for the middleware's route patterns (issue 10 owns this file; at merge its real
 * version replaces this one). The rate limiter relies only on these two signatures:
 * - `normalizePath(pathname)`: percent-decoded once, `\` → `/`, `//` collapsed, dot segments
 *   resolved, lower-cased; malformed encoding is `{ ok: false }`.
 * - `compileRoutePatterns(patterns)`: the index of the first pattern that matches a normalized
 *   path, or -1. `/x` matches `/x` and `/x/`; `/x/*` matches `/x` and everything below it, never
 *   `/xy`. An invalid pattern throws a TypeError that names it.
 */

type NormalizedPath = { ok: true; path: string } | { ok: false; reason: string };

export function normalizePath(pathname: string): NormalizedPath {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { ok: false, reason: `malformed percent-encoding in ${JSON.stringify(pathname)}` };
  }
  if (decoded.includes('\0')) return { ok: false, reason: 'NUL byte in the path' };
  const out: string[] = [];
  for (const segment of decoded.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment.toLowerCase());
  }
  return { ok: true, path: `/${out.join('/')}` };
}

const PATTERN = /^\/(?:[^*]*[^*/])?(?:\/\*)?$|^\/\*$/;

export function compileRoutePatterns(patterns: readonly string[]): (normalizedPath: string) => number {
  const tests = patterns.map((pattern) => {
    if (typeof pattern !== 'string' || !PATTERN.test(pattern)) {
      throw new TypeError(`Invalid route pattern ${JSON.stringify(pattern)}: use an exact path like "/api/export" or a prefix like "/api/*".`);
    }
    const wildcard = pattern.endsWith('/*');
    const base = (wildcard ? pattern.slice(0, -2) : pattern).toLowerCase();
    if (wildcard) return (path: string) => base === '' || path === base || path.startsWith(`${base}/`);
    return (path: string) => path === base || path === `${base}/`;
  });
  return (normalizedPath) => tests.findIndex((test) => test(normalizedPath));
}
