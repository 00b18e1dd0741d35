import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-600.css';
import 'clerk-session-kit/styles.css';
import '../src/app.css';
import type { Preview } from '@storybook/react-vite';
import { clerkPersonaGlobalType, mockClerkLoader, withMockClerk } from 'clerk-session-kit/testing/storybook';

const preview: Preview = {
  // One mock Clerk per story, from `parameters.clerk` or the Persona toolbar.
  loaders: [mockClerkLoader],
  decorators: [withMockClerk],
  globalTypes: { clerkPersona: clerkPersonaGlobalType },
  parameters: { clerk: { persona: 'orgMember' } },
};
export default preview;
