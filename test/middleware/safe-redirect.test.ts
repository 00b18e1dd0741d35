// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { safeRedirectUrl } from '../../src/middleware';

const ORIGIN = 'https://app.test';

describe('given a redirect_url consumed by the sign-in page', () => {
  it.each(['//evil.com', '/\\evil.com', 'https:evil.com', 'javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,x', 'https://evil.com/', 'https://app.test.evil.com/', 'http://app.test/x', ' /x', '/x\n', '\t//evil.com', '', '%2F%2Fevil.com'])(
    'should fall back to / for %j',
    (value) => {
      expect(safeRedirectUrl(value, ORIGIN)).toBe('/');
    },
  );

  it('should keep same-origin paths with their query and hash', () => {
    expect(safeRedirectUrl('/dashboard?tab=2#top', ORIGIN)).toBe('/dashboard?tab=2#top');
    expect(safeRedirectUrl('/a/../b', ORIGIN)).toBe('/b');
    expect(safeRedirectUrl('/%2F%2Fevil.com')).toBe('/%2F%2Fevil.com');
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
