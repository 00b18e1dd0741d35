import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-500.css';
import '@fontsource/inter/latin-600.css';
import '../src/styles.css';
import './preview.css';
import type { Preview } from '@storybook/nextjs-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { createMockApiHandlers } from '../src/testing/msw';
import { clerkPersonaGlobalType, mockClerkLoader, withMockClerk } from '../src/testing/storybook';

const preview: Preview = {
  tags: ['autodocs'],
  loaders: [mswLoader(), mockClerkLoader],
  decorators: [withMockClerk],
  beforeEach({ msw }) {
    msw.use(...createMockApiHandlers());
  },
  globalTypes: { clerkPersona: clerkPersonaGlobalType },
  initialGlobals: { clerkPersona: '' },
  parameters: {
    layout: 'padded',
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
};
export default preview;
