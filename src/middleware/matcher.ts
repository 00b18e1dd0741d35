/**
 * The recommended `config.matcher`. Next reads the matcher statically from your middleware.ts /
 * proxy.ts, so paste the literal there; this constant is for tests and docs.
 *
 * It runs the middleware on every path except Next's build assets (`/_next/static/…`), the image
 * optimizer (`/_next/image`) and `/favicon.ico`. Unlike matchers that skip "anything with a file
 * extension", it does not skip `/admin/report.csv`, `/admin/opengraph-image.png` or
 * `/acme.css/settings`: those are often routes. Files in `public/` therefore pass through the
 * middleware too: list the ones anyone may fetch in `publicRoutes` (e.g. `'/images/*'`).
 */
export const RECOMMENDED_MATCHER = ['/((?!_next/static/|_next/image$|favicon\\.ico$).*)'] as const;
