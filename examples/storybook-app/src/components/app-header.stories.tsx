import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { AppHeader } from './app-header';

const meta = { component: AppHeader } satisfies Meta<typeof AppHeader>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Ada in Acme. */
export const SignedIn: Story = {
  parameters: { clerk: { persona: 'orgMember' } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Ada Lovelace')).toBeVisible();
    await expect(canvas.getByText('Acme Inc')).toBeVisible();
  },
};

/** Ada without organizations. */
export const PersonalAccount: Story = {
  parameters: { clerk: { persona: 'personal' } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Personal account')).toBeVisible();
  },
};

export const SignedOut: Story = {
  parameters: { clerk: { persona: 'signedOut' } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('link', { name: 'Sign in' })).toBeVisible();
  },
};

/** Clerk could not load: the header's alert, at rest. */
export const LoadFailed: Story = {
  parameters: { clerk: { persona: 'loadFailed' } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Your account could not load.');
  },
};
