import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-500.css';
import '@fontsource/inter/latin-600.css';
import '../src/styles.css';
import './preview.css';
import type { Decorator, Preview } from '@storybook/nextjs-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { useEffect } from 'react';
import { de, KitProvider } from '../src/i18n';
import { createMockApiHandlers } from '../src/testing/msw';
import { clerkPersonaGlobalType, mockClerkLoader, withMockClerk } from '../src/testing/storybook';

/** The Colour scheme toolbar themes the whole page (`<html>`), not only the story's box. */
function PageScheme({ scheme }: { scheme: string }) {
  useEffect(() => {
    const html = document.documentElement;
    html.classList.add(scheme, 'demo-html');
    return () => html.classList.remove(scheme, 'demo-html');
  }, [scheme]);
  return null;
}

/** `parameters.theme` ('light' | 'dark') or the Colour scheme toolbar: a page in that scheme around the story. */
const withTheme: Decorator = (Story, { parameters, globals }) => {
  const toolbar = (globals.theme as string) || '';
  const theme = toolbar || (parameters.theme as string);
  if (!theme) return <Story />;
  return (
    <div className={`${theme} demo-page`}>
      {toolbar ? <PageScheme scheme={toolbar} /> : null}
      <Story />
    </div>
  );
};

/** The Locale toolbar: German for every kit component below (a component's own `localization` prop still wins). */
const withLocale: Decorator = (Story, { globals }) =>
  globals.locale === 'de' ? (
    <KitProvider localization={de}>
      <Story />
    </KitProvider>
  ) : (
    <Story />
  );

const preview: Preview = {
  tags: ['autodocs'],
  loaders: [mswLoader(), mockClerkLoader],
  decorators: [withMockClerk, withLocale, withTheme],
  beforeEach({ msw }) {
    msw.use(...createMockApiHandlers());
  },
  globalTypes: {
    clerkPersona: clerkPersonaGlobalType,
    theme: {
      description: 'Colour scheme',
      toolbar: {
        title: 'Colour scheme',
        icon: 'mirror',
        dynamicTitle: true,
        items: [
          { value: '', title: "Colour scheme: the story's own" },
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
      },
    },
    locale: {
      description: 'Language of the kit components',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        dynamicTitle: true,
        items: [
          { value: '', title: "Locale: the story's own" },
          { value: 'en', title: 'English (en)' },
          { value: 'de', title: 'Deutsch (de)' },
        ],
      },
    },
  },
  initialGlobals: { clerkPersona: '', theme: '', locale: '' },
  parameters: {
    layout: 'padded',
    a11y: { test: 'error' },
    controls: { expanded: true },
    options: {
      storySort: { order: ['Introduction', 'Guides', ['Theming', 'Localization', '*'], 'Components', 'Testing', '*'] },
    },
  },
};
export default preview;
