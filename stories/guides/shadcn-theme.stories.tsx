import type { Meta, StoryObj } from '@storybook/nextjs-vite';
import { expect, within } from 'storybook/test';
import { OrgSwitcher, SessionList, SessionManager } from '../../src';
// What an app adds for its shadcn/ui theme: this one stylesheet after the kit's (preview.tsx loads styles.css).
import '../../src/shadcn.css';
import './shadcn-app.css';

/** A shadcn/ui app's page: its theme's variables on the wrapper, no `--csk-*` anywhere. */
function ShadcnApp({ theme, scheme }: { theme: 'neutral' | 'blue'; scheme: 'light' | 'dark' }) {
  return (
    <div className={`shadcn-app theme-${theme}${scheme === 'dark' ? ' dark' : ''}`} data-testid="shadcn-app">
      <div>
        <OrgSwitcher />
        <SessionManager className="csk:mt-4" />
      </div>
      <SessionList />
    </div>
  );
}

const meta = {
  title: 'Guides/shadcn theme',
  component: ShadcnApp,
  tags: ['!autodocs'],
  args: { theme: 'neutral', scheme: 'light' },
  argTypes: {
    theme: { control: 'inline-radio', options: ['neutral', 'blue'], description: "The app's shadcn theme" },
    scheme: { control: 'inline-radio', options: ['light', 'dark'], description: "The app's colour scheme (`.dark`)" },
  },
  parameters: { clerk: { persona: 'orgMember' }, layout: 'fullscreen' },
} satisfies Meta<typeof ShadcnApp>;
export default meta;
type Story = StoryObj<typeof meta>;
type Ctx = Parameters<NonNullable<Story['play']>>[0];

/** One of the app's shadcn variables as the browser draws it (a production build rewrites how the value is written). */
const appColour = (app: HTMLElement, name: string) => {
  const probe = document.createElement('span');
  probe.style.color = `var(${name})`;
  app.append(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour;
};

/** The kit's buttons and cards are drawn in the app's colours: read back from the computed styles. */
const drawnInTheAppsTheme = async ({ canvas }: Ctx) => {
  const app = canvas.getByTestId('shadcn-app');
  const signOut = await canvas.findByRole('button', { name: 'Sign out' });
  const session = canvas.getByRole('region', { name: 'This session' });
  await expect(getComputedStyle(signOut).backgroundColor).toBe(appColour(app, '--primary'));
  await expect(getComputedStyle(signOut).color).toBe(appColour(app, '--primary-foreground'));
  await expect(getComputedStyle(session).backgroundColor).toBe(appColour(app, '--card'));
};

/** shadcn's default theme (neutral), light. */
export const Neutral: Story = { play: drawnInTheAppsTheme };

/** shadcn's default theme, dark: the app's `.dark` on its own wrapper. */
export const NeutralDark: Story = { args: { scheme: 'dark' }, play: drawnInTheAppsTheme };

/** A blue theme with a larger `--radius`, light. */
export const Blue: Story = { args: { theme: 'blue' }, play: drawnInTheAppsTheme };

/** The blue theme, dark, with the organization switcher open: its popover follows the theme too. */
export const BlueDarkSwitcherOpen: Story = {
  args: { theme: 'blue', scheme: 'dark' },
  play: async (context) => {
    await drawnInTheAppsTheme(context);
    const { canvas, userEvent } = context;
    await userEvent.click(canvas.getAllByRole('button').find((b) => b.dataset.slot === 'trigger')!);
    const dialog = await canvas.findByRole('dialog', { name: 'Switch organization' });
    await expect(within(dialog).getAllByRole('option').length).toBeGreaterThan(0);
    await expect(getComputedStyle(dialog).backgroundColor).toBe(appColour(canvas.getByTestId('shadcn-app'), '--card'));
  },
};
