/**
 * Where to go after signing in, when the target comes from the URL (`redirect_url`): only a path
 * on this origin, never `//evil`, `/\evil`, `https:evil`, `javascript:` or another origin.
 * Plain TypeScript; runs on the server and in the browser.
 */

const PLACEHOLDER = 'https://same-origin.invalid';

/**
 * Returns a same-origin path (`/path?query#hash`) for `value`, or `fallback` (default `'/'`).
 * `origin` (e.g. `https://app.example`) also admits absolute URLs on exactly that origin.
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
  return `${url.pathname}${url.search}${url.hash}`;
}
