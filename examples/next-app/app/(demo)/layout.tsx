// The demo's own root layout: the kit's mock Clerk instead of the real one, so the page renders
// and hydrates with no Clerk instance on the network (see components/demo-clerk.tsx).
import type { ReactNode } from 'react';
import 'clerk-session-kit/styles.css';
import '../site.css';

export const metadata = { title: 'clerk-session-kit demo (mock Clerk)' };

export default function DemoLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
