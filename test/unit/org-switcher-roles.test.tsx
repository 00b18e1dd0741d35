import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { en, OrgSwitcher } from '../../src';
import { roleLabel } from '../../src/components/org-switcher/use-org-switcher';
import { de } from '../../src/i18n/de';
import { createMockClerk, personas, type Persona } from '../../src/testing';
import { organizations, users } from '../../src/testing/personas';
import { expectNoAxeViolations } from '../support/axe';
import { ownUser, renderWithMockClerk } from '../support/render';

/** Ada in Acme (active) and Globex, with the roles given. */
const adaWithRoles = (acmeRole: string, globexRole: string): Persona =>
  ownUser({
    state: {
      users: [
        {
          ...users.ada,
          memberships: [
            { organization: { ...organizations.acme }, role: acmeRole, permissions: [] },
            { organization: { ...organizations.globex }, role: globexRole, permissions: [] },
          ],
        },
      ],
      sessions: [{ id: 'sess_ada', userId: users.ada.id, activeOrganizationId: organizations.acme.id }],
    },
  });

const trigger = (name: RegExp) => screen.getByRole('button', { name });
const option = (name: RegExp) => within(screen.getByRole('listbox')).findByRole('option', { name });

describe('given OrgSwitcher in German', () => {
  it('should name the default roles in German on the trigger and in the list', async () => {
    const { user, container } = renderWithMockClerk(adaWithRoles('org:admin', 'org:member'), <OrgSwitcher localization={de} />);
    expect(trigger(/Acme Inc/)).toHaveTextContent('Administrator');
    expect(trigger(/Acme Inc/)).not.toHaveTextContent(/\bAdmin\b/);
    await user.click(trigger(/Acme Inc/));
    expect(await option(/Acme Inc/)).toHaveTextContent('Administrator');
    expect(await option(/Globex/)).toHaveTextContent('Mitglied');
    expect(screen.getByRole('listbox')).not.toHaveTextContent(/\bMember\b|\bAdmin\b/);
    await expectNoAxeViolations(container);
  });

  it("should keep a custom role's name as the instance gives it", async () => {
    const { user, clerk } = renderWithMockClerk(adaWithRoles('org:billing_admin', 'org:member'), <OrgSwitcher localization={de} />);
    const given = clerk.user?.organizationMemberships.find((m) => m.role === 'org:billing_admin')?.roleName;
    expect(given).toBe('Billing_admin');
    expect(trigger(/Acme Inc/)).toHaveTextContent('Billing_admin');
    await user.click(trigger(/Acme Inc/));
    expect(await option(/Acme Inc/)).toHaveTextContent('Billing_admin');
    expect(await option(/Globex/)).toHaveTextContent('Mitglied');
  });
});

describe('given a membership as Clerk hands it over', () => {
  const clerk = createMockClerk(personas.orgAdmin);
  const admin = clerk.user?.organizationMemberships.find((m) => m.role === 'org:admin');
  if (!admin) throw new Error('personas.orgAdmin has no admin membership');

  it("should keep the instance's name for a default role it renamed, in every language", () => {
    const owner = { ...admin, roleName: 'Owner' };
    expect(roleLabel(owner, de)).toBe('Owner');
    expect(roleLabel(owner, en)).toBe('Owner');
  });

  it('should name the keys older instances have for the default roles as Clerk does', () => {
    expect(roleLabel({ ...admin, role: 'admin', roleName: 'Admin' }, de)).toBe('Administrator');
    expect(roleLabel({ ...admin, role: 'basic_member', roleName: '' }, de)).toBe('Mitglied');
    expect(roleLabel({ ...admin, role: 'guest_member', roleName: '' }, de)).toBe('Gast');
  });

  it('should make a name from the key when Clerk gives none, and say nothing without a membership', () => {
    expect(roleLabel({ ...admin, role: 'org:billing_admin', roleName: '' }, de)).toBe('Billing_admin');
    expect(roleLabel(null, de)).toBe('');
  });
});
