import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { SessionList, SessionManager } from '../../src';
import { de } from '../../src/i18n/de';
import { MockClerkProvider, personas } from '../../src/testing';
import { expectNoOverflow } from './frames';

/**
 * A pending session's task badge ("Ausstehend: Organisation auswählen") on a 320 px phone: it
 * wraps inside the card instead of running past it or under a row's ⋯ button (measured boxes).
 */
let mounted: Root | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

describe('given a pending session at 320 px in German', () => {
  it('should keep every task badge inside its card and clear of the row actions', async () => {
    await page.viewport(320, 900);
    document.body.innerHTML = '';
    document.documentElement.className = 'light';
    const frame = document.createElement('div');
    frame.style.cssText = 'width:320px;box-sizing:border-box;padding:16px';
    document.body.append(frame);
    mounted = createRoot(frame);
    mounted.render(
      <MockClerkProvider options={personas.pendingSession}>
        <SessionManager localization={de} />
        <SessionList localization={de} />
      </MockClerkProvider>,
    );
    await expect.poll(() => frame.querySelectorAll('[data-slot="device"]').length).toBeGreaterThan(0);
    const badges = () =>
      [...frame.querySelectorAll<HTMLElement>('[data-slot="badge"]')].filter((b) => b.textContent?.startsWith('Ausstehend'));
    await expect.poll(() => badges().length).toBe(3);
    await document.fonts.ready;
    expectNoOverflow(frame);
    for (const badge of badges()) {
      const card = badge.closest('[data-csk-root]')!.getBoundingClientRect();
      const box = badge.getBoundingClientRect();
      expect(box.right).toBeLessThanOrEqual(card.right);
      const actions = badge.closest('li')?.querySelector('[data-action="menu"]');
      if (actions) expect(box.right).toBeLessThanOrEqual(actions.getBoundingClientRect().left);
    }
  });
});
