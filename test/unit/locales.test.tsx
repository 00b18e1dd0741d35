import { frFR, jaJP } from '@clerk/localizations';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { ar } from 'clerk-session-kit/locales/ar';
import { de } from 'clerk-session-kit/locales/de';
import { es } from 'clerk-session-kit/locales/es';
import { fr } from 'clerk-session-kit/locales/fr';
import { ja } from 'clerk-session-kit/locales/ja';
import { en, KitProvider, OrgSwitcher, SessionList, SessionManager, type Localization } from '../../src';
import { ClerkProvider, type BrowserClerk } from '../../src/clerk';
import { resetClerkQueryCache } from '../../src/clerk/query-cache';
import { fromClerkLocalization } from '../../src/i18n/clerk';
import { createMockClerk, devices, MOCK_PUBLISHABLE_KEY, mergePersona, personas, type Persona } from '../../src/testing';
import { ownUser, renderWithMockClerk } from '../support/render';

const NBSP = '\u00a0';

/** Ada signed in here and on `count` other devices. */
function withOtherDevices(count: number): Persona {
  const ada = personas.manyDevices.state?.users?.[0];
  if (!ada) throw new Error('personas.manyDevices has no user');
  const others = Array.from({ length: count }, (_, i) => ({ ...devices[i % devices.length]!, id: `sess_dev_${i}` }));
  return mergePersona(personas.manyDevices, { state: { users: [{ ...ada, devices: others }] } });
}

/** Opens SessionList's "revoke all other devices" confirmation and returns the button and the dialog. */
async function openRevokeAll(localization: Localization, others: number, devicesTitle: string, buttonName: string) {
  const { user } = renderWithMockClerk(withOtherDevices(others), <SessionList localization={localization} />);
  const region = within(screen.getByRole('region', { name: devicesTitle }));
  await user.click(await region.findByRole('button', { name: buttonName }));
  return { region, dialog: screen.getByRole('dialog') };
}

/** Opens SessionManager's "sign out of all devices" confirmation and returns the dialog, once it states the count. */
async function openSignOutEverywhere(localization: Localization, others: number, buttonName: string) {
  const { user } = renderWithMockClerk(withOtherDevices(others), <SessionManager localization={localization} />);
  await user.click(screen.getByRole('button', { name: buttonName }));
  return screen.getByRole('dialog');
}

/**
 * The real ClerkProvider given `localization`, as an app gives it, over a mock that ClerkProvider
 * loads (with its props, as it loads clerk-js): MockClerkProvider takes no `localization`.
 */
function renderUnderClerk(persona: Persona, localization: typeof frFR | undefined, ui: ReactNode) {
  resetClerkQueryCache();
  const clerk = createMockClerk({ ...persona, loaded: false });
  const user = userEvent.setup();
  const view = render(
    <ClerkProvider
      publishableKey={MOCK_PUBLISHABLE_KEY}
      Clerk={clerk as unknown as BrowserClerk}
      experimental={{ runtimeEnvironment: 'headless' }}
      localization={localization}
    >
      <KitProvider now={clerk.mock.now}>{ui}</KitProvider>
    </ClerkProvider>,
  );
  act(() => clerk.mock.finishLoading());
  return { clerk, user, ...view };
}

describe('given the four new dictionaries', () => {
  it.each([
    ['fr', fr],
    ['es', es],
    ['ja', ja],
    ['ar', ar],
  ])('should give %s every key of English, with the same kind of value', (_, dictionary) => {
    expect(Object.keys(dictionary).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof Localization)[]) expect(typeof dictionary[key]).toBe(typeof en[key]);
  });

  it('should not type-check a dictionary that leaves a key out', () => {
    const { signOut: _signOut, ...withoutSignOut } = fr;
    // @ts-expect-error -- `signOut` is missing: a dictionary is a whole Localization
    const broken: Localization = withoutSignOut;
    expect(broken).not.toHaveProperty('signOut');
  });
});

describe('given SessionList in French', () => {
  it('should speak French with French dates, and count "2 autres appareils" in the plural', async () => {
    const { region, dialog } = await openRevokeAll(fr, 2, 'Vos appareils', 'Révoquer les 2 autres appareils');
    const rows = region.getAllByRole('listitem');
    expect(rows[0]).toHaveTextContent('Cet appareil');
    expect(rows[1]).toHaveTextContent('Dernière activité : il y a 12 minutes');
    expect(region.getByRole('button', { name: 'Révoquer la session sur Safari 19, iPhone, Lisbon' })).toBeInTheDocument();
    expect(dialog).toHaveAccessibleName(`Révoquer 2 autres appareils${NBSP}?`);
    expect(dialog).toHaveTextContent('2 autres appareils seront déconnectés. Cet appareil reste connecté.');
    expect(within(dialog).getByRole('button', { name: 'Révoquer 2 appareils' })).toBeInTheDocument();
  });

  it('should count "1 autre appareil" in the singular when signing out everywhere', async () => {
    const dialog = await openSignOutEverywhere(fr, 1, 'Se déconnecter de tous les appareils');
    expect(dialog).toHaveAccessibleName(`Se déconnecter de tous les appareils${NBSP}?`);
    await waitFor(() => expect(dialog).toHaveTextContent('1 autre appareil sera déconnecté d’abord, puis celui-ci.'));
  });
});

describe('given SessionList in Spanish', () => {
  it('should speak Spanish with Spanish dates and plurals', async () => {
    const { region, dialog } = await openRevokeAll(es, 7, 'Tus dispositivos', 'Revocar los otros 7 dispositivos');
    expect(region.getAllByRole('listitem')[1]).toHaveTextContent('Última actividad: hace 12 minutos');
    expect(dialog).toHaveAccessibleName('¿Revocar los otros 7 dispositivos?');
    expect(within(dialog).getByRole('button', { name: 'Revocar 7 dispositivos' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Cancelar' })).toBeInTheDocument();
  });

  it('should say "el otro dispositivo" for one other device', async () => {
    const dialog = await openSignOutEverywhere(es, 1, 'Cerrar sesión en todos los dispositivos');
    await waitFor(() => expect(dialog).toHaveTextContent('Primero se cerrará la sesión en el otro dispositivo y, después, en este.'));
  });
});

describe('given SessionList in Japanese', () => {
  it('should speak Japanese, with counters and no spaces between words', async () => {
    const { region, dialog } = await openRevokeAll(ja, 7, 'お使いのデバイス', '他の7台のデバイスをすべて取り消し');
    expect(region.getAllByRole('listitem')[0]).toHaveTextContent('このデバイス');
    expect(region.getAllByRole('listitem')[1]).toHaveTextContent('最終アクティビティ：12 分前');
    expect(dialog).toHaveAccessibleName('他の7台のデバイスを取り消しますか？');
    expect(within(dialog).getByRole('button', { name: '7台のデバイスを取り消し' })).toBeInTheDocument();
  });
});

describe('given SessionList in Arabic', () => {
  it.each([
    [2, 'two', 'إبطال الجهازين الآخرين', 'إبطال جهازين آخرين؟', 'إبطال جهازين'],
    [7, 'few', 'إبطال الأجهزة الـ7 الأخرى', 'إبطال 7 أجهزة أخرى؟', 'إبطال 7 أجهزة'],
    [11, 'many', 'إبطال الأجهزة الـ11 الأخرى', 'إبطال 11 جهازًا آخر؟', 'إبطال 11 جهازًا'],
  ])('should count %i other devices in the "%s" form', async (others, _category, button, title, confirm) => {
    const { dialog } = await openRevokeAll(ar, others, 'أجهزتك', button);
    expect(dialog).toHaveAccessibleName(title);
    expect(within(dialog).getByRole('button', { name: confirm })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'إلغاء' })).toBeInTheDocument();
  });

  it('should have a form for each of the six plural categories', () => {
    expect([0, 1, 2, 3, 11, 100].map((count) => ar.revokedAll({ count }))).toEqual([
      'تم إبطال أي جلسة.',
      'تم إبطال جلسة واحدة.',
      'تم إبطال جلستين.',
      'تم إبطال 3 جلسات.',
      'تم إبطال 11 جلسةً.',
      'تم إبطال 100 جلسة.',
    ]);
  });
});

describe('given the localization an app gave Clerk', () => {
  it('should read only the strings Clerk has a counterpart for, in Clerk’s words', () => {
    expect(fromClerkLocalization(frFR)).toMatchObject({
      thisDevice: 'Cet appareil',
      signOut: 'Déconnexion',
      addAccount: 'Ajouter un compte',
      devicesTitle: 'Appareils actifs',
      revoke: "Se déconnecter de l'appareil",
      orgPersonal: 'Espace de travail personnel',
      orgNoneSelected: 'Aucune organisation sélectionnée',
      orgCreate: 'Créer une organisation',
      orgManage: "Gérer l'organisation",
      taskChooseOrganization: 'Choisir une organisation',
      roleAdmin: 'Administrateur',
      roleMember: 'Membre',
      roleGuest: 'Invité',
    });
    expect(fromClerkLocalization(jaJP)).toMatchObject({
      taskChooseOrganization: '組織を選択',
      taskResetPassword: 'パスワードをリセット',
      taskSetupMfa: '二段階認証を設定',
    });
    expect(fromClerkLocalization(frFR).revokeLabel?.({ device: 'Safari 19, iPhone' })).toBe(
      "Se déconnecter de l'appareil (Safari 19, iPhone)",
    );
    expect(fromClerkLocalization(undefined)).toEqual({});
  });

  it('should leave out what is not a plain string: templates, blanks, other values', () => {
    const strings = fromClerkLocalization({
      badge__thisDevice: '  ',
      userButton: { action__signOut: 'Sign out {{identifier}}', action__addAccount: 42 as unknown as string },
      organizationSwitcher: null as unknown as undefined,
      userProfile: { start: { activeDevicesSection: { title: 'Devices' } } },
    });
    expect(strings).toEqual({ devicesTitle: 'Devices' });
    expect(fromClerkLocalization({ membershipRole__admin: '{{role}}', membershipRole__basicMember: 'Mitglied' })).toEqual({
      roleMember: 'Mitglied',
    });
  });
});

describe('given ClerkProvider with Clerk’s French (frFR) and no kit localization', () => {
  it('should show the strings Clerk shares with the kit in French, the rest in English', async () => {
    renderUnderClerk(
      personas.manyDevices,
      frFR,
      <>
        <SessionManager />
        <SessionList addAccount={{ href: '/sign-in' }} />
      </>,
    );
    const region = within(await screen.findByRole('region', { name: 'Appareils actifs' }));
    expect(await region.findByText('Cet appareil')).toBeInTheDocument();
    expect(await region.findByRole('button', { name: "Se déconnecter de l'appareil (Safari 19, iPhone, Lisbon)" })).toHaveTextContent(
      "Se déconnecter de l'appareil",
    );
    expect(screen.getAllByRole('button', { name: 'Déconnexion' }).length).toBeGreaterThan(0);
    expect(screen.getByRole('link', { name: 'Ajouter un compte' })).toBeInTheDocument();
    // No Clerk counterpart: the kit's English.
    expect(screen.getByRole('button', { name: 'Sign out of all devices' })).toBeInTheDocument();
  });

  it('should name the personal account and the organization actions as Clerk does', async () => {
    const { user } = renderUnderClerk(
      ownUser(personas.orgMember),
      frFR,
      <OrgSwitcher manageOrganization="/org" createOrganization="/orgs/new" />,
    );
    await user.click(await screen.findByRole('button', { name: /Acme Inc/ }));
    expect(await screen.findByRole('option', { name: /Espace de travail personnel/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: "Gérer l'organisation" })).toHaveAttribute('href', '/org');
    expect(screen.getByRole('link', { name: 'Créer une organisation' })).toHaveAttribute('href', '/orgs/new');
    // No Clerk counterpart: the kit's English.
    expect(screen.getByRole('combobox', { name: 'Search organizations' })).toBeInTheDocument();
  });

  it('should name the default roles as Clerk’s localization names them', async () => {
    const { user } = renderUnderClerk(ownUser(personas.orgAdmin), frFR, <OrgSwitcher />);
    expect(await screen.findByRole('button', { name: /Acme Inc/ })).toHaveTextContent('Administrateur');
    await user.click(screen.getByRole('button', { name: /Acme Inc/ }));
    expect(await screen.findByRole('option', { name: /Globex/ })).toHaveTextContent('Membre');
  });

  it('should let the kit’s own localization win, on KitProvider and on a component', async () => {
    renderUnderClerk(
      personas.manyDevices,
      frFR,
      <KitProvider localization={fr}>
        <SessionList />
        <SessionManager localization={{ signOut: 'Quitter' }} />
      </KitProvider>,
    );
    expect(await screen.findByRole('region', { name: 'Vos appareils' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Révoquer la session sur Safari 19, iPhone, Lisbon' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Quitter' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Déconnexion' })).not.toBeInTheDocument();
  });

  it('should name the roles in the kit’s German over Clerk’s French', async () => {
    renderUnderClerk(ownUser(personas.orgAdmin), frFR, <OrgSwitcher localization={de} />);
    expect(await screen.findByRole('button', { name: /Acme Inc/ })).toHaveTextContent('Administrator');
  });

  it('should stay English for an instance loaded before ClerkProvider, as clerk-js keeps only its own load() options', async () => {
    resetClerkQueryCache();
    const clerk = createMockClerk(personas.manyDevices);
    render(
      <ClerkProvider
        publishableKey={MOCK_PUBLISHABLE_KEY}
        Clerk={clerk as unknown as BrowserClerk}
        experimental={{ runtimeEnvironment: 'headless' }}
        localization={frFR}
      >
        <SessionList />
      </ClerkProvider>,
    );
    expect(await screen.findByRole('region', { name: 'Your devices' })).toBeInTheDocument();
    expect((clerk as unknown as BrowserClerk).__internal_getOption('localization')).toBeUndefined();
  });
});
