import type { Meta, StoryObj } from '@storybook/nextjs-vite';
import { useUser } from '@clerk/react';
import { expect } from 'storybook/test';

/** Shows whose mock Clerk the story runs on. */
function WhoIsSignedIn() {
  const { isLoaded, user } = useUser();
  if (!isLoaded) return <p>Loading…</p>;
  return <p className="demo-panel">{user ? `Signed in as ${user.fullName}` : 'Signed out'}</p>;
}

/**
 * How the Persona toolbar behaves. It replaces a story's own persona, except where the story
 * pins it: stories with a play function pin by default (their assertions expect their own data),
 * and the page then says that the toolbar does not apply. `parameters.clerk.pin` overrides that.
 * The stories below set the toolbar themselves (story `globals`) to show both cases.
 */
const meta = {
  title: 'Testing/Storybook toolbar',
  component: WhoIsSignedIn,
  parameters: { clerk: { persona: 'orgMember' } },
} satisfies Meta<typeof WhoIsSignedIn>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A story with a play function keeps its persona (Ada, orgMember) and says so. */
export const PinnedByItsPlayFunction: Story = {
  globals: { clerkPersona: 'signedOut' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Signed in as Ada Lovelace')).toBeInTheDocument();
    await expect(canvas.getByRole('note')).toHaveTextContent('pins its own persona');
  },
};

/** `pin: false`: the toolbar's persona (signed out) replaces the story's. */
export const FollowsTheToolbar: Story = {
  globals: { clerkPersona: 'signedOut' },
  parameters: { clerk: { persona: 'orgMember', pin: false } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Signed out')).toBeInTheDocument();
    await expect(canvas.queryByRole('note')).not.toBeInTheDocument();
  },
};
