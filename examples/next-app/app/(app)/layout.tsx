// The root layout of the app's pages (the demo route has its own, with no real Clerk in it).
import { ClerkProvider } from '@clerk/nextjs';
import type { ReactNode } from 'react';
import 'clerk-session-kit/styles.css';
import '../site.css';

export const metadata = { title: 'clerk-session-kit in Next.js' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <ClerkProvider publishableKey={process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY}>
      <html lang="en">
        <body>
          <nav>
            <a href="/">Home</a> <a href="/account">Account</a> <a href="/invoices">Invoices</a> <a href="/admin">Admin</a>{' '}
            <a href="/server-gate">Server gate</a> <a href="/demo">Demo</a>
          </nav>
          {children}
        </body>
      </html>
    </ClerkProvider>
  );
}
