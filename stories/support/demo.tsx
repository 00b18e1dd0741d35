/** Story-only chrome: labelled panels to show what a gate renders. Styled in .storybook/preview.css. */
import type { ReactNode } from 'react';

export function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="demo-panel" aria-label={title}>
      <h3 className="demo-panel__title">{title}</h3>
      <div className="demo-panel__body">{children}</div>
    </section>
  );
}

export const Allowed = ({ children = 'Invoices: visible to you' }: { children?: ReactNode }) => (
  <p className="demo-allowed">{children}</p>
);
export const Denied = ({ children = 'You do not have access to invoices.' }: { children?: ReactNode }) => (
  <p className="demo-denied">{children}</p>
);
export const Loading = () => (
  <p className="demo-loading" role="status">
    Checking access…
  </p>
);
