import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { InvoicesPage } from './invoices-page';

const meta = { component: InvoicesPage } satisfies Meta<typeof InvoicesPage>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Ada, a member of Acme: reads the invoices, cannot create one. No play function, so the Persona toolbar drives it. */
export const Member: Story = { parameters: { clerk: { persona: 'orgMember' } } };

/** Ada, an admin of Acme: may also create invoices. */
export const Admin: Story = {
  parameters: { clerk: { persona: 'orgAdmin' } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'New invoice' })).toBeVisible();
  },
};

/** Clerk could not load: the page says so at rest, and shows no invoices. */
export const LoadFailed: Story = {
  parameters: { clerk: { persona: 'loadFailed' } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Access could not be checked.');
    await expect(canvas.queryByRole('table')).not.toBeInTheDocument();
  },
};
