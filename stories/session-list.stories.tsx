import type { Meta, StoryObj } from '@storybook/nextjs-vite';
import { expect, waitFor, within } from 'storybook/test';
import { de, SessionList } from '../src';
import { devices, mergePersona, personas, type Persona } from '../src/testing';
import { getMockClerk } from '../src/testing/storybook';
import { allStatesParameters, PersonaPanels, type PersonaCell } from './support/demo';

const meta = {
  title: 'Components/SessionList',
  component: SessionList,
  args: { addAccount: <a href="#sign-in">Add account</a> },
  argTypes: { addAccount: { control: false } },
  parameters: { clerk: { persona: 'manyDevices' } },
} satisfies Meta<typeof SessionList>;
export default meta;
type Story = StoryObj<typeof meta>;

const devicesOf = (canvas: { getByRole: (role: string, opts: object) => HTMLElement }) => within(canvas.getByRole('region', { name: 'Your devices' }));
const body = (el: HTMLElement) => within(el.ownerDocument.body);

/** Eight device sessions, this one first, the others by last activity. */
export const ManyDevices: Story = {
  play: async ({ canvas }) => {
    const devices = devicesOf(canvas);
    await expect(await devices.findAllByRole('listitem')).toHaveLength(8);
    await expect(devices.getAllByRole('listitem')[0]).toHaveTextContent('This device');
    await expect(devices.getByRole('button', { name: 'Revoke session on Safari 19, iPhone, Lisbon' })).toBeInTheDocument();
    await expect(devices.getByRole('button', { name: 'Revoke session on Unknown browser, Unknown device' })).toBeInTheDocument();
  },
};

/** One account, one device: nothing else to revoke. */
export const OneSession: Story = {
  parameters: { clerk: { persona: 'personal' } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('No other devices are signed in to your account.')).toBeInTheDocument();
    await expect(canvas.queryByRole('button', { name: /Revoke/ })).not.toBeInTheDocument();
  },
};

/** Three accounts on this browser; switching moves the Current badge. */
export const MultiSession: Story = {
  parameters: { clerk: { persona: 'multiSession' } },
  play: async ({ canvas, userEvent, context }) => {
    const accounts = within(canvas.getByRole('region', { name: 'Accounts on this browser' }));
    await expect(accounts.getAllByRole('listitem')[0]).toHaveTextContent(/Ada Lovelace\s*Current/);
    await userEvent.click(accounts.getByRole('button', { name: 'Switch to Grace Hopper' }));
    await waitFor(() => expect(accounts.getAllByRole('listitem')[1]).toHaveTextContent(/Grace Hopper\s*Current/));
    await expect(accounts.getAllByRole('listitem')[0]).not.toHaveTextContent('Current');
    await expect(canvas.getByRole('status')).toHaveTextContent('Switched to Grace Hopper.');
    await expect(getMockClerk(context).mock.calls.find((c) => c.action === 'setActive')?.args).toEqual([{ session: 'sess_grace' }]);
  },
};

export const Loading: Story = {
  parameters: { clerk: { persona: 'loading' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('region', { name: 'Sessions' })).toHaveAttribute('aria-busy', 'true');
  },
};

/** Devices still on their way: a skeleton in their section. */
export const DevicesLoading: Story = {
  parameters: { clerk: { options: { latency: { getSessions: 600_000 } } } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('region', { name: 'Your devices' })).toHaveAttribute('aria-busy', 'true');
  },
};

export const SignedOut: Story = {
  parameters: { clerk: { persona: 'signedOut' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('You are signed out.')).toBeInTheDocument();
  },
};

export const Empty: Story = { ...OneSession };

/** The device list cannot load: an error with a retry that works once Clerk answers. */
export const ErrorState: Story = {
  name: 'Error',
  parameters: { clerk: { options: { failures: { getSessions: { mode: 'once', message: 'Service unavailable.' } } } } },
  play: async ({ canvas, userEvent }) => {
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Could not load your devices. Service unavailable.');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await expect(await devicesOf(canvas).findAllByRole('listitem')).toHaveLength(8);
  },
};

const revokeIphone = async ({ canvas, userEvent, canvasElement }: Parameters<NonNullable<Story['play']>>[0]) => {
  await userEvent.click(await canvas.findByRole('button', { name: 'Revoke session on Safari 19, iPhone, Lisbon' }));
  const dialog = await body(canvasElement).findByRole('dialog', { name: 'Revoke this session?' });
  await expect(dialog).toHaveTextContent('The session on Safari 19, iPhone, Lisbon will be signed out.');
  await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke session' }));
};

/** Revoke: confirmed, the row leaves at once and focus lands on the devices heading. */
export const Revoke: Story = {
  play: async (ctx) => {
    await revokeIphone(ctx);
    const devices = devicesOf(ctx.canvas);
    await expect(devices.queryByText('Safari 19 · iPhone')).not.toBeInTheDocument();
    await waitFor(() => expect(ctx.canvas.getByRole('status')).toHaveTextContent('Session on Safari 19, iPhone, Lisbon revoked.'));
    await expect(devices.getAllByRole('listitem')).toHaveLength(7);
    await expect(ctx.canvas.getByRole('heading', { name: 'Your devices' })).toHaveFocus();
  },
};

/** Revoke in flight (Clerk is slow): the row is already gone, the live region says so. */
export const RevokePending: Story = {
  parameters: { clerk: { options: { latency: { revoke: 600_000 } } } },
  play: async (ctx) => {
    await revokeIphone(ctx);
    await expect(devicesOf(ctx.canvas).queryByText('Safari 19 · iPhone')).not.toBeInTheDocument();
    await expect(ctx.canvas.getByRole('status')).toHaveTextContent('Revoking…');
  },
};

/** Revoke refused: the row comes back in place, with the reason. */
export const RevokeFailed: Story = {
  parameters: { clerk: { options: { failures: { revoke: { mode: 'once', message: 'Network connection lost.' } }, latency: { revoke: 50 } } } },
  play: async (ctx) => {
    await revokeIphone(ctx);
    await expect(devicesOf(ctx.canvas).queryByText('Safari 19 · iPhone')).not.toBeInTheDocument();
    const alert = await ctx.canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Could not revoke the session on Safari 19, iPhone, Lisbon: Network connection lost.');
    const rows = devicesOf(ctx.canvas).getAllByRole('listitem');
    await expect(rows).toHaveLength(8);
    await expect(rows[1]).toHaveTextContent('Safari 19 · iPhone');
  },
};

/** "Revoke all other devices" asks first, naming how many. */
export const RevokeAllConfirmation: Story = {
  play: async ({ canvas, userEvent, canvasElement }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Revoke all other devices' }));
    const dialog = await body(canvasElement).findByRole('dialog', { name: 'Revoke all other devices?' });
    await expect(dialog).toHaveTextContent('7 other devices will be signed out. This device stays signed in.');
    await expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
  },
};

export const RevokeAll: Story = {
  play: async ({ canvas, userEvent, canvasElement, context }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Revoke all other devices' }));
    await userEvent.click(within(await body(canvasElement).findByRole('dialog')).getByRole('button', { name: 'Revoke all' }));
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('7 sessions revoked.'));
    await expect(devicesOf(canvas).getAllByRole('listitem')).toHaveLength(1);
    await expect(getMockClerk(context).mock.calls.filter((c) => c.action === 'revoke')).toHaveLength(7);
  },
};

/** Keyboard only: Tab to a device's Revoke, Enter, Tab to confirm, Enter; focus lands on the heading. */
export const KeyboardOnly: Story = {
  play: async ({ canvas, userEvent, canvasElement }) => {
    const target = await canvas.findByRole('button', { name: 'Revoke session on Safari 19, iPhone, Lisbon' });
    for (let i = 0; i < 20 && canvasElement.ownerDocument.activeElement !== target; i++) await userEvent.tab();
    await expect(target).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    const dialog = await body(canvasElement).findByRole('dialog', { name: 'Revoke this session?' });
    await expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.tab();
    await expect(within(dialog).getByRole('button', { name: 'Revoke session' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(canvas.getByRole('heading', { name: 'Your devices' })).toHaveFocus());
    await expect(devicesOf(canvas).queryByText('Safari 19 · iPhone')).not.toBeInTheDocument();
  },
};

export const Dark: Story = { parameters: { theme: 'dark', clerk: { persona: 'multiSession' } } };

export const Mobile: Story = { globals: { viewport: { value: 'mobile1', isRotated: false } } };

export const German: Story = {
  args: { localization: de },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Sitzung auf Safari 19, iPhone, Lisbon widerrufen' })).toBeInTheDocument();
    await expect(canvas.getByText('Zuletzt aktiv vor 12 Minuten')).toBeInTheDocument();
    await expect(canvas.getByText('Lisbon, Portugal · 198.51.100.23')).toBeInTheDocument();
  },
};

const multiAndDevices: Persona = mergePersona(personas.multiSession, { state: { users: [{ id: 'user_ada', devices: devices.slice(0, 3) }] } });
const cells: PersonaCell<Partial<React.ComponentProps<typeof SessionList>>>[] = [
  { title: 'Three accounts, four devices', persona: multiAndDevices, props: { addAccount: <a href="#sign-in">Add account</a> } },
  { title: 'One session (empty)', persona: personas.personal },
  { title: 'Devices failed to load', persona: mergePersona(personas.personal, { failures: { getSessions: { message: 'Service unavailable.' } } }) },
  { title: 'Loading', persona: personas.loading },
  { title: 'Signed out', persona: personas.signedOut },
];

/** Static states side by side, each on its own mock Clerk: screenshotted by the visual tests. */
export const AllStates: Story = {
  parameters: allStatesParameters,
  render: () => <PersonaPanels cells={cells} render={(props) => <SessionList {...props} />} />,
  play: async ({ canvas }) => {
    await waitFor(() => expect(canvas.getAllByRole('listitem').length).toBeGreaterThanOrEqual(9));
    await expect(await canvas.findByText(/Could not load your devices/)).toBeInTheDocument();
  },
};
