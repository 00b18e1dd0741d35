import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-500.css';
import '@fontsource/inter/latin-600.css';
import '../src/styles.css';
import './preview.css';
import type { Decorator, Preview } from '@storybook/nextjs-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { createMockApiHandlers } from '../src/testing/msw';
import { clerkPersonaGlobalType, mockClerkLoader, withMockClerk } from '../src/testing/storybook';

/** `parameters.theme` ('light' | 'dark') or the Theme toolbar: a page in that scheme around the story. */
const withTheme: Decorator = (Story, { parameters, globals }) => {
  const theme = (globals.theme as string) || (parameters.theme as string);
  if (!theme) return <Story />;
  return (
    <div className={`${theme} demo-page`}>
      <Story />
    </div>
  );
};

const preview: Preview = {
  tags: ['autodocs'],
  loaders: [mswLoader(), mockClerkLoader],
  decorators: [withMockClerk, withTheme],
  beforeEach({ msw }) {
    msw.use(...createMockApiHandlers());
  },
  globalTypes: {
    clerkPersona: clerkPersonaGlobalType,
    theme: {
      description: 'Colour scheme',
      toolbar: { title: 'Theme', icon: 'mirror', dynamicTitle: true, items: [{ value: '', title: 'Story default' }, { value: 'light', title: 'Light' }, { value: 'dark', title: 'Dark' }] },
    },
  },
  initialGlobals: { clerkPersona: '', theme: '' },
  parameters: {
    layout: 'padded',
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
};
export default preview;
