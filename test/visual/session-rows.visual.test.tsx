import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { SessionList } from '../../src';
import { de } from '../../src/i18n/de';
import { MockClerkProvider, mergePersona } from '../../src/testing';
import { longText } from '../../stories/support/stress-personas';

/**
 * Rows at phone widths, measured (boxes, not pixels) on the long-text persona in English and
 * German: every account and device title keeps at least 12 characters on its line or wraps to a
 * second one, and an action's pending state changes no row's height and no control's width.
 * Every action waits on a gate that opens only after the test, so the pending state is Clerk's
 * call in flight, not a prop.
 */
let release = () => {};
let mounted: Root | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  release();
});

const locales = [
  { lang: 'English', localization: undefined, t: { switch: 'Switch', signOut: 'Sign out', confirm: 'Revoke session' } },
  { lang: 'German', localization: de, t: { switch: 'Wechseln', signOut: 'Abmelden', confirm: 'Sitzung widerrufen' } },
] as const;
type Locale = (typeof locales)[number];

async function renderList(width: number, { localization }: Locale) {
  await page.viewport(width, 900);
  document.body.innerHTML = '';
  document.documentElement.className = 'light';
  const frame = document.createElement('div');
  frame.style.cssText = `width:${width}px;box-sizing:border-box;padding:16px`;
  document.body.append(frame);
  const gate = new Promise<void>((resolve) => (release = resolve));
  const held = () => gate;
  const persona = mergePersona(longText, { latency: { setActive: held, signOut: held, revoke: held, default: 0 } });
  mounted = createRoot(frame);
  mounted.render(
    <MockClerkProvider options={persona}>
      <SessionList localization={localization} addAccount={{ href: '#sign-in' }} />
    </MockClerkProvider>,
  );
  await expect.poll(() => frame.querySelectorAll('[data-slot="device"]').length).toBe(4);
  await Promise.all([...document.fonts].map((face) => face.load()));
  await document.fonts.ready;
  return frame;
}

const rows = (frame: HTMLElement) => [...frame.querySelectorAll<HTMLElement>('li[data-slot="account"], li[data-slot="device"]')];
const buttons = (frame: HTMLElement) => [...frame.querySelectorAll<HTMLElement>('[data-csk-root] button')];
const box = (el: Element) => el.getBoundingClientRect();
/** Row heights and control widths, keyed by what they are. */
const measure = (frame: HTMLElement) => ({
  rows: rows(frame).map((row) => ({ row: row.textContent?.slice(0, 40), height: box(row).height })),
  controls: buttons(frame).map((button) => ({ control: button.dataset.action ?? button.textContent, width: box(button).width })),
});

/** The number of the title's first characters drawn inside its box (a clipped title hides the rest). */
function visibleCharacters(label: HTMLElement) {
  const text = label.firstChild;
  if (!(text instanceof Text)) throw new Error(`The title ${label.outerHTML.slice(0, 80)} is not one text node.`);
  const { right, bottom } = box(label);
  const range = document.createRange();
  let shown = 0;
  for (let i = 0; i < text.length; i++) {
    range.setStart(text, i);
    range.setEnd(text, i + 1);
    const char = range.getBoundingClientRect();
    if (char.right > right + 0.5 || char.bottom > bottom + 0.5) break;
    shown = i + 1;
  }
  return shown;
}

describe.each([320, 390])('given the long-text sessions at %i px', (width) => {
  describe.each(locales)('in $lang', (locale) => {
    it('should keep at least 12 characters of every title on its line, or wrap it to a second line', async () => {
      const frame = await renderList(width, locale);
      const labels = rows(frame).map((row) => row.querySelector<HTMLElement>('[data-slot="label"]')!);
      expect(labels).toHaveLength(6);
      for (const label of labels) {
        const lines = Math.round(box(label).height / parseFloat(getComputedStyle(label).lineHeight));
        const shown = visibleCharacters(label);
        expect(
          lines >= 2 || shown >= Math.min(12, label.textContent!.length),
          `"${label.textContent}": ${shown} characters on ${lines} line(s)`,
        ).toBe(true);
      }
    });

    // Below a 24rem container (both widths here) a row's actions are in its ⋯ menu.
    const actions = [
      { name: 'switching to the other account', act: async (frame: HTMLElement) => [await choose(rows(frame)[1]!, locale.t.switch)] },
      { name: 'signing the other account out', act: async (frame: HTMLElement) => [await choose(rows(frame)[1]!, locale.t.signOut)] },
      {
        name: 'revoking every other device',
        act: async (frame: HTMLElement) => {
          const pending: HTMLElement[] = [];
          for (const row of rows(frame)
            .filter((r) => r.dataset.slot === 'device')
            .slice(1)) {
            pending.push(await choose(row, locale.t.confirm, locale.t.confirm));
          }
          return pending;
        },
      },
    ];

    it.each(actions)('should change no row height and no control width while $name', async ({ act }) => {
      const frame = await renderList(width, locale);
      const before = measure(frame);
      const pending = await act(frame);
      for (const button of pending) expect(button).toHaveAttribute('aria-busy', 'true');
      expect(measure(frame)).toEqual(before);
    });
  });
});

/**
 * Opens the row's ⋯ menu, chooses `item`, confirms with `confirm` when a dialog asks, and waits
 * for the ⋯ button to be busy; returns it.
 */
async function choose(row: HTMLElement, item: string, confirm?: string) {
  const more = row.querySelector<HTMLElement>('button[data-action="menu"]');
  if (!more || !more.checkVisibility()) throw new Error(`No visible ⋯ button on the row "${row.textContent?.slice(0, 40)}".`);
  await userEvent.click(more);
  await expect.poll(() => document.querySelector('[role="menu"]')).toBeTruthy();
  const choice = [...document.querySelectorAll<HTMLElement>('[role="menuitem"]')].find((b) => b.textContent === item);
  if (!choice) throw new Error(`No menu item "${item}".`);
  await userEvent.click(choice);
  if (confirm) {
    await expect.poll(() => document.querySelector('dialog[open]')).toBeTruthy();
    const button = [...document.querySelectorAll<HTMLElement>('dialog[open] button')].find((b) => b.textContent === confirm);
    if (!button) throw new Error(`No "${confirm}" in the dialog.`);
    await userEvent.click(button);
  }
  await expect.poll(() => more.getAttribute('aria-busy')).toBe('true');
  return more;
}
