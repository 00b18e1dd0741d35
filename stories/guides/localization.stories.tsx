import type { Meta, StoryObj } from '@storybook/nextjs-vite';
import { expect } from 'storybook/test';
import { KitProvider, SessionManager } from '../../src';
import { de } from '../../src/i18n/de';

const meta = {
  title: 'Guides/Localization',
  component: SessionManager,
  tags: ['!autodocs'],
  parameters: { clerk: { persona: 'orgMember' } },
} satisfies Meta<typeof SessionManager>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Every string in German: `<KitProvider localization={de}>`. */
export const German: Story = {
  render: () => (
    <KitProvider localization={de}>
      <SessionManager />
    </KitProvider>
  ),
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Abmelden' })).toBeInTheDocument();
  },
};

/** One key overridden, the rest English: `localization={{ signOut: 'Log out' }}`. */
export const OneKeyOverridden: Story = {
  render: () => (
    <KitProvider localization={{ signOut: 'Log out' }}>
      <SessionManager />
    </KitProvider>
  ),
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Log out' })).toBeInTheDocument();
  },
};
