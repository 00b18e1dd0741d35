import type { Meta, StoryObj } from '@storybook/nextjs-vite';
import { useClerk } from '@clerk/react';
import { expect, waitFor } from 'storybook/test';
import { PermissionGate } from '../src';
import { personas } from '../src/testing';
import { getMockClerk } from '../src/testing/storybook';
import { Allowed, allStatesParameters, Denied, Loading, PersonaPanels, type PersonaCell } from './support/demo';

const meta = {
  title: 'Components/PermissionGate',
  component: PermissionGate,
  args: {
    permission: 'org:invoices:read',
    children: <Allowed />,
    fallback: <Denied />,
    loading: <Loading />,
  },
  argTypes: {
    children: { control: false },
    fallback: { control: false },
    loading: { control: false },
    error: { control: false },
    condition: { control: false },
  },
  parameters: { clerk: { persona: 'orgMember' } },
} satisfies Meta<typeof PermissionGate>;
export default meta;
type Story = StoryObj<typeof meta>;

const granted = async ({
  canvas,
}: {
  canvas: { findByText: (t: string) => Promise<HTMLElement>; queryByText: (t: string) => HTMLElement | null };
}) => {
  await expect(await canvas.findByText('Invoices: visible to you')).toBeInTheDocument();
  await expect(canvas.queryByText('You do not have access to invoices.')).not.toBeInTheDocument();
};
const denied = async ({
  canvas,
}: {
  canvas: { findByText: (t: string) => Promise<HTMLElement>; queryByText: (t: string) => HTMLElement | null };
}) => {
  await expect(await canvas.findByText('You do not have access to invoices.')).toBeInTheDocument();
  await expect(canvas.queryByText('Invoices: visible to you')).not.toBeInTheDocument();
};

/** A member of Acme holds `org:invoices:read`. */
export const GrantedByPermission: Story = { play: granted };

/** An admin of Acme, asked for the `org:admin` role (`admin` works too). */
export const GrantedByRole: Story = {
  args: { permission: undefined, role: 'org:admin' },
  parameters: { clerk: { persona: 'orgAdmin' } },
  play: granted,
};

/** Acme's plan carries the `analytics` feature (the `o:analytics` entry of the `fea` claim). */
export const GrantedByFeature: Story = {
  tags: ['!autodocs'],
  args: { permission: undefined, feature: 'o:analytics' },
  play: granted,
};

/** Acme is on the `pro` plan. */
export const GrantedByPlan: Story = {
  tags: ['!autodocs'],
  args: { permission: undefined, plan: 'o:pro' },
  play: granted,
};

/** Any rule over Clerk's `has()`: here, a reader who is not an admin. */
export const GrantedByCondition: Story = {
  args: {
    permission: undefined,
    condition: (has) => has({ permission: 'org:invoices:read' }) && !has({ role: 'org:admin' }),
  },
  play: granted,
};

/** `match="any"`: one of the listed checks is enough (the member can read, not manage). */
export const AnyOfGranted: Story = {
  args: { permission: ['org:invoices:manage', 'org:invoices:read'], match: 'any' },
  play: granted,
};

/** `match="all"` (the default): every listed check must pass; the member cannot manage. */
export const AllOfDenied: Story = {
  tags: ['!autodocs'],
  args: { permission: ['org:invoices:read', 'org:invoices:manage'], match: 'all' },
  play: denied,
};

/** Every kind at once, all required: role, permission, feature and plan. */
export const AllOfGranted: Story = {
  tags: ['!autodocs'],
  args: { role: 'admin', permission: 'org:invoices:manage', feature: 'analytics', plan: 'pro', match: 'all' },
  parameters: { clerk: { persona: 'orgAdmin' } },
  play: granted,
};

/** Denied: the fallback renders instead of the children. */
export const DeniedWithFallback: Story = {
  args: { permission: 'org:invoices:manage' },
  play: denied,
};

/** Signed out: the fallback, never the children. */
export const SignedOut: Story = {
  tags: ['!autodocs'],
  parameters: { clerk: { persona: 'signedOut' } },
  play: denied,
};

/** Until Clerk has loaded, only the `loading` slot renders. */
export const LoadingState: Story = {
  name: 'Loading',
  parameters: { clerk: { persona: 'loading' } },
  play: async ({ canvas, context }) => {
    await expect(await canvas.findByRole('status')).toHaveTextContent('Checking access…');
    await expect(canvas.queryByText('Invoices: visible to you')).not.toBeInTheDocument();
    await expect(canvas.queryByText('You do not have access to invoices.')).not.toBeInTheDocument();
    getMockClerk(context).mock.finishLoading();
    await expect(await canvas.findByText('Invoices: visible to you')).toBeInTheDocument();
  },
};

function SwitchToGlobex() {
  const { setActive } = useClerk();
  return (
    <button type="button" className="demo-button" onClick={() => void setActive({ organization: 'org_globex' })}>
      Switch to Globex
    </button>
  );
}

/** Clerk could not load (offline, a blocker, a wrong key): the `error` slot, never the children. */
export const ClerkFailed: Story = {
  tags: ['!autodocs'],
  args: { error: <p role="alert">Access could not be checked. Reload the page to try again.</p> },
  parameters: { clerk: { persona: 'loadFailed' } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Access could not be checked.');
    await expect(canvas.queryByText('Invoices: visible to you')).not.toBeInTheDocument();
  },
};

/** Without an `error` slot a failed load shows the fallback: still closed. */
export const ClerkFailedFallback: Story = {
  tags: ['!autodocs'],
  parameters: { clerk: { persona: 'loadFailed' } },
  play: denied,
};

/** Switching to an organization without the permission removes the children at once. */
export const OrgSwitchRevokes: Story = {
  tags: ['!autodocs'],
  render: (args) => (
    <>
      <SwitchToGlobex />
      <PermissionGate {...args} />
    </>
  ),
  play: async ({ canvas, userEvent, context }) => {
    await granted({ canvas });
    await userEvent.click(canvas.getByRole('button', { name: 'Switch to Globex' }));
    await denied({ canvas });
    await waitFor(() => expect(getMockClerk(context).mock.calls.map((c) => c.action)).toContain('setActive'));
  },
};

const cells: PersonaCell<Omit<React.ComponentProps<typeof PermissionGate>, 'children'>>[] = [
  { title: 'Permission · member', persona: personas.orgMember, props: { permission: 'org:invoices:read' } },
  { title: 'Role admin · admin', persona: personas.orgAdmin, props: { role: 'org:admin' } },
  { title: 'Feature analytics · member', persona: personas.orgMember, props: { feature: 'analytics' } },
  { title: 'Plan pro · member', persona: personas.orgMember, props: { plan: 'pro' } },
  {
    title: 'Any of read, manage · member',
    persona: personas.orgMember,
    props: { permission: ['org:invoices:read', 'org:invoices:manage'], match: 'any' },
  },
  {
    title: 'All of read, manage · member',
    persona: personas.orgMember,
    props: { permission: ['org:invoices:read', 'org:invoices:manage'] },
  },
  { title: 'Manage · member (denied)', persona: personas.orgMember, props: { permission: 'org:invoices:manage' } },
  { title: 'Permission · personal account', persona: personas.personal, props: { permission: 'org:invoices:read' } },
  { title: 'Signed out', persona: personas.signedOut, props: { permission: 'org:invoices:read' } },
  { title: 'Loading', persona: personas.loading, props: { permission: 'org:invoices:read' } },
];

/** Every state side by side, each on its own mock Clerk: the story the visual tests screenshot. */
export const AllStates: Story = {
  tags: ['!autodocs'],
  parameters: allStatesParameters,
  render: () => (
    <PersonaPanels
      layout="grid"
      cells={cells}
      render={(props) => (
        <PermissionGate {...props} fallback={<Denied />} loading={<Loading />}>
          <Allowed />
        </PermissionGate>
      )}
    />
  ),
  play: async ({ canvas }) => {
    await expect(await canvas.findAllByText('Invoices: visible to you')).toHaveLength(5);
    await expect(canvas.getAllByText('You do not have access to invoices.')).toHaveLength(4);
    await expect(canvas.getByRole('status')).toHaveTextContent('Checking access…');
  },
};
