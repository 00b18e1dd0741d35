import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SessionList } from '../../src';
import { mergePersona, personas, type Persona } from '../../src/testing';
import { expectNoAxeViolations } from '../support/axe';
import { renderWithMockClerk } from '../support/render';

/**
 * A row's ⋯ menu: the row's actions as one control, shown instead of its buttons below a 24rem
 * container (CSS decides which shows; jsdom has no layout, so both are here and the menu is
 * driven directly). The menu button pattern: focus into the menu, arrows, Escape and Tab back.
 */
const setup = (persona: Persona) => renderWithMockClerk(persona, <SessionList />);
/** A gate an action waits on until the test opens it: the pending state without a timer. */
function gated() {
  let open = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  return { held: () => gate, open };
}
const menuButton = (name: string) => screen.findByRole('button', { name: `Actions for ${name}` });

describe('given an account row’s ⋯ menu', () => {
  it('should open with focus on its first item, move with the arrow keys, and close on Escape with focus back on its button', async () => {
    const { user, container } = setup(personas.multiSession);
    const button = await menuButton('Grace Hopper');
    expect(button).toHaveAttribute('aria-haspopup', 'menu');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await user.click(button);
    const menu = screen.getByRole('menu', { name: 'Actions for Grace Hopper' });
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(button).toHaveAttribute('aria-controls', menu.id);
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual(['Switch', 'Sign out']);
    expect(items[0]).toHaveFocus();
    await expectNoAxeViolations(container);
    await user.keyboard('{ArrowDown}');
    expect(items[1]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(items[0]).toHaveFocus();
    await user.keyboard('{End}');
    expect(items[1]).toHaveFocus();
    await user.keyboard('{Home}');
    expect(items[0]).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  it('should open on ArrowUp at its last item, and close on Tab with focus back on its button', async () => {
    const { user } = setup(personas.multiSession);
    const button = await menuButton('Alan Turing');
    button.focus();
    await user.keyboard('{ArrowUp}');
    const items = within(screen.getByRole('menu')).getAllByRole('menuitem');
    expect(items[1]).toHaveFocus();
    await user.tab();
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });

  it('should offer only Sign out on the current account', async () => {
    const { user } = setup(personas.multiSession);
    await user.click(await menuButton('Ada Lovelace'));
    expect(
      within(screen.getByRole('menu'))
        .getAllByRole('menuitem')
        .map((i) => i.textContent),
    ).toEqual(['Sign out']);
  });

  it('should switch to the account chosen, with its ⋯ button busy and focused until Clerk answers', async () => {
    const { held, open } = gated();
    const { user, clerk } = setup(mergePersona(personas.multiSession, { latency: { setActive: held } }));
    const button = await menuButton('Grace Hopper');
    await user.click(button);
    await user.click(within(screen.getByRole('menu')).getByRole('menuitem', { name: 'Switch' }));
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    await waitFor(() => expect(button).toHaveAttribute('aria-busy', 'true'));
    expect(button).toHaveAccessibleName('Switching…');
    expect(clerk.mock.callsOf('setActive').map((c) => c.args)).toEqual([[{ session: 'sess_grace' }]]);
    // Busy: another click opens nothing.
    await user.click(button);
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    open();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Switched to Grace Hopper.'));
  });

  it('should refuse the account items while another account action runs, and run nothing', async () => {
    const { held, open } = gated();
    const { user, clerk } = setup(mergePersona(personas.multiSession, { latency: { setActive: held } }));
    await user.click(await screen.findByRole('button', { name: 'Switch to Grace Hopper' }));
    await user.click(await menuButton('Alan Turing'));
    const items = within(screen.getByRole('menu')).getAllByRole('menuitem');
    for (const item of items) expect(item).toHaveAttribute('aria-disabled', 'true');
    await user.click(items[0]!);
    await user.click(items[1]!);
    expect(clerk.mock.callsOf('setActive')).toHaveLength(1);
    expect(clerk.mock.callsOf('signOut')).toHaveLength(0);
    open();
  });
});

describe('given a device row’s ⋯ menu', () => {
  it('should open the revoke confirmation for that device, and return focus to the ⋯ button when it is cancelled', async () => {
    const { user, clerk } = setup(personas.manyDevices);
    const button = await menuButton('Safari 19, iPhone, Lisbon');
    await user.click(button);
    const item = within(screen.getByRole('menu')).getByRole('menuitem', { name: 'Revoke session' });
    expect(item).toHaveAttribute('aria-haspopup', 'dialog');
    await user.click(item);
    const dialog = screen.getByRole('dialog', { name: 'Revoke this session?' });
    expect(dialog).toHaveTextContent('Safari 19, iPhone, Lisbon');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(button).toHaveFocus());
    expect(clerk.mock.callsOf('revoke')).toHaveLength(0);
  });

  it('should have no ⋯ button on this device’s row', async () => {
    setup(personas.manyDevices);
    const rows = await within(await screen.findByRole('region', { name: 'Your devices' })).findAllByRole('listitem');
    expect(within(rows[0]!).queryByRole('button', { name: /^Actions for/ })).not.toBeInTheDocument();
    expect(within(rows[1]!).getByRole('button', { name: /^Actions for/ })).toBeInTheDocument();
  });
});
