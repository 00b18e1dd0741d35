import { afterEach, describe, expect, it } from 'vitest';
import { SessionManager } from '../../src';
import { MockClerkProvider, personas } from '../../src/testing';
import { cleanupPage, kitCss, renderInPage, style } from './css-frame';

/**
 * The kit's rules live in one cascade layer of its own, `csk` (docs/styling.md › Cascade layers),
 * so where an app's rules stand against them is the app's choice, made with
 * `@layer`. Each case is a page (an iframe) with the app's stylesheet first and the kit's after it,
 * as in an app whose global CSS loads before a component library's: the app's layer statement then
 * decides (the last case loads them the other way round, where the kit's own order statement
 * `@layer theme, base, csk, components, utilities;` decides). The kit's frame has `padding: 1.25rem` (20px, `.csk-k-frame`); the app's rules give the
 * same element 3px through the `className` the app passes, at the same specificity as the kit's.
 */
const KIT_PADDING = '20px';
const APP_PADDING = '3px';
const APP_UTILITY_PADDING = '6px';

async function renderApp(appCss: string, { kitFirst = false } = {}) {
  const page = await renderInPage(
    kitFirst ? [kitCss, appCss] : [appCss, kitCss],
    <MockClerkProvider options={personas.manyDevices}>
      <SessionManager className="app-frame" />
    </MockClerkProvider>,
  );
  const frame = await page.findByRole('region', { name: 'This session' });
  const signOut = await page.findByRole('button', { name: 'Sign out' });
  return { frame, signOut };
}

afterEach(cleanupPage);

describe('given an app stylesheet loaded before the kit’s', () => {
  it('should let an unlayered app rule beat the kit’s style', async () => {
    const { frame } = await renderApp(`.app-frame { padding: ${APP_PADDING} }`);
    expect(style(frame, 'padding-top')).toBe(APP_PADDING);
  });

  it('should let an app rule in a layer ordered after csk beat the kit’s style', async () => {
    const { frame } = await renderApp(`@layer csk, app; @layer app { .app-frame { padding: ${APP_PADDING} } }`);
    expect(style(frame, 'padding-top')).toBe(APP_PADDING);
  });

  it('should keep the kit’s style over an app rule in a layer ordered before csk', async () => {
    const { frame } = await renderApp(`@layer app, csk; @layer app { .app-frame { padding: ${APP_PADDING} } }`);
    expect(style(frame, 'padding-top')).toBe(KIT_PADDING);
  });
});

/** What an app's Tailwind 4 build emits: its layers, preflight in `base`, its classes in `components` and `utilities`. */
const tailwindApp = (statement: string) => `${statement}
@layer base { button { background-color: transparent; padding: 0 } }
@layer components { .app-frame { padding: ${APP_PADDING} } }
@layer utilities { .app-frame { padding-bottom: ${APP_UTILITY_PADDING} } }`;

describe('given a Tailwind 4 app that puts csk between its base and components layers, as the README says', () => {
  it('should let the app’s components and utilities layers beat the kit, and the kit beat the app’s base layer (preflight)', async () => {
    const { frame, signOut } = await renderApp(tailwindApp('@layer theme, base, csk, components, utilities;'));
    expect(style(frame, 'padding-top')).toBe(APP_PADDING);
    expect(style(frame, 'padding-bottom')).toBe(APP_UTILITY_PADDING);
    expect(style(signOut, 'background-color')).toBe(style(signOut, '--csk-primary'));
    expect(style(signOut, 'padding-inline-start')).toBe('12px');
  });
});

describe('given a Tailwind 4 app whose layers come first and never name csk', () => {
  it('should not merge the kit into the app’s layers: the kit, a later layer, beats even its utilities; its unlayered rules still win', async () => {
    const { frame } = await renderApp(tailwindApp('@layer theme, base, components, utilities;'));
    expect(style(frame, 'padding-top')).toBe(KIT_PADDING);
    expect(style(frame, 'padding-bottom')).toBe(KIT_PADDING);
    const unlayered = await renderApp(`${tailwindApp('@layer theme, base, components, utilities;')} .app-frame { padding: 5px }`);
    expect(style(unlayered.frame, 'padding-top')).toBe('5px');
  });
});

describe('given a Tailwind 4 app that never names csk, loaded after the kit’s stylesheet', () => {
  it('should keep the kit above the app’s base layer (preflight) and below its classes, through the kit’s own order statement', async () => {
    const { frame, signOut } = await renderApp(tailwindApp('@layer theme, base, components, utilities;'), { kitFirst: true });
    expect(style(signOut, 'background-color')).toBe(style(signOut, '--csk-primary'));
    expect(style(signOut, 'padding-inline-start')).toBe('12px');
    expect(style(frame, 'padding-top')).toBe(APP_PADDING);
    expect(style(frame, 'padding-bottom')).toBe(APP_UTILITY_PADDING);
  });
});
