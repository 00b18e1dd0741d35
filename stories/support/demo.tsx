/** Story-only chrome: labelled panels to show what a gate renders. Styled in .storybook/preview.css. */
import type { ReactNode } from 'react';
import { MockClerkProvider, type Persona } from '../../src/testing';

export function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="demo-panel" aria-label={title}>
      <h3 className="demo-panel__title">{title}</h3>
      <div className="demo-panel__body">{children}</div>
    </section>
  );
}

export const Allowed = ({ children = 'Invoices: visible to you' }: { children?: ReactNode }) => <p className="demo-allowed">{children}</p>;
export const Denied = ({ children = 'You do not have access to invoices.' }: { children?: ReactNode }) => (
  <p className="demo-denied">{children}</p>
);
export const Loading = () => (
  <p className="demo-loading" role="status">
    Checking access…
  </p>
);

export interface PersonaCell<P> {
  title: string;
  persona: Persona;
  props?: P;
}

/**
 * The all-states layout: one labelled panel per cell, each rendering `render(props)` on its own
 * mock Clerk. Used by every component's AllStates story (the ones the visual tests screenshot).
 */
export function PersonaPanels<P>({
  cells,
  render,
  layout = 'stack',
}: {
  cells: PersonaCell<P>[];
  render: (props: P | undefined) => ReactNode;
  layout?: 'stack' | 'grid';
}) {
  return (
    <div className={layout === 'grid' ? 'demo-grid' : 'demo-stack'}>
      {cells.map(({ title, persona, props }) => (
        <Panel key={title} title={title}>
          <MockClerkProvider options={persona}>{render(props)}</MockClerkProvider>
        </Panel>
      ))}
    </div>
  );
}

/** Story parameters for an all-states story: no global mock, and repeated landmarks allowed. */
export const allStatesParameters = {
  clerk: { disable: true },
  // Several copies of one component on one page repeat its landmark name; a real page has one.
  a11y: { config: { rules: [{ id: 'landmark-unique', enabled: false }] } },
};
