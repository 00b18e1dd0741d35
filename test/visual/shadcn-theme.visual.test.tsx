import { afterEach, describe, expect, it } from 'vitest';
import { SessionManager } from '../../src';
import { MockClerkProvider, personas } from '../../src/testing';
import { cleanupPage, kitCss, renderInPage, shadcnCss, style } from './css-frame';

/**
 * clerk-session-kit/shadcn.css in a page of its own: the kit's tokens follow an app's shadcn/ui v4
 * variables wherever the app sets them (here on a wrapper, never on `:root`), and are the kit's own
 * values where the app has none.
 */
const TOKENS = [
  'font-family',
  'background',
  'foreground',
  'card',
  'card-foreground',
  'muted',
  'muted-foreground',
  'primary',
  'primary-foreground',
  'accent',
  'accent-foreground',
  'destructive',
  'destructive-foreground',
  'border',
  'ring',
  'success',
  'warning',
];

/** An app's theme: shadcn's variables only, no `--csk-*`. */
const appTheme = `
.brand { --font-sans: serif; --radius: 1rem; --background: rgb(250, 250, 255); --card: rgb(240, 240, 255);
  --card-foreground: rgb(10, 10, 60); --primary: rgb(80, 40, 200); --primary-foreground: rgb(255, 255, 255);
  --border: rgb(200, 200, 230); --muted-foreground: rgb(90, 90, 120); }
.brand.dark { --card: rgb(20, 20, 50); --primary: rgb(190, 170, 255); --primary-foreground: rgb(20, 0, 60); }`;

async function renderKit(stylesheets: string[], { wrapper = '', htmlClass = '' } = {}) {
  const page = await renderInPage(
    stylesheets,
    <div className={wrapper}>
      <MockClerkProvider options={personas.manyDevices}>
        <SessionManager />
      </MockClerkProvider>
    </div>,
    htmlClass,
  );
  return {
    frame: await page.findByRole('region', { name: 'This session' }),
    signOut: await page.findByRole('button', { name: 'Sign out' }),
  };
}

/** The colour and font tokens as written, and the radius as drawn (shadcn.css computes it: `calc(0.625rem - 2px)` is the kit's 0.5rem). */
const tokens = (el: Element): Record<string, string> => ({
  ...Object.fromEntries(TOKENS.map((name) => [name, style(el, `--csk-${name}`)])),
  radius: style(el, 'border-top-left-radius'),
});

afterEach(cleanupPage);

describe('given an app whose shadcn theme is set on a wrapper, not on :root', () => {
  it('should draw the kit in the app’s colours, radius and font', async () => {
    const { frame, signOut } = await renderKit([kitCss, shadcnCss, appTheme], { wrapper: 'brand' });
    expect(style(signOut, 'background-color')).toBe('rgb(80, 40, 200)');
    expect(style(signOut, 'color')).toBe('rgb(255, 255, 255)');
    expect(style(frame, 'background-color')).toBe('rgb(240, 240, 255)');
    expect(style(frame, 'border-top-color')).toBe('rgb(200, 200, 230)');
    expect(style(frame, 'border-top-left-radius')).toBe('14px'); // shadcn's rounded-md: --radius - 2px
    expect(style(frame, 'font-family')).toBe('serif');
  });

  it('should follow the app’s dark theme on the same wrapper', async () => {
    const { frame, signOut } = await renderKit([kitCss, shadcnCss, appTheme], { wrapper: 'brand dark' });
    expect(style(signOut, 'background-color')).toBe('rgb(190, 170, 255)');
    expect(style(frame, 'background-color')).toBe('rgb(20, 20, 50)');
  });

  it('should map the theme even when shadcn.css loads before styles.css', async () => {
    const { signOut } = await renderKit([shadcnCss, kitCss, appTheme], { wrapper: 'brand dark' });
    expect(style(signOut, 'background-color')).toBe('rgb(190, 170, 255)');
  });
});

describe('given an app with no shadcn variables', () => {
  it.each([
    { scheme: 'light', htmlClass: 'light', wrapper: '' },
    { scheme: 'dark', htmlClass: 'dark', wrapper: '' },
    { scheme: 'light inside dark', htmlClass: 'dark', wrapper: 'light' },
    { scheme: 'dark inside light', htmlClass: 'light', wrapper: 'dark' },
  ])('should keep every kit token as styles.css alone sets it ($scheme)', async ({ htmlClass, wrapper }) => {
    const alone = tokens((await renderKit([kitCss], { htmlClass, wrapper })).frame);
    const mapped = tokens((await renderKit([kitCss, shadcnCss], { htmlClass, wrapper })).frame);
    expect(alone.background).not.toBe('');
    expect(mapped).toEqual(alone);
  });
});
