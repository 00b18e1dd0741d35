import { act, render, renderHook, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { KitProvider, SessionList, SessionManager, useSessionList, useSessionManager } from '../../src';
import { de } from '../../src/i18n/de';
import { createMockClerk, devices, mergePersona, MockClerkProvider, personas, type Persona } from '../../src/testing';
import { SLOW_AFTER_MS } from '../../src/components/shared/parts';
import { expectNoAxeViolations } from '../support/axe';
import { renderWithMockClerk } from '../support/render';

const hook = <T,>(persona: Persona, use: () => T) => {
  const clerk = createMockClerk(persona);
  const wrapper = ({ children }: { children?: ReactNode }) => <MockClerkProvider clerk={clerk}>{children}</MockClerkProvider>;
  return { clerk, ...renderHook(use, { wrapper }) };
};

describe('given an action started twice before the first one settles', () => {
  it('should revoke a device once (the in-flight guard is keyed by id)', async () => {
    const { clerk, result } = hook(mergePersona(personas.manyDevices, { latency: { revoke: 30 } }), () => useSessionList());
    await waitFor(() => expect(result.current.devices).toHaveLength(8));
    const iphone = result.current.devices.find((d) => d.id === 'sess_dev_iphone')!;
    await act(async () => {
      const first = result.current.revoke(iphone);
      await Promise.all([first, result.current.revoke(iphone), result.current.revokeAllOthers()]);
    });
    expect(
      clerk.mock
        .callsOf('revoke')
        .map((c) => c.args[0])
        .filter((id) => id === 'sess_dev_iphone'),
    ).toHaveLength(1);
    expect(clerk.mock.callsOf('revoke')).toHaveLength(7);
  });

  it('should switch accounts once (one account action at a time)', async () => {
    const { clerk, result } = hook(mergePersona(personas.multiSession, { latency: { setActive: 30 } }), () => useSessionList());
    const [, grace, alan] = result.current.accounts;
    await act(async () => {
      await Promise.all([result.current.switchAccount(grace!), result.current.switchAccount(alan!), result.current.signOutAccount(alan!)]);
    });
    expect(clerk.mock.callsOf('setActive').map((c) => c.args)).toEqual([[{ session: 'sess_grace' }]]);
    expect(clerk.mock.callsOf('signOut')).toHaveLength(0);
  });

  it('should sign out once, and sign out everywhere once', async () => {
    const { clerk, result } = hook(mergePersona(personas.manyDevices, { latency: { signOut: 30, revoke: 10 } }), () => useSessionManager());
    await act(async () => {
      await Promise.all([result.current.signOutEverywhere(), result.current.signOutEverywhere(), result.current.signOut()]);
    });
    expect(clerk.mock.callsOf('signOut')).toHaveLength(1);
    expect(clerk.mock.callsOf('revoke')).toHaveLength(7);
  });

  it('should not announce success or fire "switched" after a failed switch', async () => {
    const events: string[] = [];
    const { result } = hook(mergePersona(personas.multiSession, { failures: { setActive: 'always' } }), () =>
      useSessionList({ onEvent: (e) => events.push(e.type) }),
    );
    await act(async () => {
      await result.current.switchAccount(result.current.accounts[1]!);
    });
    expect(events).toEqual(['switch-failed']);
    expect(result.current.announcement).toMatch(/^Could not switch to Grace Hopper/);
    expect(result.current.failures.get('sess_grace')?.action).toBe('switch');
  });
});

describe('given a controlled confirmation', () => {
  it('should open and close only through the caller', async () => {
    const seen: unknown[] = [];
    const { result } = hook(personas.manyDevices, () => useSessionList({ confirm: null, onConfirmChange: (c) => seen.push(c) }));
    act(() => result.current.openConfirm({ kind: 'all' }));
    expect(seen).toEqual([{ kind: 'all' }]);
    expect(result.current.confirm).toBeNull();
  });
});

const fullPersona = mergePersona(personas.multiSession, {
  state: { users: [{ id: 'user_ada', devices: devices.slice(0, 3) }] },
  failures: { setActive: 'always' },
});

describe('given unstyled', () => {
  it('should render no kit class on any part of SessionList, with a data-slot on every element that had one', async () => {
    const { container, user } = renderWithMockClerk(
      fullPersona,
      <SessionList unstyled addAccount={{ href: '/sign-in' }} classNames={{ button: 'my-button', dialog: 'my-dialog', name: 'my-name' }} />,
    );
    await waitFor(() => expect(container.querySelectorAll('[data-slot="device"]')).toHaveLength(4));
    await user.click(screen.getByRole('button', { name: 'Switch to Grace Hopper' })); // a row error, with its retry and details
    await screen.findByRole('alert');
    await user.click(screen.getByRole('button', { name: 'Revoke all 3 other devices' })); // the dialog and its parts
    const kit = [...document.body.querySelectorAll('[class]')].filter((el) =>
      /(^|\s)csk(-|:(?!sr-only(\s|$)))/.test(el.getAttribute('class')!),
    );
    expect(kit.map((el) => `${el.tagName.toLowerCase()}[data-slot=${el.getAttribute('data-slot')}] ${el.getAttribute('class')}`)).toEqual(
      [],
    );
    expect(container.querySelectorAll('button:not(.my-button)')).toHaveLength(0);
    expect(screen.getByRole('dialog')).toHaveClass('my-dialog');
    expect(container.querySelector('[style]')).toBeNull();
  });

  it('should render no kit class on any part of SessionManager', async () => {
    const { container, user } = renderWithMockClerk(
      mergePersona(personas.impersonated, { failures: { signOut: 'always' } }),
      <SessionManager unstyled classNames={{ button: 'my-button' }} />,
    );
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByRole('alert');
    await user.click(screen.getByRole('button', { name: 'Sign out of all devices' }));
    const kit = [...document.body.querySelectorAll('[class]')].filter((el) =>
      /(^|\s)csk(-|:(?!sr-only(\s|$)))/.test(el.getAttribute('class')!),
    );
    expect(kit.map((el) => `${el.tagName.toLowerCase()}[data-slot=${el.getAttribute('data-slot')}] ${el.getAttribute('class')}`)).toEqual(
      [],
    );
    expect(container.querySelectorAll('button:not(.my-button)')).toHaveLength(0);
  });
});

describe('given a KitProvider with German', () => {
  it('should localize SessionList and SessionManager below it, and let a prop override a key', async () => {
    render(
      <MockClerkProvider options={mergePersona(personas.manyDevices, { failures: { revoke: { mode: 'once', status: 429 } } })}>
        <KitProvider localization={de}>
          <SessionList />
          <SessionManager localization={{ signOut: 'Tschüss' }} />
        </KitProvider>
      </MockClerkProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Sitzungen' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Tschüss' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Auf allen Geräten abmelden' })).toBeInTheDocument();
    const devicesRegion = within(screen.getByRole('region', { name: 'Ihre Geräte' }));
    expect(await devicesRegion.findByRole('button', { name: 'Sitzung auf Safari 19, iPhone, Lisbon widerrufen' })).toBeInTheDocument();
  });
});

describe('given SessionList in German', () => {
  it('should speak German in rows, dialogs, errors and announcements, and pass axe', async () => {
    const { container, user } = renderWithMockClerk(
      mergePersona(personas.manyDevices, {
        failures: { revoke: { mode: 'once', status: 429, message: 'Too many requests' } },
      }),
      <SessionList localization={de} />,
    );
    const devicesRegion = within(screen.getByRole('region', { name: 'Ihre Geräte' }));
    const rows = await devicesRegion.findAllByRole('listitem');
    expect(rows[0]).toHaveTextContent(/Desktop: Chrome 142 · Macintosh\s*Dieses Gerät/);
    expect(rows[0]).toHaveTextContent('Berlin, Deutschland');
    expect(rows[1]).toHaveTextContent('Smartphone: Safari 19 · iPhone');
    expect(rows[1]).toHaveTextContent('Zuletzt aktiv vor 12 Minuten');
    expect(screen.getByRole('heading', { name: 'Konten in diesem Browser' })).toBeInTheDocument();
    await user.click(devicesRegion.getByRole('button', { name: 'Alle 7 anderen Geräte widerrufen' }));
    expect(screen.getByRole('dialog', { name: '7 andere Geräte widerrufen?' })).toHaveTextContent(
      '7 andere Geräte werden abgemeldet. Dieses Gerät bleibt angemeldet.',
    );
    await user.click(screen.getByRole('button', { name: 'Abbrechen' }));
    await user.click(devicesRegion.getByRole('button', { name: 'Sitzung auf Safari 19, iPhone, Lisbon widerrufen' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Diese Sitzung widerrufen?' })).getByRole('button', {
        name: 'Sitzung widerrufen',
      }),
    );
    const alert = await within(devicesRegion.getAllByRole('listitem')[1]!).findByRole('alert');
    expect(alert).toHaveTextContent('Sitzung auf Safari 19, iPhone, Lisbon konnte nicht widerrufen werden: Zu viele Versuche.');
    expect(within(alert).getByRole('button', { name: 'Erneut versuchen' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('konnte nicht widerrufen werden');
    await expectNoAxeViolations(container);
  });
});

describe('given Clerk that never loads', () => {
  it('should show a localized error with a retry instead of skeletons for ever, in both components', async () => {
    let retried = 0;
    render(
      <MockClerkProvider options={personas.loadFailed}>
        <SessionList onRetryLoad={() => retried++} />
        <SessionManager localization={de} onRetryLoad={() => retried++} />
      </MockClerkProvider>,
    );
    const alerts = await screen.findAllByRole('alert');
    expect(alerts[0]).toHaveTextContent('Sign-in could not load.');
    expect(alerts[1]).toHaveTextContent('Die Anmeldung konnte nicht geladen werden.');
    await (
      await import('@testing-library/user-event')
    ).default
      .setup()
      .click(within(alerts[0]!).getByRole('button', { name: 'Try again' }));
    expect(retried).toBe(1);
    expect(document.querySelector('[aria-busy]')).toBeNull();
  });
});

describe('given Clerk still loading after 8 seconds', () => {
  it('should say, in both components and their live regions, that loading takes longer than usual, and no sooner', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      render(
        <MockClerkProvider options={personas.loading}>
          <SessionList />
          <SessionManager localization={de} />
        </MockClerkProvider>,
      );
      act(() => vi.advanceTimersByTime(SLOW_AFTER_MS - 1));
      expect(screen.queryByText('Taking longer than usual…')).toBeNull();
      act(() => vi.advanceTimersByTime(1));
      const shown = [...document.querySelectorAll('[data-slot="skeletonSlow"]')].map((p) => p.textContent);
      expect(shown).toEqual(['Taking longer than usual…', 'Dauert länger als üblich…']);
      expect(screen.getAllByRole('status').map((s) => s.textContent)).toEqual(['Taking longer than usual…', 'Dauert länger als üblich…']);
    } finally {
      vi.useRealTimers();
    }
  });
});
