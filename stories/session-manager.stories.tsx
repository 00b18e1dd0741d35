import type { Meta, StoryObj } from '@storybook/nextjs-vite';
import { expect, waitFor, within } from 'storybook/test';
import { de, SessionManager } from '../src';
import { personas } from '../src/testing';
import { getMockClerk } from '../src/testing/storybook';
import { allStatesParameters, PersonaPanels, type PersonaCell } from './support/demo';

const meta = {
  title: 'Components/SessionManager',
  component: SessionManager,
  parameters: { clerk: { persona: 'manyDevices' } },
} satisfies Meta<typeof SessionManager>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Ada's session on this browser: who, which session, since when, until when. */
export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Ada Lovelace')).toBeInTheDocument();
    await expect(canvas.getByText('sess_ada')).toBeInTheDocument();
    await expect(canvas.getByText('Jan 22, 2026, 12:00 PM')).toBeInTheDocument(); // expires in 7 days
    await expect(canvas.getByText('· next week')).toBeInTheDocument(); // Intl.RelativeTimeFormat, numeric: 'auto'
  },
};

export const Loading: Story = {
  parameters: { clerk: { persona: 'loading' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('region', { name: 'This session' })).toHaveAttribute('aria-busy', 'true');
    await expect(canvas.queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument();
  },
};

export const SignedOut: Story = {
  parameters: { clerk: { persona: 'signedOut' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('You are signed out.')).toBeInTheDocument();
  },
};

/** A support agent acting as Ada: the badge says so. */
export const Impersonated: Story = {
  parameters: { clerk: { persona: 'impersonated' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Impersonated by user_support')).toBeInTheDocument();
  },
};

/** "Sign out" in flight: the button says so and the actions are disabled. */
export const SignOutPending: Story = {
  parameters: { clerk: { options: { latency: { signOut: 600_000 } } } },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Sign out' }));
    const button = await canvas.findByRole('button', { name: 'Signing out…' });
    await expect(button).toBeDisabled();
    await expect(canvas.getByRole('button', { name: 'Sign out of all devices' })).toBeDisabled();
  },
};

/** Clerk refuses once: the error shows with a retry, and the retry works. */
export const SignOutFailed: Story = {
  parameters: { clerk: { options: { failures: { signOut: { mode: 'once', message: 'Clerk is unreachable.' } } } } },
  play: async ({ canvas, userEvent, context }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Sign out' }));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Could not sign out: Clerk is unreachable.');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await expect(await canvas.findByText('You are signed out.')).toBeInTheDocument();
    await expect(getMockClerk(context).mock.calls.map((c) => `${c.action}:${c.status}`)).toEqual(['signOut:error', 'signOut:ok']);
  },
};

/** The confirmation is a real modal dialog with focus on Cancel; Escape closes it and focus returns. */
export const SignOutEverywhereConfirmation: Story = {
  play: async ({ canvas, userEvent, canvasElement }) => {
    const opener = canvas.getByRole('button', { name: 'Sign out of all devices' });
    await userEvent.click(opener);
    const dialog = await within(canvasElement.ownerDocument.body).findByRole('dialog', { name: 'Sign out of all devices?' });
    await expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(dialog).not.toBeVisible());
    await expect(opener).toHaveFocus();
    await userEvent.click(opener);
  },
};

/** Confirmed: every other device is revoked first, then this session is signed out. */
export const SignOutEverywhere: Story = {
  play: async ({ canvas, userEvent, context, canvasElement }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Sign out of all devices' }));
    const dialog = await within(canvasElement.ownerDocument.body).findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Sign out everywhere' }));
    await expect(await canvas.findByText('You are signed out.')).toBeInTheDocument();
    const calls = getMockClerk(context).mock.calls.map((c) => c.action);
    await expect(calls).toEqual(['getSessions', ...Array(7).fill('revoke'), 'signOut']);
  },
};

export const Dark: Story = { parameters: { theme: 'dark' } };

export const Mobile: Story = { globals: { viewport: { value: 'mobile1', isRotated: false } } };

export const German: Story = {
  args: { localization: de },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: 'Abmelden' })).toBeInTheDocument();
    await expect(canvas.getByText('22.01.2026, 12:00')).toBeInTheDocument();
    await expect(canvas.getByText('· nächste Woche')).toBeInTheDocument();
  },
};

const cells: PersonaCell<React.ComponentProps<typeof SessionManager>>[] = [
  { title: 'Signed in', persona: personas.manyDevices },
  { title: 'Impersonated', persona: personas.impersonated },
  { title: 'German', persona: personas.orgMember, props: { localization: de } },
  { title: 'Loading', persona: personas.loading },
  { title: 'Signed out', persona: personas.signedOut },
];

/** Every static state side by side, each on its own mock Clerk: screenshotted by the visual tests. */
export const AllStates: Story = {
  parameters: allStatesParameters,
  render: () => <PersonaPanels cells={cells} render={(props) => <SessionManager {...props} />} />,
  play: async ({ canvas }) => {
    await expect(canvas.getAllByRole('region', { name: /This session|Diese Sitzung/ })).toHaveLength(5);
  },
};
