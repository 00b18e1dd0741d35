/**
 * Sessions Clerk holds `pending` (Core 3 session tasks): signed in, with a task to do first.
 * SessionManager and SessionList show them as pending with the task's name; OrgSwitcher resolves
 * the choose-organization task. The same suite runs on Core 2 (unit-core-2).
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OrgSwitcher, SessionList, SessionManager } from '../../src';
import { de } from '../../src/i18n/de';
import { mergePersona, personas, type Persona } from '../../src/testing';
import { expectNoAxeViolations } from '../support/axe';
import { ownUser, renderWithMockClerk } from '../support/render';

const ada = { id: 'user_ada', firstName: 'Ada', lastName: 'Lovelace', emailAddress: 'ada@example.com' };
/** Ada's pending session on this browser with one task, and a pending session on another device. */
const pendingWith = (key: 'choose-organization' | 'reset-password' | 'setup-mfa'): Persona => ({
  state: {
    users: [
      {
        ...ada,
        devices: [
          {
            id: 'sess_phone',
            status: 'pending',
            lastActiveAt: '2026-01-15T10:00:00Z',
            latestActivity: { browserName: 'Safari', deviceType: 'iPhone' },
          },
        ],
      },
    ],
    sessions: [{ id: 'sess_ada', userId: 'user_ada', status: 'pending', tasks: [{ key }] }],
  },
});

describe('given a pending session that must choose an organization', () => {
  it('should show SessionManager with the session marked pending and the task named, and pass axe', async () => {
    const { container } = renderWithMockClerk(personas.pendingSession, <SessionManager />);
    expect(await screen.findByText('Pending: Choose an organization')).toBeInTheDocument();
    expect(screen.getByText('Ada Lovelace')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeEnabled();
    await expectNoAxeViolations(container);
  });

  it('should name the task in the localization given', async () => {
    renderWithMockClerk(personas.pendingSession, <SessionManager localization={de} />);
    expect(await screen.findByText('Ausstehend: Organisation auswählen')).toBeInTheDocument();
  });

  it('should mark the account and this device pending in SessionList, and pass axe', async () => {
    const { container } = renderWithMockClerk(personas.pendingSession, <SessionList />);
    const accounts = await screen.findByRole('region', { name: 'Accounts on this browser' });
    expect(within(accounts).getByText('Pending: Choose an organization')).toBeInTheDocument();
    const devices = screen.getByRole('region', { name: 'Your devices' });
    expect(await within(devices).findByText('Pending: Choose an organization')).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('should list only the memberships in OrgSwitcher and resolve the task with the one picked', async () => {
    const { clerk, user, container } = renderWithMockClerk(ownUser(personas.pendingSession), <OrgSwitcher />);
    const trigger = screen.getByRole('button', { name: /Choose an organization/ });
    await user.click(trigger);
    const list = await screen.findByRole('listbox');
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole('option')
          .map((o) => o.getAttribute('title')),
      ).toEqual(['Acme Inc', 'Globex']),
    );
    expect(screen.getByText('No organization is active. Choose one below.')).toBeInTheDocument();
    await expectNoAxeViolations(container);
    await user.click(within(list).getByRole('option', { name: /Globex/ }));
    await waitFor(() => expect(screen.getByRole('button', { name: /Globex/ })).toBeInTheDocument());
    expect(clerk.mock.callsOf('setActive').map((c) => [c.args, c.status])).toEqual([
      [[{ organization: 'org_globex', redirectUrl: undefined }], 'ok'],
    ]);
    expect(clerk.session).toMatchObject({ status: 'active', currentTask: undefined, lastActiveOrganizationId: 'org_globex' });
  });

  it('should show a failed pick next to the list and leave the task to do', async () => {
    const { clerk, user } = renderWithMockClerk(
      ownUser(mergePersona(personas.pendingSession, { failures: { setActive: 'once' } })),
      <OrgSwitcher />,
    );
    await user.click(screen.getByRole('button', { name: /Choose an organization/ }));
    await user.click(await screen.findByRole('option', { name: /Acme Inc/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Acme Inc/);
    expect(clerk.session).toMatchObject({ status: 'pending', currentTask: { key: 'choose-organization' } });
  });
});

describe('given a pending session with another task', () => {
  it.each([
    ['reset-password', 'Pending: Reset your password'],
    ['setup-mfa', 'Pending: Set up two-step verification'],
  ] as const)('should name the %s task in SessionManager', async (key, label) => {
    renderWithMockClerk(pendingWith(key), <SessionManager />);
    expect(await screen.findByText(label)).toBeInTheDocument();
  });

  it('should mark another device pending without a task name, Clerk names none for it', async () => {
    renderWithMockClerk(pendingWith('reset-password'), <SessionList />);
    const devices = await screen.findByRole('region', { name: 'Your devices' });
    const phone = (await within(devices).findByText(/Safari/)).closest('li')!;
    expect(within(phone).getByText('Pending')).toBeInTheDocument();
    expect(within(devices).getByText('Pending: Reset your password')).toBeInTheDocument();
  });

  it('should keep the personal account in OrgSwitcher: only choose-organization leaves it out', async () => {
    const { user } = renderWithMockClerk(ownUser(pendingWith('reset-password')), <OrgSwitcher />);
    await user.click(screen.getByRole('button', { name: /Personal account/ }));
    expect(await screen.findByRole('option', { name: /Personal account/ })).toBeInTheDocument();
  });
});

describe('given an instance with personal accounts off (Clerk keeps it in its environment)', () => {
  it('should keep the personal account out of OrgSwitcher once the choose-organization task is done', async () => {
    const { clerk, user } = renderWithMockClerk(ownUser(personas.pendingSession), <OrgSwitcher />);
    await user.click(screen.getByRole('button', { name: /Choose an organization/ }));
    await user.click(await screen.findByRole('option', { name: /Globex/ }));
    await waitFor(() => expect(clerk.session).toMatchObject({ status: 'active', currentTask: undefined }));
    await user.click(await screen.findByRole('button', { name: /Globex/ }));
    const list = await screen.findByRole('listbox');
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(2));
    expect(within(list).queryByRole('option', { name: /Personal account/ })).not.toBeInTheDocument();
  });

  it('should leave the personal account out of an active session without any task', async () => {
    const { user } = renderWithMockClerk(ownUser(mergePersona(personas.orgMember, { forceOrganizationSelection: true })), <OrgSwitcher />);
    await user.click(await screen.findByRole('button', { name: /Acme/ }));
    const list = await screen.findByRole('listbox');
    await waitFor(() => expect(within(list).getAllByRole('option').length).toBeGreaterThan(0));
    expect(within(list).queryByRole('option', { name: /Personal account/ })).not.toBeInTheDocument();
  });
});

describe('given an active session', () => {
  it('should show no pending badge anywhere', async () => {
    renderWithMockClerk(personas.manyDevices, <SessionList />);
    await screen.findByRole('region', { name: 'Your devices' });
    await screen.findAllByText(/Chrome 142/);
    expect(screen.queryByText(/^Pending/)).not.toBeInTheDocument();
  });
});
