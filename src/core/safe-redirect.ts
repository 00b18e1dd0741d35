/**
 * Where to go after signing in, when the target comes from the URL (`redirect_url`): only a path
 * on this origin, never `//evil`, `/\evil`, `https:evil`, `javascript:` or another origin.
 * Plain TypeScript; runs on the server and in the browser.
 *
 * The input is checked, then parsed, and the output is checked again: URL parsing resolves dot
 * segments (`/.//evil.com`, `/a/..//evil.com`, `/%2e//evil.com` all become `//evil.com`), so a
 * checked input can still come out as a protocol-relative URL. Decision: a result whose path
 * starts with two slashes or backslashes, in any mix, after that resolution is never repaired
 * (collapsing the slashes would send the user to a path they did not ask for); it is the fallback.
 * So are results that a browser or a later decode could turn into one: a path starting with
 * `/%2f` or `/%5c` (any case), or whose percent-decoded form (decoded until it no longer changes,
 * tabs and newlines removed as browsers do) starts with two slashes or leaves the origin
 * (`/%252f%252fevil.com`, `/%09/evil.com`, `/..%2f%2fevil.com`).
 */

const PLACEHOLDER = 'https://same-origin.invalid';

/** Two slashes or backslashes in any mix, or an encoded one after the first slash, at the start. */
const UNSAFE_START = /^(?:[/\\]{2}|\/%(?:2f|5c))/i;

/**
 * Returns a same-origin path (`/path?query#hash`) for `value`, or `fallback` (default `'/'`).
 * `origin` (e.g. `https://app.example`) also admits absolute URLs on exactly that origin.
 * A returned path always starts with exactly one `/` followed by neither `/` nor `\` (or is
 * exactly `/`), never with `/%2f` or `/%5c`, and `new URL(path, origin).origin === origin`.
 * `fallback` is the caller's own value and is returned as given.
 */
export function safeRedirectUrl(value: unknown, origin?: string, fallback = '/'): string {
  // Browsers strip or reinterpret control characters, surrounding spaces and backslashes.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this rejects
  if (typeof value !== 'string' || value === '' || value !== value.trim() || /[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let base: URL;
  try {
    base = new URL(origin ?? PLACEHOLDER);
  } catch {
    return fallback;
  }
  let url: URL;
  try {
    // A path resolves against the origin; anything else must already be an absolute URL.
    url = value.startsWith('/') && !value.startsWith('//') ? new URL(value, base) : new URL(value);
  } catch {
    return fallback;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== base.origin) return fallback;
  const result = `${url.pathname}${url.search}${url.hash}`;
  return isSafePath(result, base) ? result : fallback;
}

/**
 * The output check: `path`, and each percent-decoded form of it (decoded until it no longer
 * changes, at most 4 times; tabs and newlines dropped as browsers drop them), starts with one
 * slash, not with UNSAFE_START, and resolves on `base`'s origin to a path that does not start
 * with two slashes (a decoded `/..%2f%2fevil` is `/..//evil`, which resolves to `//evil`).
 */
function isSafePath(path: string, base: URL): boolean {
  for (let form = path, round = 0; round < 5; round++) {
    form = form.replace(/[\t\n\r]/g, '');
    let resolved: URL;
    try {
      resolved = new URL(form, base);
    } catch {
      return false;
    }
    if (form[0] !== '/' || UNSAFE_START.test(form) || resolved.origin !== base.origin || UNSAFE_START.test(resolved.pathname)) return false;
    // Every `%XX` as one character (never throws on malformed UTF-8, unlike decodeURIComponent).
    const decoded = form.replace(/%([\da-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (decoded === form) return true;
    form = decoded;
  }
  return false;
}
