import { join } from 'node:path';
import type { NextConfig } from 'next';

// Built in place by scripts/check-routes.mjs with the repo's node_modules (no install): the
// Turbopack root is the repo, and the kit's published entry is the built dist/, as a user gets it.
// The check points CHECK_ROUTES_KIT at its own copy of dist/ (taken once per run, so a rebuild
// elsewhere cannot change the kit under a running check); by default, dist/ itself. Relative to
// this directory; Turbopack falls back to other resolutions when an alias misses, so the check
// verifies in the build's source maps that the proxy was bundled from the copy.
const repo = join(import.meta.dirname, '../../..');
const kit = process.env.CHECK_ROUTES_KIT ?? '../../../dist';

const nextConfig: NextConfig = {
  // The repo's `npm run typecheck` checks these files; Next need not again (~13 s per build).
  typescript: { ignoreBuildErrors: true },
  turbopack: {
    root: repo,
    resolveAlias: { 'clerk-session-kit/middleware': `${kit}/middleware/index.js` },
  },
};

export default nextConfig;
