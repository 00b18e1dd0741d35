import type { Meta, StoryObj } from '@storybook/nextjs-vite';
import { expect, waitFor, within } from 'storybook/test';
import { SessionList, useSessionList } from '../src';
import { de } from '../src/i18n/de';
import { devices, mergePersona, personas, type Persona } from '../src/testing';
import { getMockClerk } from '../src/testing/storybook';
import { SessionListHookOnly } from './session-list.hook-only';
import { allStatesParameters, PersonaPanels, type PersonaCell } from './support/demo';

const meta = {
  title: 'Components/SessionList',
  component: SessionList,
  args: { addAccount: { href: '#sign-in' } },
  argTypes: { addAccount: { control: false } },
  parameters: { clerk: { persona: 'manyDevices' } },
} satisfies Meta<typeof SessionList>;
export default meta;
type Story = StoryObj<typeof meta>;
type Ctx = Parameters<NonNullable<Story['play']>>[0];

const devicesOf = (canvas: Ctx['canvas']) => within(canvas.getByRole('region', { name: 'Your devices' }));
const accountsOf = (canvas: Ctx['canvas']) => within(canvas.getByRole('region', { name: 'Accounts on this browser' }));
const body = (el: HTMLElement) => within(el.ownerDocument.body);
const IPHONE = 'Revoke session on Safari 19, iPhone, Lisbon';
const focusNotDropped = async (el: HTMLElement) => expect(el.ownerDocument.activeElement).not.toBe(el.ownerDocument.body);

/** Eight device sessions, this one first, the others by last activity; the device kind is in the accessible text. */
export const ManyDevices: Story = {
  play: async ({ canvas }) => {
    const list = devicesOf(canvas);
    const rows = await list.findAllByRole('listitem');
    await expect(rows).toHaveLength(8);
    await expect(rows[0]).toHaveTextContent(/Desktop: Chrome 142 · Macintosh\s*This device/);
    await expect(rows[1]).toHaveTextContent(/^Phone: /);
    await expect(rows[4]).toHaveTextContent(/^Tablet: Safari 18 · iPad/);
    await expect(rows[6]).toHaveTextContent(/^Unknown device: /);
    await expect(list.getByRole('button', { name: IPHONE })).toBeInTheDocument();
  },
};

/** A session pending a task (Core 3): the account and this device are marked pending, with the task's name. */
export const PendingSession: Story = {
  parameters: { clerk: { persona: 'pendingSession' } },
  play: async ({ canvas }) => {
    const accounts = within(await canvas.findByRole('region', { name: 'Accounts on this browser' }));
    await expect(accounts.getByText('Pending: Choose an organization')).toBeInTheDocument();
    const devices = within(canvas.getByRole('region', { name: 'Your devices' }));
    await expect(await devices.findByText('Pending: Choose an organization')).toBeInTheDocument();
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

/** Switch: the control says "Switching…" where it was pressed, the Current badge moves, focus lands on the section heading (on a narrow row it stays on the ⋯ button). */
export const MultiSession: Story = {
  tags: ['!autodocs'],
  parameters: { clerk: { persona: 'multiSession', options: { latency: { setActive: 400 } } } },
  play: async (ctx) => {
    const { canvas, context, canvasElement } = ctx;
    const accounts = accountsOf(canvas);
    await expect(accounts.getAllByRole('listitem')[0]).toHaveTextContent(/Ada Lovelace\s*Current/);
    const button = await pressRowAction(ctx, 'Switch to Grace Hopper', 'Grace Hopper', 'Switch');
    await expect(button).toHaveTextContent('Switching…');
    await expect(button).toHaveAttribute('aria-busy', 'true');
    await waitFor(() => expect(accounts.getAllByRole('listitem')[1]).toHaveTextContent(/Grace Hopper\s*Current/));
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Switched to Grace Hopper.'));
    // The Switch button leaves with the switch (focus goes to the heading); a ⋯ button stays, with focus.
    const heading = canvas.getByRole('heading', { name: 'Accounts on this browser' });
    await waitFor(() => expect(button.isConnected ? button : heading).toHaveFocus());
    await focusNotDropped(canvasElement);
    await expect(getMockClerk(context).mock.callsOf('setActive')[0]?.args).toEqual([{ session: 'sess_grace' }]);
  },
};

/** The current account signs out while two others stay on this browser: the list stays, offering to switch. */
export const CurrentSignedOutOthersRemain: Story = {
  tags: ['!autodocs'],
  parameters: { clerk: { persona: 'multiSession' } },
  play: async ({ canvas, userEvent, canvasElement }) => {
    await userEvent.click(accountsOf(canvas).getByRole('button', { name: 'Sign out Ada Lovelace' }));
    await waitFor(() => expect(accountsOf(canvas).getAllByRole('listitem')).toHaveLength(2));
    await expect(accountsOf(canvas).getByRole('button', { name: 'Switch to Grace Hopper' })).toBeInTheDocument();
    await expect(canvas.queryByRole('region', { name: 'Your devices' })).not.toBeInTheDocument();
    await waitFor(() => focusNotDropped(canvasElement));
  },
};

export const Loading: Story = {
  parameters: { clerk: { persona: 'loading' } },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[aria-busy="true"] [data-slot="skeleton"]')).not.toBeNull();
  },
};

/** Clerk's script could not load (offline, a blocker, a wrong key): a sentence and a retry, not skeletons for ever. */
export const ClerkFailed: Story = {
  tags: ['!autodocs'],
  args: { onRetryLoad: () => {} },
  parameters: { clerk: { persona: 'loadFailed' } },
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Sign-in could not load.');
    await expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  },
};

/** Devices still on their way: a skeleton shaped like the rows. */
export const DevicesLoading: Story = {
  tags: ['!autodocs'],
  parameters: { clerk: { options: { latency: { getSessions: 600_000 } } } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('region', { name: 'Your devices' }).querySelector('[aria-busy="true"]')).not.toBeNull();
  },
};

export const SignedOut: Story = {
  parameters: { clerk: { persona: 'signedOut' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('You are signed out.')).toBeInTheDocument();
  },
};

/** The device list cannot load: a sentence for people, Clerk's words behind Details, and a retry (the failure at rest). */
export const ErrorState: Story = {
  name: 'Error',
  parameters: { clerk: { options: { failures: { getSessions: { mode: 'once', message: 'Service unavailable.' } } } } },
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Could not load your devices. Something went wrong. Please try again.');
    await expect(within(alert).getByRole('button', { name: 'Try again' })).toBeEnabled();
  },
};

/** After the device list failed to load, Try again loads it. */
export const ErrorThenRetry: Story = {
  tags: ['!autodocs'],
  parameters: ErrorState.parameters,
  play: async ({ canvas, userEvent }) => {
    const alert = await canvas.findByRole('alert');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await expect(await devicesOf(canvas).findAllByRole('listitem')).toHaveLength(8);
  },
};

/**
 * Presses a row's action as a person would at this width: its button, or on a narrow row (below a
 * 24rem container, as on a phone) the item of its ⋯ menu. Returns the control that then shows the
 * action running (the button, or the ⋯ button).
 */
async function pressRowAction({ canvas, userEvent, canvasElement }: Ctx, button: string, row: string, item: string) {
  const control = await canvas.findByRole('button', { name: (name) => name === button || name === `Actions for ${row}` });
  await userEvent.click(control);
  if (control.getAttribute('aria-haspopup') === 'menu')
    await userEvent.click(within(await body(canvasElement).findByRole('menu')).getByRole('menuitem', { name: item }));
  return control;
}

const revokeIphone = async (ctx: Ctx) => {
  const { canvasElement, userEvent } = ctx;
  const button = await pressRowAction(ctx, IPHONE, 'Safari 19, iPhone, Lisbon', 'Revoke session');
  const dialog = await body(canvasElement).findByRole('dialog', { name: 'Revoke this session?' });
  await expect(dialog).toHaveTextContent('The session on Safari 19, iPhone, Lisbon will be signed out.');
  await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke session' }));
  return button;
};

/** Revoke: confirmed, the row's button shows "Revoking…" and keeps focus; then the row leaves and focus lands on the heading. */
export const Revoke: Story = {
  tags: ['!autodocs'],
  parameters: { clerk: { options: { latency: { revoke: 400 } } } },
  play: async (ctx) => {
    const button = await revokeIphone(ctx);
    await waitFor(() => expect(button).toHaveFocus());
    await expect(button).toHaveTextContent('Revoking…');
    await waitFor(() => expect(ctx.canvas.getByRole('status')).toHaveTextContent('Session on Safari 19, iPhone, Lisbon revoked.'));
    await expect(devicesOf(ctx.canvas).getAllByRole('listitem')).toHaveLength(7);
    await waitFor(() => expect(ctx.canvas.getByRole('heading', { name: 'Your devices' })).toHaveFocus());
  },
};

/** Revoke in flight (Clerk is slow): the row stays, its button says "Revoking…" with a spinner. */
export const RevokePending: Story = {
  tags: ['!autodocs'],
  parameters: { clerk: { options: { latency: { revoke: 600_000 } } } },
  play: async (ctx) => {
    const button = await revokeIphone(ctx);
    await expect(button).toHaveTextContent('Revoking…');
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await expect(ctx.canvas.getByRole('status')).toHaveTextContent('Revoking…');
  },
};

/** Revoke refused: the failure shows on the row, in words for people, with a retry and Clerk's own words behind Details. */
export const RevokeFailed: Story = {
  tags: ['!autodocs'],
  parameters: {
    clerk: {
      options: {
        failures: { revoke: { mode: 'once', message: 'Network connection lost.', status: 429 } },
        latency: { revoke: 50 },
      },
    },
  },
  play: async (ctx) => {
    await revokeIphone(ctx);
    const [, row = ctx.canvasElement] = devicesOf(ctx.canvas).getAllByRole('listitem');
    const alert = await within(row).findByRole('alert');
    await expect(alert).toHaveTextContent(
      'Could not revoke the session on Safari 19, iPhone, Lisbon: Too many attempts. Wait a moment and try again.',
    );
    await expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    await expect(devicesOf(ctx.canvas).getAllByRole('listitem')).toHaveLength(8);
  },
};

/** "Revoke all 7 other devices" asks first, naming how many again, in destructive styling. */
export const RevokeAllConfirmation: Story = {
  tags: ['!autodocs'],
  play: async ({ canvas, userEvent, canvasElement }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Revoke all 7 other devices' }));
    const dialog = await body(canvasElement).findByRole('dialog', { name: 'Revoke 7 other devices?' });
    await expect(dialog).toHaveTextContent('7 other devices will be signed out. This device stays signed in.');
    await expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await expect(within(dialog).getByRole('button', { name: 'Revoke 7 devices' })).toHaveAttribute('data-action', 'confirm');
  },
};

export const RevokeAll: Story = {
  tags: ['!autodocs'],
  play: async ({ canvas, userEvent, canvasElement, context }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Revoke all 7 other devices' }));
    await userEvent.click(within(await body(canvasElement).findByRole('dialog')).getByRole('button', { name: 'Revoke 7 devices' }));
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('7 sessions revoked.'));
    await expect(devicesOf(canvas).getAllByRole('listitem')).toHaveLength(1);
    await expect(getMockClerk(context).mock.callsOf('revoke')).toHaveLength(7);
    await waitFor(() => focusNotDropped(canvasElement));
  },
};

/**
 * Keyboard only: Tab to a device's Revoke, Enter (focus on Cancel), Tab to confirm, Enter; the
 * row leaves and focus lands on the section's heading. Shared by the ready-made component's
 * story and the hook-only one: the same checks, whoever renders the markup.
 */
const keyboardRevoke = async ({ canvas, userEvent, canvasElement }: Ctx) => {
  const target = await canvas.findByRole('button', { name: IPHONE });
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
};

/** Keyboard only: Tab to a device's Revoke, Enter, Tab to confirm, Enter; focus stays on the row, then lands on the heading. */
export const KeyboardOnly: Story = { tags: ['!autodocs'], play: keyboardRevoke };

/**
 * The behaviour from `useSessionList()` alone, on plain elements: no parts, only the hook's prop
 * getters (`getRootProps()`, `getSectionProps()`, `getRowProps()`, `getRevokeProps()`,
 * `getConfirmDialogProps()`…). Its play function is Keyboard Only's: the same keys, the same focus.
 */
export const HookOnly: Story = { tags: ['!autodocs'], render: () => <SessionListHookOnly />, play: keyboardRevoke };

function CustomLayoutDemo() {
  // The caller owns the hook; the kit's parts render it, in the caller's order and markup.
  const api = useSessionList();
  return (
    <SessionList.Root value={api} headingLevel={2} classNames={{ root: 'demo-custom' }}>
      <section aria-label="Signed-in devices">
        <p className="demo-custom__lead">
          {api.status === 'ready' && api.devicesState?.status === 'ready'
            ? `${api.devices.length} signed-in devices`
            : 'Checking your devices…'}
        </p>
        <ul className="demo-custom__list">
          {api.devices.map((d) => (
            <SessionList.Device key={d.id} device={d} />
          ))}
        </ul>
      </section>
      <SessionList.Accounts addAccount={{ href: '#sign-in', label: 'Use another account' }} />
      <SessionList.ConfirmDialog />
    </SessionList.Root>
  );
}

/** A layout of your own: `useSessionList()` in your component, the kit's parts (`Root`, `Device`, `Accounts`, `ConfirmDialog`) where you want them. */
export const CustomLayout: Story = {
  render: () => <CustomLayoutDemo />,
  play: async ({ canvas, userEvent, canvasElement }) => {
    const custom = within(canvas.getByRole('region', { name: 'Signed-in devices' }));
    await expect(await custom.findByText('8 signed-in devices')).toBeInTheDocument();
    await userEvent.click(custom.getByRole('button', { name: IPHONE }));
    await userEvent.click(within(await body(canvasElement).findByRole('dialog')).getByRole('button', { name: 'Revoke session' }));
    await waitFor(() => expect(custom.getAllByRole('listitem')).toHaveLength(7));
    await expect(canvas.getByRole('link', { name: 'Use another account' })).toHaveAttribute('href', '#sign-in');
  },
};

export const Dark: Story = { parameters: { theme: 'dark', clerk: { persona: 'multiSession' } } };

/**
 * Below a 24rem container a row's buttons give way to one ⋯ menu, so titles keep their room:
 * here opened from the keyboard (↓), focus on its first item. Escape or Tab closes it, focus
 * back on the ⋯ button.
 */
export const NarrowRowMenu: Story = {
  tags: ['!autodocs'],
  parameters: { visual: { keepFocus: true } },
  decorators: [
    (Story) => (
      <div style={{ width: 360 }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvas, userEvent, canvasElement }) => {
    const more = await canvas.findByRole('button', { name: 'Actions for Safari 19, iPhone, Lisbon' });
    await expect(canvas.queryByRole('button', { name: IPHONE })).toBeNull();
    more.focus();
    await userEvent.keyboard('{ArrowDown}');
    const menu = await body(canvasElement).findByRole('menu', { name: 'Actions for Safari 19, iPhone, Lisbon' });
    await expect(within(menu).getByRole('menuitem', { name: 'Revoke session' })).toHaveFocus();
  },
};

/** A phone (the viewport toolbar's mobile1; 375 px wide where no viewport applies, as in the screenshot tests): ⋯ menus. */
export const Mobile: Story = {
  tags: ['!autodocs'],
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: 375 }}>
        <Story />
      </div>
    ),
  ],
};

export const German: Story = {
  tags: ['!autodocs'],
  args: { localization: de },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Sitzung auf Safari 19, iPhone, Lisbon widerrufen' })).toBeInTheDocument();
    await expect(canvas.getByText('Zuletzt aktiv vor 12 Minuten')).toBeInTheDocument();
    await expect(canvas.getByText('Lisbon, Portugal')).toBeInTheDocument();
  },
};

const multiAndDevices: Persona = mergePersona(personas.multiSession, {
  state: { users: [{ id: 'user_ada', devices: devices.slice(0, 4) }] },
});
const cells: PersonaCell<Partial<React.ComponentProps<typeof SessionList>>>[] = [
  { title: 'Three accounts, five devices', persona: multiAndDevices, props: { addAccount: { href: '#sign-in' } } },
  { title: 'One session (empty)', persona: personas.personal },
  {
    title: 'Devices failed to load',
    persona: mergePersona(personas.personal, { failures: { getSessions: { message: 'Service unavailable.' } } }),
  },
  { title: 'Devices loading', persona: mergePersona(personas.personal, { latency: { getSessions: 600_000 } }) },
  { title: 'Loading', persona: personas.loading },
  { title: 'Clerk could not load', persona: personas.loadFailed },
  { title: 'Signed out', persona: personas.signedOut },
];

/** Static states side by side, each on its own mock Clerk: screenshotted by the visual tests. */
export const AllStates: Story = {
  tags: ['!autodocs'],
  parameters: allStatesParameters,
  render: () => <PersonaPanels cells={cells} render={(props) => <SessionList onRetryLoad={() => {}} {...props} />} />,
  play: async ({ canvas }) => {
    await waitFor(() => expect(canvas.getAllByRole('listitem').length).toBeGreaterThanOrEqual(9));
    await expect(await canvas.findByText(/Could not load your devices/)).toBeInTheDocument();
    await expect(await canvas.findByText(/Sign-in could not load/)).toBeInTheDocument();
  },
};
