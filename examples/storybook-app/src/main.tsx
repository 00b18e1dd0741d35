import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ClerkProvider } from '@clerk/react';
import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-600.css';
import 'clerk-session-kit/styles.css';
import './app.css';
import { App } from './app';

// The real Clerk in the app; the stories and tests run the same components on the kit's mock.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ClerkProvider publishableKey={import.meta.env.VITE_CLERK_PUBLISHABLE_KEY}>
      <App />
    </ClerkProvider>
  </StrictMode>,
);
