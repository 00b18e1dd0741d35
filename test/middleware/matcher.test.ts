// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { RECOMMENDED_MATCHER } from '../../src/middleware';
import { assertMatcherCovers, findUnmatchedPaths } from '../../src/middleware/testing';

/** The matcher many Clerk examples paste: it skips anything that looks like a static file. */
const fileExtensionMatcher = {
  matcher: [
    '/((?!_next|[^?]*\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|ttf|woff2?|ico|csv|docx?|xlsx?|zip|webmanifest)).*)',
    '/(api|trpc)(.*)',
  ],
};
const protectedPaths = [
  '/',
  '/admin',
  '/admin/report.csv',
  '/admin/opengraph-image.png',
  '/acme.css/settings',
  '/api/admin/x',
  '/_next/data/BUILD/admin.json',
  '/admin.rsc',
  '/fr/admin',
];

describe('given the recommended matcher', () => {
  it('should run the middleware on every protected path, including ones that look like files', async () => {
    expect(await findUnmatchedPaths({ config: { matcher: [...RECOMMENDED_MATCHER] }, paths: protectedPaths })).toEqual([]);
    await expect(assertMatcherCovers({ config: { matcher: [...RECOMMENDED_MATCHER] }, paths: protectedPaths })).resolves.toBeUndefined();
  });

  it('should skip only build assets, the image optimizer and the favicon', async () => {
    const skipped = ['/_next/static/chunks/main.js', '/_next/image', '/favicon.ico'];
    expect(await findUnmatchedPaths({ config: { matcher: [...RECOMMENDED_MATCHER] }, paths: skipped })).toEqual(skipped);
    expect(
      await findUnmatchedPaths({
        config: { matcher: [...RECOMMENDED_MATCHER] },
        paths: ['/_next/imagex', '/x/favicon.ico', '/_next/static'],
      }),
    ).toEqual([]);
  });

  it('should respect the basePath from next.config', async () => {
    const paths = ['/docs/admin/report.csv'];
    expect(
      await findUnmatchedPaths({
        config: { matcher: [...RECOMMENDED_MATCHER] },
        paths,
        nextConfig: { basePath: '/docs' },
      }),
    ).toEqual([]);
  });
});

describe('given a matcher that skips file-like paths', () => {
  it('should name the protected paths it skips', async () => {
    expect(await findUnmatchedPaths({ config: fileExtensionMatcher, paths: protectedPaths })).toEqual([
      '/admin/report.csv',
      '/admin/opengraph-image.png',
      '/acme.css/settings',
    ]);
    await expect(assertMatcherCovers({ config: fileExtensionMatcher, paths: protectedPaths })).rejects.toThrow(
      'Your middleware matcher skips 3 protected path(s): /admin/report.csv, /admin/opengraph-image.png, /acme.css/settings.',
    );
  });
});
