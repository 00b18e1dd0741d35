// The demo's own root layout: the kit's mock Clerk (Core 2 build) instead of the real one.
import type { ReactNode } from 'react';
import 'clerk-session-kit/styles.css';
import '../site.css';

export const metadata = { title: 'clerk-session-kit demo on Clerk Core 2 (mock Clerk)' };

export default function DemoLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
