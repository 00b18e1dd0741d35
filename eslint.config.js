import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // The route fixtures' build output and copy of dist/ (scripts/check-routes.mjs removes them after a run).
  {
    ignores: [
      'dist/',
      'storybook-static/',
      'public/',
      '.vitest/',
      'node_modules/',
      'test/routes/.kit/',
      'test/routes/*/.next/',
      'test/routes/*/next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  {
    files: ['scripts/**', 'bench/*.mjs', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Casts are held to a commented allow-list: in src/ every `as` (but `as const`) and every
    // non-null `!` needs `// eslint-disable-next-line <rule> -- <why it must stay>` on the line above.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }],
      '@typescript-eslint/no-non-null-assertion': 'error',
      // Small, deletable code: a function that needs more than 80 lines is two functions; a file past 300 is two files.
      'max-lines-per-function': ['error', { max: 80 }],
      'max-lines': ['error', { max: 300 }],
    },
  },
  {
    // The seam: only src/clerk may import Clerk packages; the rest imports from there.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/clerk/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@clerk/*'], message: 'Import Clerk through src/clerk (the one seam).' }] },
      ],
    },
  },
  {
    // Plain TypeScript: core has no React and nothing of ours.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', '@clerk/*', '../*'],
              message: 'src/core is plain TypeScript with no React and no imports from the rest of the kit.',
            },
          ],
        },
      ],
    },
  },
  {
    // The middleware entry runs on the Edge runtime: next/server, @clerk/nextjs/server and src/core only.
    files: ['src/middleware/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@clerk/nextjs', message: 'Use @clerk/nextjs/server in src/middleware (Edge-safe, no React).' }],
          patterns: [
            {
              group: [
                'react',
                'react/*',
                'react-dom',
                'react-dom/*',
                '@clerk/react',
                '@clerk/react/*',
                '@clerk/shared',
                '@clerk/shared/*',
                '@clerk/backend',
                '@clerk/backend/*',
                '@clerk/nextjs/*',
                '!@clerk/nextjs/server',
                'node:*',
                '../clerk',
                '../clerk/*',
                '../components/*',
                '../testing/*',
                '../i18n/*',
                '../theme/*',
              ],
              message: 'src/middleware imports only next/server, @clerk/nextjs/server and src/core (Edge-safe, no React).',
            },
          ],
        },
      ],
    },
  },
  {
    // The server entry runs in React Server Components on @clerk/nextjs 7: its auth(), src/core and
    // the middleware's dev warnings; never the client seam, components or the mock.
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@clerk/*',
                '!@clerk/nextjs',
                '@clerk/nextjs/*',
                '!@clerk/nextjs/server',
                '../clerk',
                '../clerk/*',
                '../components/*',
                '../testing/*',
                '../hooks/*',
              ],
              message: 'src/server imports @clerk/nextjs/server, src/core and the middleware only (no client code).',
            },
          ],
          paths: [{ name: '@clerk/nextjs', message: 'Use @clerk/nextjs/server in src/server.' }],
        },
      ],
    },
  },
);
