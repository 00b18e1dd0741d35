// Clerk Core 2: @clerk/nextjs 6's ClerkProvider, and the kit's /core-2 entry below it.
import { ClerkProvider } from '@clerk/nextjs';
import type { ReactNode } from 'react';
import 'clerk-session-kit/styles.css';
import '../site.css';

export const metadata = { title: 'clerk-session-kit on Clerk Core 2' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <ClerkProvider publishableKey={process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY}>
      <html lang="en">
        <body>{children}</body>
      </html>
    </ClerkProvider>
  );
}
