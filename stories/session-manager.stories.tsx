import type { Meta, StoryObj } from '@storybook/nextjs-vite';
import { expect, waitFor, within } from 'storybook/test';
import { SessionManager } from '../src';
import { de } from '../src/i18n/de';
import { personas } from '../src/testing';
import { getMockClerk } from '../src/testing/storybook';
import { SessionManagerHookOnly } from './session-manager.hook-only';
import { allStatesParameters, PersonaPanels, type PersonaCell } from './support/demo';

const meta = {
  title: 'Components/SessionManager',
  component: SessionManager,
  parameters: { clerk: { persona: 'manyDevices' } },
} satisfies Meta<typeof SessionManager>;
export default meta;
type Story = StoryObj<typeof meta>;
type Ctx = Parameters<NonNullable<Story['play']>>[0];

// The actions that change something (reads such as getSessions are left out).
const actions = (context: Parameters<typeof getMockClerk>[0]) =>
  getMockClerk(context)
    .mock.calls.filter((c) => ['signOut', 'revoke', 'setActive'].includes(c.action))
    .map((c) => `${c.action}:${c.status}`);

/** Ada's session: who, on which device, since when, until when; the raw session id waits behind "Session details". */
export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: 'This session' })).toBeInTheDocument();
    await expect(canvas.getByText('Ada Lovelace')).toBeInTheDocument();
    await expect(await canvas.findByText('This device — Chrome 142 · Macintosh — Berlin, Germany')).toBeInTheDocument();
    await expect(canvas.getByText('Jan 22, 2026, 12:00 PM')).toBeInTheDocument(); // expires in 7 days
    await expect(canvas.getByText('sess_ada')).not.toBeVisible();
  },
};

/** Copying the id says so on the button itself (and to screen readers). */
export const CopySessionId: Story = {
  tags: ['!autodocs'],
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByText('Session details'));
    const copy = canvas.getByRole('button', { name: 'Copy session ID' });
    await userEvent.click(copy);
    await waitFor(() => expect(copy).not.toHaveTextContent(/^Copy$/)); // "Copied", or why not
    await expect(copy).toHaveFocus();
  },
};

export const Loading: Story = {
  parameters: { clerk: { persona: 'loading' } },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvasElement.querySelector('[aria-busy="true"] [data-slot="skeleton"]')).not.toBeNull();
    await expect(canvas.queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument();
  },
};

/** Clerk's script could not load: a sentence and a retry instead of skeletons for ever. */
export const ClerkFailed: Story = {
  tags: ['!autodocs'],
  args: { onRetryLoad: () => {} },
  parameters: { clerk: { persona: 'loadFailed' } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Sign-in could not load.');
  },
};

export const SignedOut: Story = {
  parameters: { clerk: { persona: 'signedOut' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('You are signed out.')).toBeInTheDocument();
  },
};

/** A support agent acting as Ada: the badge says so; the agent's id waits behind "Session details". */
export const Impersonated: Story = {
  parameters: { clerk: { persona: 'impersonated' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Impersonated session')).toBeInTheDocument();
    await expect(canvas.getByText('user_support')).not.toBeVisible();
  },
};

/**
 * Signed in, pending a task (Core 3 session tasks): Clerk's hooks count Ada as signed out until she
 * chooses an organization; the session shows as pending with the task's name, and can be signed out.
 */
export const PendingSession: Story = {
  parameters: { clerk: { persona: 'pendingSession' } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Pending: Choose an organization')).toBeInTheDocument();
    await expect(canvas.getByText('Ada Lovelace')).toBeInTheDocument();
    await expect(canvas.getByRole('button', { name: 'Sign out' })).toBeEnabled();
  },
};

/** "Sign out" in flight: the button says so with a spinner, keeps focus, and refuses a second click. */
export const SignOutPending: Story = {
  tags: ['!autodocs'],
  parameters: { clerk: { options: { latency: { signOut: 600_000 } } } },
  play: async ({ canvas, userEvent, context }) => {
    const button = canvas.getByRole('button', { name: 'Sign out' });
    await userEvent.click(button);
    await expect(button).toHaveTextContent('Signing out…');
    await expect(button).toHaveAttribute('aria-busy', 'true');
    await expect(button).toHaveFocus();
    await userEvent.click(button);
    await expect(actions(context)).toEqual(['signOut:pending']);
  },
};

/** Clerk refuses once: the error shows next to the actions, in words for people, with a retry (the failure at rest). */
export const SignOutFailed: Story = {
  tags: ['!autodocs'],
  parameters: { clerk: { options: { failures: { signOut: { mode: 'once', message: 'Clerk is unreachable.' } } } } },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Sign out' }));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Could not sign out: Something went wrong. Please try again.');
    await expect(within(alert).getByRole('button', { name: 'Try again' })).toBeEnabled();
  },
};

/** After a refused sign-out, Try again signs out. */
export const SignOutFailedThenRetry: Story = {
  tags: ['!autodocs'],
  parameters: SignOutFailed.parameters,
  play: async ({ canvas, userEvent, context }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Sign out' }));
    const alert = await canvas.findByRole('alert');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await expect(await canvas.findByText('You are signed out.')).toBeInTheDocument();
    await expect(actions(context)).toEqual(['signOut:error', 'signOut:ok']);
  },
};

/**
 * The confirmation: a modal dialog that names the count, focus on Cancel, Escape closes it and
 * focus returns to the opener. Shared by the ready-made component's story and the hook-only one.
 */
const confirmAndEscape = async ({ canvas, userEvent, canvasElement }: Ctx) => {
  const opener = canvas.getByRole('button', { name: 'Sign out of all devices' });
  await userEvent.click(opener);
  const dialog = await within(canvasElement.ownerDocument.body).findByRole('dialog', {
    name: 'Sign out of all devices?',
  });
  await waitFor(() => expect(dialog).toHaveTextContent('7 other devices are signed out first, then this one.'));
  await expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
  await userEvent.keyboard('{Escape}');
  await waitFor(() => expect(dialog).not.toBeVisible());
  await expect(opener).toHaveFocus();
};

/** The confirmation is a modal dialog that names the count, with focus on Cancel; Escape closes it and focus returns. */
export const SignOutEverywhereConfirmation: Story = { tags: ['!autodocs'], play: confirmAndEscape };

/**
 * The behaviour from `useSessionManager()` alone, on plain elements: no parts, only the hook's
 * prop getters (`getRootProps()`, `getSignOutProps()`, `getSignOutEverywhereProps()`,
 * `getCopyIdProps()`, `getConfirmDialogProps()`…). Its play function is Sign Out Everywhere
 * Confirmation's: the same keys, the same focus.
 */
export const HookOnly: Story = { tags: ['!autodocs'], render: () => <SessionManagerHookOnly />, play: confirmAndEscape };

/** The confirmation left open: destructive styling, the count, and a fit on a 320 px phone. */
export const SignOutEverywhereOpen: Story = {
  tags: ['!autodocs'],
  play: async ({ canvas, userEvent, canvasElement }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Sign out of all devices' }));
    const dialog = await within(canvasElement.ownerDocument.body).findByRole('dialog', {
      name: 'Sign out of all devices?',
    });
    await waitFor(() => expect(dialog).toHaveTextContent('7 other devices are signed out first, then this one.'));
    await expect(within(dialog).getByRole('button', { name: 'Sign out everywhere' })).toHaveAttribute('data-action', 'confirm');
  },
};

/** Confirmed: every other device is revoked first, then this session is signed out. */
export const SignOutEverywhere: Story = {
  tags: ['!autodocs'],
  play: async ({ canvas, userEvent, context, canvasElement }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Sign out of all devices' }));
    const dialog = await within(canvasElement.ownerDocument.body).findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Sign out everywhere' }));
    await expect(await canvas.findByText('You are signed out.')).toBeInTheDocument();
    await expect(actions(context)).toEqual([...Array(7).fill('revoke:ok'), 'signOut:ok']);
    await waitFor(() => expect(canvasElement.ownerDocument.activeElement).not.toBe(canvasElement.ownerDocument.body));
  },
};

/** Clerk cannot list the devices (clerk-js answers `[]`): nothing is signed out, the dialog says why. */
export const SignOutEverywhereUnavailable: Story = {
  tags: ['!autodocs'],
  parameters: { clerk: { options: { failures: { getSessions: 'always' } } } },
  play: async ({ canvas, userEvent, context, canvasElement }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Sign out of all devices' }));
    const dialog = await within(canvasElement.ownerDocument.body).findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Sign out everywhere' }));
    await expect(await within(dialog).findByRole('alert')).toHaveTextContent('Could not sign out of all devices');
    await expect(actions(context)).toEqual([]);
  },
};

export const Dark: Story = { parameters: { theme: 'dark' } };

export const Mobile: Story = { tags: ['!autodocs'], globals: { viewport: { value: 'mobile1', isRotated: false } } };

export const German: Story = {
  tags: ['!autodocs'],
  args: { localization: de },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: 'Abmelden' })).toBeInTheDocument();
    await expect(canvas.getByText('22.01.2026, 12:00')).toBeInTheDocument();
    await expect(canvas.getByText('nächste Woche')).toBeInTheDocument();
  },
};

const cells: PersonaCell<React.ComponentProps<typeof SessionManager>>[] = [
  { title: 'Signed in', persona: personas.manyDevices },
  { title: 'Impersonated', persona: personas.impersonated },
  { title: 'German', persona: personas.orgMember, props: { localization: de } },
  { title: 'Loading', persona: personas.loading },
  { title: 'Clerk could not load', persona: personas.loadFailed },
  { title: 'Signed out', persona: personas.signedOut },
];

/** Every static state side by side, each on its own mock Clerk: screenshotted by the visual tests. */
export const AllStates: Story = {
  tags: ['!autodocs'],
  parameters: allStatesParameters,
  render: () => <PersonaPanels cells={cells} render={(props) => <SessionManager onRetryLoad={() => {}} {...props} />} />,
  play: async ({ canvas }) => {
    await expect(canvas.getAllByRole('region', { name: /This session|Diese Sitzung/ })).toHaveLength(6);
    await expect(await canvas.findAllByText('This device — Chrome 142 · Macintosh — Berlin, Germany')).toHaveLength(2);
  },
};
