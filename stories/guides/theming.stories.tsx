import type { Meta, StoryObj } from '@storybook/nextjs-vite';
import { expect, userEvent } from 'storybook/test';
import { PermissionGate, SessionManager } from '../../src';
import { TokenEditor } from '../support/token-editor';

function Preview() {
  return (
    <>
      <SessionManager />
      <PermissionGate permission="org:invoices:read" fallback={<p>No access to invoices.</p>}>
        <p>Invoices: visible to you.</p>
      </PermissionGate>
    </>
  );
}

const meta = {
  title: 'Guides/Theming',
  component: TokenEditor,
  tags: ['!autodocs'],
  args: { children: <Preview /> },
  argTypes: { children: { control: false } },
  parameters: { clerk: { persona: 'orgMember' }, layout: 'fullscreen' },
} satisfies Meta<typeof TokenEditor>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Change a token, flip light and dark, copy the CSS of what you changed. */
export const TokenPlayground: Story = {
  play: async ({ canvas }) => {
    const primary = canvas.getByRole('textbox', { name: /--csk-primary$/ });
    await userEvent.clear(primary);
    await userEvent.type(primary, 'oklch(0.5 0.2 150)');
    await expect(canvas.getByLabelText('Your CSS')).toHaveTextContent(':root, .light { --csk-primary: oklch(0.5 0.2 150); }');
    await userEvent.click(canvas.getByRole('radio', { name: 'Dark' }));
    await expect(canvas.getByRole('textbox', { name: /--csk-primary$/ })).toHaveValue('oklch(0.92 0.004 286.3)');
  },
};
