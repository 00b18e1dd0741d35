// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { safeRedirectUrl } from '../../src/middleware';

const ORIGIN = 'https://app.test';

describe('given a redirect_url consumed by the sign-in page', () => {
  it.each([
    '//evil.com',
    '/\\evil.com',
    'https:evil.com',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,x',
    'https://evil.com/',
    'https://app.test.evil.com/',
    'http://app.test/x',
    ' /x',
    '/x\n',
    '\t//evil.com',
    '',
    '%2F%2Fevil.com',
  ])('should fall back to / for %j', (value) => {
    expect(safeRedirectUrl(value, ORIGIN)).toBe('/');
  });

  it('should keep same-origin paths with their query and hash', () => {
    expect(safeRedirectUrl('/dashboard?tab=2#top', ORIGIN)).toBe('/dashboard?tab=2#top');
    expect(safeRedirectUrl('/a/../b', ORIGIN)).toBe('/b');
    expect(safeRedirectUrl('/files/a%2Fb?q=%2F%2Fx#//top')).toBe('/files/a%2Fb?q=%2F%2Fx#//top');
    expect(safeRedirectUrl('/100%25off', ORIGIN)).toBe('/100%25off');
  });

  it('should accept an absolute URL only on the given origin, returned as a path', () => {
    expect(safeRedirectUrl('https://app.test/orgs?x=1', ORIGIN)).toBe('/orgs?x=1');
    expect(safeRedirectUrl('https://app.test/orgs')).toBe('/');
  });

  it('should use the fallback given, and ignore values that are not strings', () => {
    expect(safeRedirectUrl('//evil.com', ORIGIN, '/home')).toBe('/home');
    expect(safeRedirectUrl(['/x'], ORIGIN)).toBe('/');
    expect(safeRedirectUrl(undefined)).toBe('/');
  });
});

describe('given a value that only becomes //host once dot segments are resolved', () => {
  it.each(['/.//evil.com', '/a/..//evil.com', '/%2e//evil.com', '/%2E%2E//evil.com', '/a/%2e%2e//evil.com'])(
    'should fall back for %j, with and without an origin',
    (value) => {
      expect(safeRedirectUrl(value, ORIGIN, '/home')).toBe('/home');
      expect(safeRedirectUrl(value, undefined, '/home')).toBe('/home');
    },
  );

  it('should fall back for an absolute URL on the origin whose path starts with //', () => {
    expect(safeRedirectUrl('https://app.example//evil.com', 'https://app.example', '/home')).toBe('/home');
    expect(safeRedirectUrl('https://app.example/.//evil.com', 'https://app.example', '/home')).toBe('/home');
  });
});

describe('given a value whose decoded form starts with // or /\\', () => {
  it.each(['/%2f%2fevil.com', '/%2F%2Fevil.com', '/%2fevil.com', '/%5cevil.com', '/%5Cevil.com', '/%2e/%2f%2fevil.com'])(
    'should fall back for %j (an encoded slash or backslash right after the first slash)',
    (value) => {
      expect(safeRedirectUrl(value, ORIGIN, '/home')).toBe('/home');
      expect(safeRedirectUrl(value, undefined, '/home')).toBe('/home');
    },
  );

  it.each(['/%252f%252fevil.com', '/%255cevil.com', '/%09/evil.com', '/%0a/evil.com', '/..%2f%2fevil.com', '/a/..%2f..%2f%2f%2fevil.com'])(
    'should fall back for %j (double-encoded, an encoded tab or newline, or dot segments once decoded)',
    (value) => {
      expect(safeRedirectUrl(value, ORIGIN, '/home')).toBe('/home');
    },
  );
});

/** mulberry32: a small seeded PRNG, so every run checks the same inputs. */
function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Issue 19, part 4.
const SEED = 19_004;
const RUNS = 10_000;
const APP = 'https://app.example';
/** The origin safeRedirectUrl resolves against when none is given (any origin works for a path). */
const PLACEHOLDER = 'https://same-origin.invalid';
/** Cannot be generated from the alphabet (no `_`), so a result equal to it is the fallback. */
const FALLBACK = '/__fallback__';
const ALPHABET = [
  '/',
  '\\',
  '.',
  '%2e',
  '%2E',
  '%2f',
  '%2F',
  '%5c',
  '%5C',
  '\t',
  '\n',
  '@',
  ':',
  'evil.com',
  'app.example',
  'https:',
  '//',
  'a',
  'b',
  'x',
  'Z',
  '?',
  '#',
];

function generate(random: () => number): string {
  const pick = (items: readonly string[]): string => items[Math.floor(random() * items.length)] ?? '';
  // Mostly paths, so that many inputs survive the input check and reach the output check.
  let value = pick(['/', '/', '/', '', `${APP}`, `${APP}/`]);
  const length = 1 + Math.floor(random() * 8);
  for (let i = 0; i < length; i++) value += pick(ALPHABET);
  return value;
}

/** Percent-decoded until it no longer changes (at most 8 times), tabs and newlines removed. */
function decodeFully(path: string): string {
  let form = path;
  for (let i = 0; i < 8; i++) {
    const next = form.replace(/%([\da-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))).replace(/[\t\n\r]/g, '');
    if (next === form) break;
    form = next;
  }
  return form;
}

function violation(result: string, origin: string): string | null {
  if (result === FALLBACK) return null;
  if (result !== '/' && !/^\/[^/\\]/.test(result)) return 'does not start with exactly one /';
  if (/^\/%(?:2f|5c)/i.test(result)) return 'starts with /%2f or /%5c';
  if (new URL(result, origin).origin !== origin) return 'resolves to another origin';
  if (/^[/\\]{2}/.test(decodeFully(result))) return 'decodes to a value starting with // or /\\';
  return null;
}

describe(`given ${RUNS} generated values (mulberry32, seed ${SEED})`, () => {
  it(`should only return the fallback or a single-slash path on the origin (seed ${SEED})`, () => {
    const random = mulberry32(SEED);
    const failures: string[] = [];
    let kept = 0;
    for (let run = 0; run < RUNS; run++) {
      const value = generate(random);
      for (const origin of [APP, undefined]) {
        const result = safeRedirectUrl(value, origin, FALLBACK);
        const problem = violation(result, origin ?? PLACEHOLDER);
        if (problem) failures.push(`${JSON.stringify(value)} (origin ${origin}) → ${JSON.stringify(result)}: ${problem}`);
        if (result !== FALLBACK) kept++;
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
    // Not vacuous: a good share of the inputs came out as paths and were checked.
    expect(kept).toBeGreaterThan(1_000);
  });
});
