/**
 * Rendering as a production Storybook, an app or a dev server does: `createRoot().render()`
 * outside `act()`. React then commits, and runs effects in a later task, after the microtasks of
 * the render; Testing Library's `render()` flushes effects at once and hides what depends on that
 * order (issue 21: ClerkProvider subscribes to Clerk's status in an effect).
 */
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, vi } from 'vitest';

const mounted: (() => void)[] = [];

afterEach(() => {
  mounted.splice(0).forEach((unmount) => unmount());
  vi.unstubAllGlobals();
});

export function renderOutsideAct(ui: ReactNode): HTMLElement {
  vi.stubGlobal('IS_REACT_ACT_ENVIRONMENT', false);
  const container = document.body.appendChild(document.createElement('div'));
  const root = createRoot(container);
  root.render(ui);
  mounted.push(() => {
    root.unmount();
    container.remove();
  });
  return container;
}

/** Waits, with real timers and no act(), for `check` to hold: true once it does, false if it never does within `timeout` ms. */
export const eventually = (check: () => boolean, timeout = 2000): Promise<boolean> =>
  vi
    .waitFor(() => expect(check()).toBe(true), { timeout })
    .then(
      () => true,
      () => false,
    );

export const alertText = (container: HTMLElement) => container.querySelector('[role="alert"]')?.textContent ?? '';
