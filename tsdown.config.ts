import { defineConfig } from 'tsdown';

// `unbundle` keeps one output file per source file, so each file's own 'use client'
// directive survives into dist/ (a bundled build would drop it).
export default defineConfig({
  entry: [
    'src/index.ts',
    'src/testing/index.ts',
    'src/testing/msw.ts',
    'src/testing/storybook.tsx',
    'src/middleware/index.ts',
    'src/middleware/testing.ts',
    'src/middleware/rate-limit/index.ts',
    'src/middleware/rate-limit/redis-store.ts',
    'src/middleware/rate-limit/upstash-store.ts',
  ],
  format: 'esm',
  unbundle: true,
  dts: true,
  platform: 'neutral',
  target: 'es2022',
  clean: true,
  sourcemap: false,
  deps: { neverBundle: [/^react/, /^@clerk\//, /^msw/, /^storybook/, /^next(\/|$)/, /^node:/] },
});
