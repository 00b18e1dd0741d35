import type { StorybookConfig } from '@storybook/nextjs-vite';
import tailwindcss from '@tailwindcss/vite';
import remarkGfm from 'remark-gfm';

const config: StorybookConfig = {
  framework: { name: '@storybook/nextjs-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: [
    // GitHub-flavoured Markdown in the MDX pages (their tables).
    {
      name: '@storybook/addon-docs',
      options: { mdxPluginOptions: { mdxCompileOptions: { remarkPlugins: [remarkGfm] } } },
    },
    '@storybook/addon-a11y',
    '@storybook/addon-vitest',
    'msw-storybook-addon',
  ],
  staticDirs: ['../public'],
  // The kit's favicon (public/favicon.svg) also on a story opened alone, which would otherwise ask for a missing /favicon.ico.
  previewHead: (head) => `${head}\n<link rel="icon" type="image/svg+xml" href="./favicon.svg" />`,
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // The kit's Storybook is its documentation site: no "Get started" checklist or onboarding guide.
  features: { sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
  viteFinal: async (viteConfig) => {
    viteConfig.plugins = [...(viteConfig.plugins ?? []), tailwindcss()];
    // A quiet build. Silenced, each for its reason: 'use client' directives (they mark the kit's
    // client files for a React Server Components bundler; Storybook renders everything on the
    // client, so dropping them here is right); plugin timings (a note about the machine, not the
    // code); the size of the docs site's chunks (a documentation site, loaded once).
    const quiet = new Set(['MODULE_LEVEL_DIRECTIVE', 'PLUGIN_TIMINGS']);
    viteConfig.build = {
      ...viteConfig.build,
      chunkSizeWarningLimit: 10_000,
      rolldownOptions: {
        ...viteConfig.build?.rolldownOptions,
        onwarn(warning, warn) {
          if (!quiet.has(warning.code ?? '')) warn(warning);
        },
      },
    };
    return viteConfig;
  },
};
export default config;
