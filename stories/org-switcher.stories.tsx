import type { Meta, StoryObj } from '@storybook/nextjs-vite';
import { useRef } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { OrgSwitcher, PermissionGate, useOrgSwitcher } from '../src';
import { de } from '../src/i18n/de';
import { manyOrgs, mergePersona, MockClerkProvider, personas, type MockMembership, type Persona } from '../src/testing';
// The fixtures personas are made of: the kit's own, not on the testing entry.
import { users } from '../src/testing/personas';
import { getMockClerk } from '../src/testing/storybook';
import { Allowed, Denied, Panel } from './support/demo';

const org = (id: string, name: string, role = 'org:member', imageUrl?: string): MockMembership => ({
  organization: { id, name, slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), ...(imageUrl && { imageUrl }) },
  role,
  permissions: ['org:reports:read'],
});
const logo = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 28 28"><rect width="28" height="28" fill="#4f46e5"/><path d="M7 20 14 7l7 13z" fill="#fff"/></svg>')}`;
const member = (memberships: MockMembership[], active = memberships[0]?.organization.id ?? null): Persona => ({
  state: {
    users: [{ ...users.ada, memberships }],
    sessions: [{ id: 'sess_ada', userId: users.ada.id, activeOrganizationId: active }],
  },
});
const oneOrg = member([org('org_acme', 'Acme Inc', 'org:admin', logo)]);
const longNames = member(
  [
    ['org_long', 'Internationale Gesellschaft für Datenverarbeitung und Informationssysteme mbH & Co. KG', 'org:admin'],
    ['org_long2', 'The Extraordinarily Long-Named Research Cooperative of the Northern Hemisphere'],
    ['org_short', 'Globex'],
  ].map(([id, name, role]) => org(id!, name!, role)),
);
const noActive = mergePersona(personas.orgMember, {
  state: { sessions: [{ id: 'sess_ada', userId: users.ada.id, activeOrganizationId: null }] },
});

/** A switcher beside content gated on a permission of the active organization. */
const Beside = ({ children }: { children: React.ReactNode }) => (
  <div style={{ display: 'flex', gap: '1.5rem', alignItems: 'center', flexWrap: 'wrap' }}>
    {children}
    <PermissionGate permission="org:invoices:read" fallback={<Denied />} children={<Allowed />} />
  </div>
);
const WithGate = (props: React.ComponentProps<typeof OrgSwitcher>) => <Beside children={<OrgSwitcher {...props} />} />;

const meta = {
  title: 'Components/OrgSwitcher',
  component: OrgSwitcher,
  render: (args) => <WithGate {...args} />,
  parameters: { clerk: { persona: 'orgMember' } },
} satisfies Meta<typeof OrgSwitcher>;
export default meta;
type Story = StoryObj<typeof meta>;
type Ctx = Parameters<NonNullable<Story['play']>>[0];

const trigger = (canvas: Ctx['canvas']) => canvas.getAllByRole('button').find((b) => b.dataset.slot === 'trigger')!;
const open = async ({ canvas, userEvent }: Ctx) => {
  await userEvent.click(canvas.getByRole('button', { expanded: false }));
  return within(await canvas.findByRole('dialog', { name: /Switch organization|Organisation wechseln/ }));
};
const names = (dialog: ReturnType<typeof within>) => dialog.getAllByRole('option').map((o: HTMLElement) => o.getAttribute('title'));

/** Ada switches from Acme to Globex with the mouse: the trigger and the gated content follow. */
export const Many: Story = {
  play: async (ctx) => {
    await expect(trigger(ctx.canvas)).toHaveTextContent(/Acme Inc\s*Member/);
    await expect(ctx.canvas.getByText('Invoices: visible to you')).toBeInTheDocument();
    const dialog = await open(ctx);
    await waitFor(() => expect(names(dialog)).toEqual(['Personal account', 'Acme Inc', 'Globex']));
    await ctx.userEvent.click(dialog.getByRole('option', { name: /Globex/ }));
    await waitFor(() => expect(ctx.canvas.queryByRole('dialog')).not.toBeInTheDocument());
    await expect(trigger(ctx.canvas)).toHaveTextContent('Globex');
    await expect(ctx.canvas.getByText('You do not have access to invoices.')).toBeInTheDocument();
    await expect(trigger(ctx.canvas)).toHaveFocus();
  },
};

export const NoOrganizations: Story = {
  args: { createOrganization: '#create-organization' },
  parameters: { clerk: { persona: 'personal' } },
  play: async (ctx) => {
    await expect(trigger(ctx.canvas)).toHaveTextContent('Personal account');
    const dialog = await open(ctx);
    await expect(await dialog.findByText('You are not a member of any organization yet.')).toBeInTheDocument();
    await expect(dialog.getByRole('link', { name: 'Create organization' })).toHaveAttribute('href', '#create-organization');
  },
};

export const OneOrganization: Story = {
  parameters: { clerk: { persona: oneOrg } },
  play: async (ctx) => {
    await expect(trigger(ctx.canvas)).toHaveTextContent(/Acme Inc\s*Admin/);
    const dialog = await open(ctx);
    await waitFor(() => expect(names(dialog)).toEqual(['Personal account', 'Acme Inc']));
  },
};

/** 10,000 memberships: the list is virtualized and a search covers every page. */
export const TenThousand: Story = {
  tags: ['!autodocs'],
  parameters: { clerk: { persona: manyOrgs(10_000) } },
  play: async (ctx) => {
    const dialog = await open(ctx);
    await waitFor(() => expect(names(dialog)).toContain('Organization 0001'));
    await expect(dialog.getAllByRole('option').length).toBeLessThanOrEqual(60);
    // Scrolling to the end of the loaded rows loads Clerk's next page.
    const listbox = dialog.getByRole('listbox');
    listbox.scrollTop = listbox.scrollHeight;
    await waitFor(() => expect(names(dialog)).toContain('Organization 0024'));
    await expect(dialog.getAllByRole('option').length).toBeLessThanOrEqual(60);
    await ctx.userEvent.type(dialog.getByRole('combobox'), '9999');
    await waitFor(() => expect(names(dialog)).toEqual(['Organization 9999']), { timeout: 10_000 });
    await expect(ctx.canvas.getByRole('status')).toHaveTextContent('1 organization');
    const calls = getMockClerk(ctx.context).mock.callsOf('getOrganizationMemberships');
    await expect(calls.every((c) => (c.args[0] as { pageSize: number }).pageSize <= 500)).toBe(true);
  },
};

/**
 * Acme is the 10,000th membership, on Clerk's last page: typing "ac" ranks it first (a name that
 * starts with the query before "Personal account", which only contains it), and Enter switches.
 */
const acmeLast = (() => {
  const many = manyOrgs(9_999);
  const [ada] = many.state?.users ?? [];
  const acme: MockMembership = { organization: { id: 'org_acme', name: 'Acme Inc', slug: 'acme' }, role: 'org:member', permissions: [] };
  return mergePersona(many, { state: { users: ada ? [{ ...ada, memberships: [...(ada.memberships ?? []), acme] }] : [] } });
})();

export const TenThousandTypeAndEnter: Story = {
  tags: ['!autodocs'],
  parameters: { clerk: { persona: acmeLast } },
  play: async (ctx) => {
    const dialog = await open(ctx);
    await waitFor(() => expect(names(dialog)).toContain('Organization 0001'));
    await ctx.userEvent.type(dialog.getByRole('combobox'), 'ac');
    await waitFor(() => expect(names(dialog)).toEqual(['Acme Inc', 'Personal account']), { timeout: 15_000 });
    await ctx.userEvent.keyboard('{Enter}');
    await waitFor(() => expect(trigger(ctx.canvas)).toHaveTextContent('Acme Inc'));
  },
};

/** A query while the rest is still on its way: matches from the loaded rows, and how far the search has got. */
export const SearchingEveryPage: Story = {
  tags: ['!autodocs'],
  parameters: { clerk: { persona: manyOrgs(1200) } },
  play: async (ctx) => {
    const dialog = await open(ctx);
    await waitFor(() => expect(names(dialog)).toContain('Organization 0001'));
    // The first 500-page never answers: the search stays on the 20 rows browsed so far.
    getMockClerk(ctx.context).mock.setLatency({ getOrganizationMemberships: 600_000 });
    await ctx.userEvent.type(dialog.getByRole('combobox'), 'Organization 001');
    await waitFor(() => expect(names(dialog)).toEqual(Array.from({ length: 10 }, (_, i) => `Organization 001${i}`)));
    const progress = 'Searching all 1200 organizations (20 loaded)…';
    await expect(dialog.getByRole('listbox')).toHaveAttribute('aria-busy', 'true');
    await expect(dialog.getByText(progress)).toBeVisible();
    await expect(ctx.canvas.getByRole('status')).toHaveTextContent(progress);
  },
};

export const FirstPageLoading: Story = {
  tags: ['!autodocs'],
  parameters: { clerk: { options: { latency: { getOrganizationMemberships: 600_000 } } } },
  play: async (ctx) => {
    const dialog = await open(ctx);
    await expect(dialog.getByText('Loading…')).toBeInTheDocument();
  },
};

/** A search page fails: the list says so, with a retry (the failure at rest; the retry is the next story). */
const failSearchPage = async (ctx: Ctx) => {
  const dialog = await open(ctx);
  await waitFor(() => expect(names(dialog)).toContain('Organization 0001'));
  getMockClerk(ctx.context).mock.fail('getOrganizationMemberships', 'once');
  await ctx.userEvent.type(dialog.getByRole('combobox'), '1199');
  const alert = await dialog.findByRole('alert');
  await expect(alert).toHaveTextContent('Some organizations could not be loaded.');
  await expect(within(alert).getByRole('button', { name: 'Try again' })).toBeEnabled();
  return { dialog, alert };
};

export const PageFailed: Story = {
  tags: ['!autodocs'],
  parameters: { clerk: { persona: manyOrgs(1200) } },
  play: async (ctx) => {
    await failSearchPage(ctx);
  },
};

/** After a failed search page, the retry finds the organization. */
export const PageFailedThenRetry: Story = {
  tags: ['!autodocs'],
  parameters: { clerk: { persona: manyOrgs(1200) } },
  play: async (ctx) => {
    const { dialog, alert } = await failSearchPage(ctx);
    await ctx.userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(names(dialog)).toEqual(['Organization 1199']));
  },
};

export const SwitchPending: Story = {
  tags: ['!autodocs'],
  parameters: { clerk: { options: { latency: { setActive: 600_000 } } } },
  play: async (ctx) => {
    const dialog = await open(ctx);
    await ctx.userEvent.click(await dialog.findByRole('option', { name: /Globex/ }));
    await expect(dialog.getByRole('option', { name: /Globex/ })).toHaveAttribute('aria-busy', 'true');
    await expect(dialog.getByRole('option', { name: /Globex/ })).toHaveTextContent('Switching to Globex…');
  },
};

export const SwitchFailed: Story = {
  tags: ['!autodocs'],
  parameters: {
    clerk: {
      options: { failures: { setActive: { message: 'Rate limit exceeded', status: 429, code: 'too_many_requests' } } },
    },
  },
  play: async (ctx) => {
    const dialog = await open(ctx);
    await ctx.userEvent.click(await dialog.findByRole('option', { name: /Globex/ }));
    const alert = await dialog.findByRole('alert');
    await expect(alert).toHaveTextContent('Could not switch to Globex.Too many attempts. Wait a moment and try again.');
    await expect(trigger(ctx.canvas)).toHaveTextContent('Acme Inc');
  },
};

/**
 * A session pending the choose-organization task (Core 3, personal accounts off): the trigger asks
 * for a choice, the list holds the memberships only, and no organization is active yet.
 */
export const PendingSession: Story = {
  parameters: { clerk: { persona: 'pendingSession' } },
  play: async (ctx) => {
    await expect(trigger(ctx.canvas)).toHaveTextContent('Choose an organization');
    const dialog = await open(ctx);
    await expect(dialog.getByText('No organization is active. Choose one below.')).toBeInTheDocument();
    await waitFor(() => expect(names(dialog)).toEqual(['Acme Inc', 'Globex']));
  },
};

/** Picking an organization resolves the task, as Clerk's TaskChooseOrganization does: the session is active in it. */
export const PendingSessionChooses: Story = {
  tags: ['!autodocs'],
  parameters: { clerk: { persona: 'pendingSession' } },
  play: async (ctx) => {
    const dialog = await open(ctx);
    await ctx.userEvent.click(await dialog.findByRole('option', { name: /Globex/ }));
    await waitFor(() => expect(trigger(ctx.canvas)).toHaveTextContent('Globex'));
    await expect(getMockClerk(ctx).session?.status).toBe('active');
  },
};

export const PersonalHidden: Story = {
  args: { hidePersonal: true },
  parameters: { clerk: { persona: noActive } },
  play: async (ctx) => {
    await expect(trigger(ctx.canvas)).toHaveTextContent('No organization selected');
    const dialog = await open(ctx);
    await expect(dialog.getByText('No organization is active. Choose one below.')).toBeInTheDocument();
    await waitFor(() => expect(names(dialog)).toEqual(['Acme Inc', 'Globex']));
  },
};

export const CreateAndManageSlots: Story = {
  tags: ['!autodocs'],
  args: { createOrganization: '#create-organization', manageOrganization: '#organization-settings' },
  play: async (ctx) => {
    const dialog = await open(ctx);
    await expect(dialog.getByRole('link', { name: 'Manage organization' })).toHaveAttribute('href', '#organization-settings');
    await expect(dialog.getByRole('link', { name: 'Create organization' })).toHaveAttribute('href', '#create-organization');
  },
};

export const LongNames: Story = {
  parameters: { clerk: { persona: longNames } },
  play: async (ctx) => {
    await expect(trigger(ctx.canvas)).toHaveAttribute('title', expect.stringContaining('Informationssysteme mbH & Co. KG'));
    const dialog = await open(ctx);
    await expect(await dialog.findByRole('option', { name: /Northern Hemisphere/ })).toBeInTheDocument();
  },
};

export const Dark: Story = { parameters: { theme: 'dark' }, play: async (ctx) => void (await open(ctx)) };

export const Mobile: Story = {
  tags: ['!autodocs'],
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  play: async (ctx) => {
    await open(ctx);
    await expect(ctx.canvas.getByRole('dialog').getBoundingClientRect().right).toBeLessThanOrEqual(
      ctx.canvasElement.ownerDocument.documentElement.clientWidth,
    );
  },
};

export const German: Story = {
  tags: ['!autodocs'],
  args: { localization: de, createOrganization: '#create-organization' },
  play: async (ctx) => {
    const dialog = await open(ctx);
    await expect(dialog.getByRole('combobox', { name: 'Organisationen durchsuchen' })).toBeInTheDocument();
    await expect(await dialog.findByRole('option', { name: /Persönliches Konto/ })).toBeInTheDocument();
    await expect(dialog.getByRole('link', { name: 'Organisation erstellen' })).toBeInTheDocument();
  },
};

/**
 * Keyboard only: Tab, Enter, type, arrows, Enter; Escape closes and focus returns to the trigger.
 * The same checks run on the ready-made switcher and on one built from the hook alone.
 */
const keyboardOnly: Story['play'] = async ({ canvas, userEvent, canvasElement }) => {
  const button = canvas.getByRole('button', { expanded: false });
  for (let i = 0; i < 10 && canvasElement.ownerDocument.activeElement !== button; i++) await userEvent.tab();
  await expect(button).toHaveFocus();
  await userEvent.keyboard('{Enter}');
  const search = await canvas.findByRole('combobox');
  await expect(search).toHaveFocus();
  await userEvent.keyboard('{Escape}');
  await expect(canvas.queryByRole('dialog')).not.toBeInTheDocument();
  await expect(button).toHaveFocus();
  await userEvent.keyboard('{ArrowDown}');
  await userEvent.keyboard('glo');
  await waitFor(() => expect(canvas.getAllByRole('option').map((o) => o.getAttribute('title'))).toEqual(['Globex']));
  await userEvent.keyboard('{Enter}');
  await waitFor(() => expect(button).toHaveTextContent('Globex'));
  await expect(button).toHaveFocus();
  await expect(canvas.getByText('You do not have access to invoices.')).toBeInTheDocument();
};

/** Keyboard only: Tab, Enter, type, arrows, Enter; Escape closes and focus returns to the trigger. */
export const KeyboardOnly: Story = { tags: ['!autodocs'], play: keyboardOnly };

/** Its own look, for the story only: plain elements styled by role and `data-*` state. */
const plainCss = `
.plain-switcher { font: 0.875rem/1.4 var(--csk-font-family); color: var(--csk-foreground); }
.plain-switcher > button { height: 2.5rem; padding: 0 0.75rem; border: 1px dashed var(--csk-border); border-radius: var(--csk-radius);
  background: var(--csk-background); color: inherit; font: inherit; cursor: pointer; }
.plain-switcher > button:focus-visible { outline: 2px solid var(--csk-ring); outline-offset: 2px; }
.plain-switcher [role='dialog'] { padding: 0; border: 1px dashed var(--csk-border); border-radius: var(--csk-radius);
  background: var(--csk-card); color: var(--csk-card-foreground); box-shadow: 0 8px 24px rgb(0 0 0 / 12%); }
.plain-switcher input { box-sizing: border-box; width: 100%; height: 2.75rem; padding: 0 0.75rem; border: 0;
  border-bottom: 1px dashed var(--csk-border); background: transparent; color: inherit; font: inherit; outline: none; }
.plain-switcher ul { margin: 0; padding: 0; list-style: none; }
.plain-switcher li { box-sizing: border-box; display: flex; align-items: center; padding: 0 0.75rem; cursor: pointer; }
.plain-switcher li[data-active] { background: var(--csk-accent); }
.plain-switcher li[aria-selected='true'] { font-weight: 600; }
`;

/**
 * The switcher from `useOrgSwitcher()` alone, no parts: plain elements given the hook's prop
 * getters, which carry every id, ARIA attribute, key and handler, the focus moves, the popover
 * and the virtualized rows. (`getContentProps()` keeps the `csk-os-popover` placement class.)
 */
function PlainSwitcher() {
  const api = useOrgSwitcher();
  return (
    <div {...api.getRootProps()} className="plain-switcher">
      <style>{plainCss}</style>
      <button {...api.getTriggerProps()}>{api.label}</button>
      {api.open ? (
        <div {...api.getContentProps()}>
          <input {...api.getSearchProps()} />
          <div {...api.getListProps()}>
            <ul {...api.getSpacerProps()}>
              {api.visibleOptions.map((option) => (
                <li key={option.id} {...api.getItemProps(option)}>
                  {option.name}
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      <p role="status" aria-live="polite" className="csk:sr-only">
        {api.announcement}
      </p>
    </div>
  );
}

/** Built from the hook alone on plain `<button>`, `<div>`, `<input>` and `<ul>`/`<li>`: the same keyboard and focus checks as Keyboard Only. */
export const HookOnly: Story = {
  render: () => <Beside children={<PlainSwitcher />} />,
  play: keyboardOnly,
};

/** Inside `overflow: hidden` at the right edge, and inside a modal dialog: the popover is never clipped. */
function TightPlaces() {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
      <div style={{ overflow: 'hidden', height: 48, width: 180, border: '1px dashed var(--csk-border)' }}>
        <OrgSwitcher className="clipped" />
      </div>
      <button
        type="button"
        className="demo-button"
        style={{ marginLeft: 12 }}
        onClick={() => dialog.current?.showModal()}
        children="Open dialog"
      />
      <dialog ref={dialog} aria-label="Settings" style={{ padding: 24 }} children={<OrgSwitcher />} />
      <div style={{ position: 'fixed', bottom: 8, left: 8 }} data-testid="bottom" children={<OrgSwitcher />} />
    </div>
  );
}

/** The option painted at the centre of `el`: `el` itself unless something clips or covers it. */
const atCentre = (el: HTMLElement) => {
  const r = el.getBoundingClientRect();
  return el.ownerDocument.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.closest('[role=option]');
};
export const InTightPlaces: Story = {
  tags: ['!autodocs'],
  render: () => <TightPlaces />,
  play: async ({ canvas, userEvent, canvasElement }) => {
    const doc = canvasElement.ownerDocument;
    await userEvent.click(canvas.getAllByRole('button', { name: /Acme Inc/ })[0]!); // the clipped one
    const option = await canvas.findByRole('option', { name: /Globex/ });
    await expect(option.getBoundingClientRect().right).toBeLessThanOrEqual(doc.documentElement.clientWidth);
    await expect(atCentre(option)).toBe(option);
    await userEvent.keyboard('{Escape}');
    await userEvent.click(canvas.getByRole('button', { name: 'Open dialog' }));
    const modal = canvas.getByRole('dialog', { name: 'Settings' });
    await userEvent.click(within(modal).getByRole('button', { name: /Acme Inc/ }));
    const inner = await within(modal).findByRole('option', { name: /Globex/ });
    await expect(atCentre(inner)).toBe(inner);
    await userEvent.keyboard('{Escape}');
    await expect(within(modal).queryByRole('option')).not.toBeInTheDocument();
    await expect(modal).toHaveAttribute('open');
    (modal as HTMLDialogElement).close();
    // At the bottom of the viewport the popover opens upwards.
    const bottom = within(canvas.getByTestId('bottom'));
    await userEvent.click(bottom.getByRole('button', { name: /Acme Inc/ }));
    const popover = await bottom.findByRole('dialog');
    await expect(popover.getBoundingClientRect().bottom).toBeLessThanOrEqual(
      bottom.getByRole('button', { name: /Acme Inc/ }).getBoundingClientRect().top,
    );
    await expect(popover.getBoundingClientRect().top).toBeGreaterThanOrEqual(0);
  },
};

/** `tall`: room for the open popover under the trigger (px). */
type Cell = { title: string; persona: Persona; props?: React.ComponentProps<typeof OrgSwitcher>; tall?: number };
const cells: Cell[] = [
  {
    title: 'Acme active, open',
    persona: personas.orgMember,
    props: { open: true, manageOrganization: '#manage', createOrganization: '#create' },
    tall: 330,
  },
  {
    title: 'No active organization, personal hidden',
    persona: noActive,
    props: { open: true, hidePersonal: true },
    tall: 330,
  },
  { title: 'Long names, open', persona: longNames, props: { open: true }, tall: 330 },
  {
    title: 'No organizations',
    persona: personas.personal,
    props: { open: true, createOrganization: '#create' },
    tall: 330,
  },
  {
    title: 'First page loading',
    persona: mergePersona(personas.orgMember, { latency: { getOrganizationMemberships: 600_000 } }),
    props: { open: true },
    tall: 330,
  },
  {
    title: 'Switch failed',
    persona: mergePersona(personas.orgMember, {
      failures: { setActive: { message: 'Rate limit exceeded', status: 429, code: 'too_many_requests' } },
    }),
    props: { open: true },
    tall: 390,
  },
  { title: 'One organization with a logo', persona: oneOrg },
  { title: 'Clerk loading', persona: personas.loading },
  { title: 'Clerk failed to load', persona: personas.loadFailed },
  { title: 'Signed out', persona: personas.signedOut },
];
/** Clerk's page cache is one per page, keyed by user id: each panel's Ada gets her own id. */
const own = ({ state, ...options }: Persona, n: number): Persona => ({
  ...options,
  state: {
    ...state,
    users: state?.users?.map((u) => ({ ...u, id: `${u.id}_${n}` })),
    sessions: state?.sessions?.map((s) => ({ ...s, userId: `${s.userId}_${n}` })),
  },
});

/** Every static state side by side, each on its own mock Clerk: screenshotted by the visual tests. */
export const AllStates: Story = {
  tags: ['!autodocs'],
  parameters: { clerk: { disable: true }, a11y: { config: { rules: [{ id: 'landmark-unique', enabled: false }] } } },
  render: () => (
    <div className="demo-grid" style={{ gridTemplateColumns: 'repeat(auto-fill, minmax(20rem, 1fr))' }}>
      {cells.map(({ title, persona, props, tall }, n) => (
        <Panel key={title} title={title}>
          <div style={{ minHeight: tall }}>
            <MockClerkProvider options={own(persona, n)}>
              <OrgSwitcher {...props} />
            </MockClerkProvider>
          </div>
        </Panel>
      ))}
    </div>
  ),
  play: async ({ canvas, userEvent }) => {
    await waitFor(() => expect(canvas.getAllByRole('option').length).toBeGreaterThanOrEqual(12));
    const failed = within(canvas.getByRole('region', { name: 'Switch failed' }));
    await userEvent.click(failed.getByRole('option', { name: /Globex/ }));
    await expect(await failed.findByRole('alert')).toHaveTextContent('Could not switch to Globex.');
    await waitFor(() => expect(canvas.getByRole('button', { name: /Organizations unavailable/ })).toBeDisabled());
  },
};
