import type { ReactNode } from 'react';

// No marker here: the root layout also wraps Next's 404 page.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
