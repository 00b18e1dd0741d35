import { act, screen, waitFor, within } from '@testing-library/react';
import { createRef, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { OrgSwitcher, useOrgSwitcher } from '../../src';
import { manyOrgs, mergePersona, personas, type MockClerk, type Persona } from '../../src/testing';
import { expectNoAxeViolations } from '../support/axe';
import * as clerkReact from '@clerk/react';
import { SLOW_AFTER_MS } from '../../src/components/shared/parts';
import { ownUser, renderWithMockClerk as renderOnce } from '../support/render';

/** True when the unit-core-2 project binds '@clerk/react' to @clerk/clerk-react 5. */
const CLERK_CORE_2 = 'SignedIn' in clerkReact;

// Every render its own user id, so Clerk's page cache never carries one test's pages into the next.
const renderWithMockClerk = (persona: Persona, ui: React.ReactNode) => renderOnce(ownUser(persona), ui);

const setup = (persona: Persona, props: React.ComponentProps<typeof OrgSwitcher> = {}) =>
  renderWithMockClerk(persona, <OrgSwitcher {...props} />);
const trigger = () =>
  screen.getByRole('button', {
    name: /Acme Inc|Globex|Personal account|Organization|No organization|Loading|Taking longer|unavailable/,
  });
const popover = () => screen.getByRole('dialog', { name: 'Switch organization' });
const search = () => screen.getByRole('combobox', { name: 'Search organizations' });
const optionNames = () =>
  within(screen.getByRole('listbox'))
    .getAllByRole('option')
    .map((o) => o.getAttribute('title'));
const activeOption = () => document.getElementById(search().getAttribute('aria-activedescendant') ?? '');

describe('given Ada, a member of Acme (active) and Globex', () => {
  it('should show the active organization and role on the trigger, and list every membership when opened', async () => {
    const { user, container } = setup(personas.orgMember);
    expect(trigger()).toHaveTextContent('Acme Inc');
    expect(trigger()).toHaveTextContent('Member');
    expect(trigger()).toHaveAttribute('aria-expanded', 'false');
    await user.click(trigger());
    expect(popover()).toBeInTheDocument();
    await waitFor(() => expect(optionNames()).toEqual(['Personal account', 'Acme Inc', 'Globex']));
    expect(search()).toHaveFocus();
    expect(screen.getByRole('option', { name: /Acme Inc/ })).toHaveAttribute('aria-selected', 'true');
    expect(activeOption()).toHaveAttribute('title', 'Acme Inc');
    await expectNoAxeViolations(container);
  });

  it('should switch with the keyboard alone: arrows, Enter; the trigger follows and focus returns to it', async () => {
    const onEvent = vi.fn();
    const { clerk, user } = setup(personas.orgMember, { onEvent });
    trigger().focus();
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(optionNames()).toHaveLength(3));
    await user.keyboard('{ArrowDown}');
    expect(activeOption()).toHaveAttribute('title', 'Globex');
    await user.keyboard('{Home}');
    expect(activeOption()).toHaveAttribute('title', 'Personal account');
    await user.keyboard('{End}{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(trigger()).toHaveTextContent('Globex');
    expect(trigger()).toHaveFocus();
    expect(clerk.mock.callsOf('setActive').map((c) => c.args)).toEqual([[{ organization: 'org_globex' }]]);
    expect(screen.getByRole('status')).toHaveTextContent('Switched to Globex.');
    expect(onEvent).toHaveBeenCalledWith(expect.objectContaining({ type: 'switched' }));
  });

  it('should close on Escape and return focus to the trigger', async () => {
    const { user } = setup(personas.orgMember);
    await user.click(trigger());
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(trigger()).toHaveFocus();
  });

  it('should close when Tab leaves the popover, with focus back on the trigger (never on <body>)', async () => {
    const { user } = setup(personas.orgMember);
    await user.click(trigger());
    expect(search()).toHaveFocus();
    await user.tab();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(trigger()).toHaveFocus();
    await user.click(trigger());
    await user.tab({ shift: true });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(trigger()).toHaveFocus();
  });

  it('should switch to the personal account with null', async () => {
    const { clerk, user } = setup(personas.orgMember);
    await user.click(trigger());
    await user.click(await screen.findByRole('option', { name: /Personal account/ }));
    await waitFor(() => expect(trigger()).toHaveTextContent('Personal account'));
    expect(clerk.mock.callsOf('setActive')[0]?.args).toEqual([{ organization: null }]);
  });

  it('should keep the popover open, the item pending, until onAfterSwitch settles', async () => {
    let settle = () => {};
    const onAfterSwitch = vi.fn(() => new Promise<void>((resolve) => (settle = resolve)));
    const { user } = setup(personas.orgMember, { onAfterSwitch });
    await user.click(trigger());
    await user.click(await screen.findByRole('option', { name: /Globex/ }));
    await waitFor(() => expect(onAfterSwitch).toHaveBeenCalledWith(expect.objectContaining({ id: 'org_globex' })));
    expect(popover()).toBeInTheDocument();
    expect(screen.getByRole('option', { name: /Globex/ })).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('option', { name: /Globex/ })).toHaveTextContent('Switching to Globex…');
    expect(screen.getByRole('status')).toHaveTextContent('Switching to Globex…');
    await act(async () => settle());
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(trigger()).toHaveTextContent('Globex');
  });

  it('should still close on the new organization when onAfterSwitch throws, and report it', async () => {
    const onEvent = vi.fn();
    const { user } = setup(personas.orgMember, {
      onEvent,
      onAfterSwitch: () => Promise.reject(new Error('refresh failed')),
    });
    await user.click(trigger());
    await user.click(await screen.findByRole('option', { name: /Globex/ }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(trigger()).toHaveTextContent('Globex');
    expect(onEvent.mock.calls.map(([e]) => e.type)).toEqual(['after-switch-failed', 'switched']);
  });

  it('should keep the previous organization and say why when the switch fails', async () => {
    const onEvent = vi.fn();
    const { user } = setup(
      mergePersona(personas.orgMember, {
        failures: { setActive: { message: 'Too many requests', status: 429, code: 'too_many_requests' } },
      }),
      { onEvent },
    );
    await user.click(trigger());
    await user.click(await screen.findByRole('option', { name: /Globex/ }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not switch to Globex.');
    expect(alert).toHaveTextContent('Too many attempts. Wait a moment and try again.');
    expect(within(alert).getByText('Too many requests')).toBeInTheDocument();
    expect(popover()).toBeInTheDocument();
    expect(trigger()).toHaveTextContent('Acme Inc');
    expect(screen.getByRole('option', { name: /Acme Inc/ })).toHaveAttribute('aria-selected', 'true');
    expect(onEvent).toHaveBeenCalledWith(expect.objectContaining({ type: 'switch-failed' }));
  });

  it('should switch when the same organization is picked again after a failed switch (the switcher is not left busy)', async () => {
    const { clerk, user } = setup(
      mergePersona(personas.orgMember, {
        failures: { setActive: { mode: 'once', message: 'Network connection lost.' } },
      }),
    );
    await user.click(trigger());
    await user.click(await screen.findByRole('option', { name: /Globex/ }));
    await screen.findByRole('alert');
    await user.click(screen.getByRole('option', { name: /Globex/ }));
    await waitFor(() => expect(trigger()).toHaveTextContent('Globex'));
    expect(clerk.mock.callsOf('setActive').map((c) => c.status)).toEqual(['error', 'ok']);
  });

  it('should switch once when an organization is activated twice while the switch is still on its way', async () => {
    // The switch waits for this gate, opened after the second activation: no race with a timer.
    let open = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    const { clerk, user } = setup(mergePersona(personas.orgMember, { latency: { setActive: () => gate } }));
    await user.click(trigger());
    const globex = await screen.findByRole('option', { name: /Globex/ });
    await user.click(globex);
    await user.click(globex);
    await user.keyboard('{Enter}');
    open();
    await waitFor(() => expect(trigger()).toHaveTextContent('Globex'));
    expect(clerk.mock.callsOf('setActive')).toHaveLength(1);
  });

  it('should render the create and manage slots as links, and a node in their place', async () => {
    const { user } = setup(personas.orgMember, {
      createOrganization: '/orgs/new',
      manageOrganization: <button type="button">Settings</button>,
    });
    await user.click(trigger());
    expect(screen.getByRole('link', { name: 'Create organization' })).toHaveAttribute('href', '/orgs/new');
    expect(screen.getByRole('button', { name: 'Settings' })).toBeInTheDocument();
  });
});

describe('given a caller that owns the open state and the hook', () => {
  it('should ask before opening or closing, and render the parts it is given', async () => {
    const asked = vi.fn();
    function Owned() {
      const [open, setOpen] = useState(false);
      const api = useOrgSwitcher({
        open,
        onOpenChange: (next) => (asked(next), setOpen(next && asked.mock.calls.length > 1)),
      });
      return (
        <OrgSwitcher.Root value={api}>
          <OrgSwitcher.Trigger />
          <OrgSwitcher.Content>
            <OrgSwitcher.Search />
            <OrgSwitcher.List />
          </OrgSwitcher.Content>
        </OrgSwitcher.Root>
      );
    }
    const { user } = renderWithMockClerk(personas.orgMember, <Owned />);
    await user.click(trigger());
    expect(asked).toHaveBeenLastCalledWith(true);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument(); // the owner said no
    await user.click(trigger());
    expect(popover()).toBeInTheDocument();
    await waitFor(() => expect(optionNames()).toEqual(['Personal account', 'Acme Inc', 'Globex']));
    await user.keyboard('{Escape}');
    expect(asked).toHaveBeenLastCalledWith(false);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});

/** The parts in a layout of the caller's, each given the caller's props (handlers, refs). */
function Composed({
  trigger: triggerProps,
  search: searchProps,
  item: itemProps,
  action: actionProps,
}: {
  trigger?: React.ComponentProps<typeof OrgSwitcher.Trigger>;
  search?: React.ComponentProps<typeof OrgSwitcher.Search>;
  item?: Omit<React.ComponentProps<typeof OrgSwitcher.Item>, 'option'>;
  action?: Omit<React.ComponentProps<typeof OrgSwitcher.Action>, 'value' | 'label'>;
}) {
  const api = useOrgSwitcher();
  return (
    <OrgSwitcher.Root value={api}>
      <OrgSwitcher.Trigger {...triggerProps} />
      <OrgSwitcher.Content>
        <OrgSwitcher.Search {...searchProps} />
        <OrgSwitcher.List>
          {(option, index) => <OrgSwitcher.Item key={option.id} option={option} index={index} {...itemProps} />}
        </OrgSwitcher.List>
        <OrgSwitcher.Footer>
          <OrgSwitcher.Action value="/orgs/new" label="Create organization" {...actionProps} />
        </OrgSwitcher.Footer>
      </OrgSwitcher.Content>
    </OrgSwitcher.Root>
  );
}
const composed = (props: React.ComponentProps<typeof Composed>) => renderWithMockClerk(personas.orgMember, <Composed {...props} />);

describe("given parts that get the caller's handlers and refs", () => {
  it("should run the caller's onClick on the trigger first, and not open when it prevents the default", async () => {
    let prevent = true;
    const onClick = vi.fn((event: React.MouseEvent) => prevent && event.preventDefault());
    const { user } = composed({ trigger: { onClick } });
    await user.click(trigger());
    expect(onClick).toHaveBeenCalledTimes(1);
    expect(trigger()).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    prevent = false;
    await user.click(trigger());
    expect(onClick).toHaveBeenCalledTimes(2);
    expect(popover()).toBeInTheDocument();
  });

  it("should give the caller's ref the trigger, and still return focus to it on Escape and after a switch", async () => {
    const ref = createRef<HTMLButtonElement>();
    const { user } = composed({ trigger: { ref } });
    expect(ref.current).toBe(trigger());
    await user.click(trigger());
    expect(search()).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(trigger()).toHaveFocus();
    await user.click(trigger());
    await user.click(await screen.findByRole('option', { name: /Globex/ }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(trigger()).toHaveTextContent('Globex');
    expect(trigger()).toHaveFocus();
    expect(ref.current).toBe(trigger());
  });

  it("should run the caller's onKeyDown in the search box first, and let it keep a key from the kit", async () => {
    const ref = createRef<HTMLInputElement>();
    const onKeyDown = vi.fn((event: React.KeyboardEvent) => event.key === 'ArrowDown' && event.preventDefault());
    const { user } = composed({ search: { ref, onKeyDown } });
    await user.click(trigger());
    await waitFor(() => expect(optionNames()).toEqual(['Personal account', 'Acme Inc', 'Globex']));
    expect(ref.current).toBe(search());
    expect(activeOption()).toHaveAttribute('title', 'Acme Inc');
    await user.keyboard('{ArrowDown}');
    expect(onKeyDown).toHaveBeenCalledWith(expect.objectContaining({ key: 'ArrowDown' }));
    expect(activeOption()).toHaveAttribute('title', 'Acme Inc');
    await user.keyboard('{ArrowUp}');
    expect(activeOption()).toHaveAttribute('title', 'Personal account');
    await user.type(search(), 'glo');
    expect(search()).toHaveValue('glo');
  });

  it("should run the caller's onClick on an option first, and not switch when it prevents the default", async () => {
    let prevent = true;
    const onClick = vi.fn((event: React.MouseEvent) => prevent && event.preventDefault());
    const nodes = new Set<HTMLElement>();
    const ref = (node: HTMLDivElement | null) => void (node && nodes.add(node));
    const { clerk, user } = renderWithMockClerk(personas.orgMember, <Composed item={{ onClick, ref }} />);
    await user.click(trigger());
    const globex = await screen.findByRole('option', { name: /Globex/ });
    expect(nodes).toContain(globex);
    await user.click(globex);
    expect(onClick).toHaveBeenCalledTimes(1);
    expect(popover()).toBeInTheDocument();
    expect(clerk.mock.callsOf('setActive')).toEqual([]);
    expect(trigger()).toHaveTextContent('Acme Inc');
    prevent = false;
    await user.click(screen.getByRole('option', { name: /Globex/ }));
    await waitFor(() => expect(trigger()).toHaveTextContent('Globex'));
    expect(onClick).toHaveBeenCalledTimes(2);
  });

  it("should run the caller's onClick on an action link and give its ref the link", async () => {
    const ref = createRef<HTMLAnchorElement>();
    const onClick = vi.fn((event: React.MouseEvent) => event.preventDefault());
    const { user } = composed({ action: { ref, onClick, className: 'my-action' } });
    await user.click(trigger());
    const link = screen.getByRole('link', { name: 'Create organization' });
    expect(ref.current).toBe(link);
    expect(link).toHaveAttribute('class', 'csk-os-action my-action');
    await user.click(link);
    expect(onClick).toHaveBeenCalledTimes(1);
  });
});

/** The switcher from the hook alone, on plain elements: the getters carry every behaviour. */
function Plain() {
  const api = useOrgSwitcher();
  return (
    <div {...api.getRootProps()}>
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
    </div>
  );
}

describe('given the hook alone on plain elements', () => {
  it('should open with the keyboard, move the active option, switch with Enter and return focus to the button', async () => {
    const { clerk, user, container } = renderWithMockClerk(personas.orgMember, <Plain />);
    const button = screen.getByRole('button', { name: 'Acme Inc' });
    expect(container.firstChild).toHaveAttribute('data-status', 'ready');
    button.focus();
    await user.keyboard('{ArrowDown}');
    expect(search()).toHaveFocus();
    await waitFor(() => expect(optionNames()).toEqual(['Personal account', 'Acme Inc', 'Globex']));
    expect(screen.getByRole('option', { name: 'Acme Inc' })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    await user.keyboard('{End}{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Globex' })).toHaveFocus();
    expect(clerk.mock.callsOf('setActive').map((c) => c.args)).toEqual([[{ organization: 'org_globex' }]]);
    await expectNoAxeViolations(container);
  });
});

describe('given unstyled and per-slot classNames', () => {
  it("should drop the kit's classes, keep data-slot and data-state, and add the caller's", async () => {
    const { user } = setup(personas.orgMember, {
      unstyled: true,
      classNames: { trigger: 'my-trigger', item: 'my-item', avatar: 'my-avatar' },
    });
    expect(trigger()).toHaveAttribute('class', 'my-trigger');
    expect(trigger()).toHaveAttribute('data-state', 'closed');
    await user.click(trigger());
    const acme = await screen.findByRole('option', { name: /Acme Inc/ });
    expect(acme).toHaveAttribute('class', 'my-item');
    expect(acme).toHaveAttribute('data-state', 'current');
    expect(acme.querySelector('[data-slot="avatar"]')).toHaveAttribute('class', 'my-avatar');
    expect(popover()).toHaveAttribute('data-slot', 'content');
  });

  it('should leave no kit class on any element, in a failed switch and while the first page loads', async () => {
    // csk:sr-only hides text visually (it is not a look), csk-os-popover places the popover.
    const kitClasses = () =>
      [...document.body.querySelectorAll('[class]')]
        .map((el) => el.getAttribute('class')!)
        .filter((c) => /(^|\s)csk(-(?!os-popover(\s|$))|:(?!sr-only(\s|$)))/.test(c));
    const failing = setup(
      mergePersona(personas.orgMember, {
        failures: { setActive: { message: 'Too many requests', status: 429, code: 'too_many_requests' } },
      }),
      { unstyled: true, open: true },
    );
    await failing.user.click(await screen.findByRole('option', { name: /Globex/ }));
    await screen.findByRole('alert');
    expect(kitClasses()).toEqual([]);
    failing.unmount();
    setup(mergePersona(personas.orgMember, { latency: { getOrganizationMemberships: 60_000 } }), {
      unstyled: true,
      open: true,
    });
    await screen.findByText('Loading…');
    expect(document.querySelector('[data-slot="status"][data-state="loading"]')).toBeInTheDocument();
    expect(kitClasses()).toEqual([]);
  });
});

describe('given no active organization', () => {
  it('should say "Personal account" on the trigger and mark it current', async () => {
    const { user } = setup(
      mergePersona(personas.orgMember, {
        state: { sessions: [{ id: 'sess_ada', userId: 'user_ada', activeOrganizationId: null }] },
      }),
    );
    expect(trigger()).toHaveTextContent('Personal account');
    await user.click(trigger());
    expect(await screen.findByRole('option', { name: /Personal account/ })).toHaveAttribute('aria-selected', 'true');
  });

  it('should put names that start with the query first, so "ac" then Enter switches to Acme, not "Personal account"', async () => {
    const { clerk, user } = setup(
      mergePersona(personas.orgMember, {
        state: { sessions: [{ id: 'sess_ada', userId: 'user_ada', activeOrganizationId: null }] },
      }),
    );
    await user.click(trigger());
    await waitFor(() => expect(optionNames()).toHaveLength(3));
    await user.keyboard('ac');
    await waitFor(() => expect(optionNames()).toEqual(['Acme Inc', 'Personal account']));
    expect(activeOption()).toHaveAttribute('title', 'Acme Inc');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(trigger()).toHaveTextContent('Acme Inc'));
    expect(clerk.mock.callsOf('setActive').map((c) => c.args)).toEqual([[{ organization: 'org_acme' }]]);
  });

  it('should say so plainly when the personal account is hidden', async () => {
    const { user } = setup(
      mergePersona(personas.orgMember, {
        state: { sessions: [{ id: 'sess_ada', userId: 'user_ada', activeOrganizationId: null }] },
      }),
      { hidePersonal: true },
    );
    expect(trigger()).toHaveTextContent('No organization selected');
    await user.click(trigger());
    expect(screen.getByText('No organization is active. Choose one below.')).toBeInTheDocument();
    await waitFor(() => expect(optionNames()).toEqual(['Acme Inc', 'Globex']));
  });
});

describe('given a user with no memberships', () => {
  it('should list the personal account and say there are no organizations', async () => {
    const { user, container } = setup(personas.personal, { createOrganization: '/orgs/new' });
    await user.click(trigger());
    expect(await screen.findByText('You are not a member of any organization yet.')).toBeInTheDocument();
    expect(optionNames()).toEqual(['Personal account']);
    await expectNoAxeViolations(container);
  });
});

describe('given Clerk still loading after 8 seconds', () => {
  it('should say on the trigger that it is taking longer than usual, and no sooner', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      setup(personas.loading);
      expect(trigger()).toHaveTextContent('Loading…');
      act(() => vi.advanceTimersByTime(SLOW_AFTER_MS - 1));
      expect(trigger()).toHaveTextContent('Loading…');
      act(() => vi.advanceTimersByTime(1));
      expect(trigger()).toHaveTextContent('Taking longer than usual…');
      expect(trigger()).toHaveAttribute('data-status', 'loading');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('given Clerk could not load', () => {
  it('should show that on the trigger instead of loading for ever, with the status every hook calls "error"', async () => {
    const { container } = setup(personas.loadFailed);
    await waitFor(() => expect(trigger()).toHaveTextContent('Organizations unavailable'));
    expect(trigger()).toBeDisabled();
    expect(trigger()).toHaveAttribute('data-status', 'error');
    expect(container.querySelector('[data-slot="root"]')).toHaveAttribute('data-status', 'error');
  });
});

const pages = (clerk: MockClerk) =>
  clerk.mock.callsOf('getOrganizationMemberships').map((c) => c.args[0] as { initialPage: number; pageSize: number });

describe('given 45 memberships loaded 20 at a time', () => {
  it('should load the next page when the end of the list comes into view', async () => {
    const { clerk, user } = setup(manyOrgs(45));
    await user.click(trigger());
    await waitFor(() => expect(optionNames()).toContain('Organization 0001'));
    expect(activeOption()).toHaveAttribute('title', 'Organization 0001');
    await user.keyboard('{PageDown}');
    expect(activeOption()).toHaveAttribute('title', 'Organization 0008');
    await user.keyboard('{PageUp}{ArrowUp}');
    expect(activeOption()).toHaveAttribute('title', 'Personal account');
    await user.keyboard('{End}');
    await waitFor(() => expect(pages(clerk)).toHaveLength(2));
    await waitFor(() => expect(activeOption()).toHaveAttribute('aria-setsize', '-1'));
    await user.keyboard('{End}');
    await waitFor(() => expect(pages(clerk)).toHaveLength(3));
    await waitFor(() => expect(screen.getByRole('listbox').querySelector('[aria-setsize="46"]')).not.toBeNull());
    await user.keyboard('{End}');
    await waitFor(() => expect(activeOption()).toHaveAttribute('title', 'Organization 0045'));
    expect(pages(clerk)).toEqual([1, 2, 3].map((initialPage) => ({ initialPage, pageSize: 20 })));
    expect(within(screen.getByRole('listbox')).getAllByRole('option').length).toBeLessThanOrEqual(20);
  });

  it("should show a page that still fails after Clerk's own retries, with a retry that loads it", { timeout: 20_000 }, async () => {
    // The first page answers only once the loading state has been seen (no race with a timer).
    let answer = () => {};
    const seen = new Promise<void>((resolve) => (answer = resolve));
    const { clerk, user } = setup(
      mergePersona(manyOrgs(45), {
        latency: { getOrganizationMemberships: () => seen },
        failures: { getOrganizationMemberships: 'always' },
      }),
    );
    await user.click(trigger());
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    answer();
    // Core 3's query client retries a failed page three times (1 s, 2 s, 4 s) first; Core 2's SWR
    // does not retry a failed page.
    const alert = await screen.findByRole('alert', {}, { timeout: 12_000 });
    expect(alert).toHaveTextContent('Some organizations could not be loaded.');
    expect(pages(clerk)).toHaveLength(CLERK_CORE_2 ? 1 : 4);
    clerk.mock.fail('getOrganizationMemberships', null);
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(optionNames()).toContain('Organization 0001'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('given 1,200 memberships', () => {
  it('should search every page, fetching the rest 500 at a time, and announce the count', async () => {
    const { clerk, user } = setup(manyOrgs(1200));
    await user.click(trigger());
    await waitFor(() => expect(optionNames()).toContain('Organization 0001'));
    await user.type(search(), 'Organization 115');
    await waitFor(() => expect(optionNames()).toEqual(Array.from({ length: 10 }, (_, i) => `Organization 115${i}`)));
    expect(pages(clerk).slice(1)).toEqual([1, 2, 3].map((initialPage) => ({ initialPage, pageSize: 500 })));
    expect(screen.getByRole('status')).toHaveTextContent('10 organizations');
    expect(activeOption()).toHaveAttribute('title', 'Organization 1150');
  });

  it(
    'should keep Clerk’s order when a browsing page answers after the bulk pages, fetch one bulk page at a time, and let only the newest query show',
    { timeout: 15_000 },
    async () => {
      // The second browsing page (20 rows) answers 1.5 s late; the bulk pages (500 rows) at once.
      const clerk = { current: null as MockClerk | null };
      const bulkInFlight: number[] = [];
      const isBulk = (args: unknown[]) => (args[0] as { pageSize?: number } | undefined)?.pageSize === 500;
      const persona = mergePersona(manyOrgs(1200), {
        onCall: (call) => {
          const args = call.args[0] as { initialPage?: number; pageSize?: number } | undefined;
          if (call.action !== 'getOrganizationMemberships') return;
          if (isBulk(call.args))
            bulkInFlight.push(
              clerk.current!.mock.callsOf('getOrganizationMemberships').filter((c) => isBulk(c.args) && c.status === 'pending').length,
            );
          clerk.current?.mock.setLatency(args?.pageSize === 20 && args.initialPage === 2 ? 1500 : 0);
        },
      });
      const view = setup(persona);
      clerk.current = view.clerk;
      await view.user.click(trigger());
      await waitFor(() => expect(optionNames()).toContain('Organization 0001'));
      await view.user.keyboard('{End}');
      await waitFor(() => expect(pages(view.clerk)).toContainEqual({ initialPage: 2, pageSize: 20 }));
      await view.user.type(search(), '99');
      const matching = Array.from({ length: 1200 }, (_, i) => `Organization ${String(i + 1).padStart(4, '0')}`).filter((name) =>
        name.includes('99'),
      );
      await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(`${matching.length} organizations`));
      const calls = view.clerk.mock.callsOf('getOrganizationMemberships');
      // The late browsing page is still out when every bulk page is in.
      expect(calls.find((c) => !isBulk(c.args) && (c.args[0] as { initialPage: number }).initialPage === 2)?.status).toBe('pending');
      expect(
        pages(view.clerk)
          .filter((p) => p.pageSize === 500)
          .map((p) => p.initialPage),
      ).toEqual([1, 2, 3]);
      expect(bulkInFlight).toEqual([1, 1, 1]);
      await waitFor(() => expect(calls.every((c) => c.status === 'ok')).toBe(true), { timeout: 5000 });
      expect(screen.getByRole('status')).toHaveTextContent(`${matching.length} organizations`);
      // The list is virtual: the rows in the DOM are the first results, in Clerk's order.
      expect(optionNames()).toEqual(matching.slice(0, optionNames().length));
      await view.user.keyboard('{End}');
      expect(activeOption()).toHaveAttribute('title', matching.at(-1));
      await view.user.clear(search());
      await view.user.type(search(), '0199');
      expect(optionNames()).toEqual(['Organization 0199']);
      await view.user.clear(search());
      await view.user.keyboard('{End}');
      expect(activeOption()).toHaveAttribute('title', 'Organization 1200');
      expect(activeOption()).toHaveAttribute('aria-setsize', '1201');
    },
  );

  it('should show a failed search page with a retry that fetches it again', async () => {
    const { clerk, user } = setup(manyOrgs(1200));
    await user.click(trigger());
    await waitFor(() => expect(optionNames()).toContain('Organization 0001'));
    clerk.mock.fail('getOrganizationMemberships', 'once');
    await user.type(search(), '1199');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Some organizations could not be loaded.');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(optionNames()).toEqual(['Organization 1199']));
    expect(search()).toHaveValue('1199');
  });
});
