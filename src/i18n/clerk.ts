import type { Localization } from './en';

/**
 * The part of Clerk's own localization that says what a kit string says: what an app gives
 * `<ClerkProvider localization={frFR}>` (Clerk's `LocalizationResource`, from @clerk/localizations
 * or hand-written). The kit only reads it; it never imports @clerk/localizations.
 */
export interface ClerkLocalization {
  badge__thisDevice?: string;
  userButton?: { action__signOut?: string; action__addAccount?: string };
  organizationSwitcher?: {
    personalWorkspace?: string;
    notSelected?: string;
    action__createOrganization?: string;
    action__manageOrganization?: string;
  };
  userProfile?: { start?: { activeDevicesSection?: { title?: string; destructiveAction?: string } } };
  taskChooseOrganization?: { chooseOrganization?: { title?: string } };
  taskResetPassword?: { title?: string };
  taskSetupMfa?: { start?: { title?: string } };
  /**
   * Clerk's names for the default roles. Clerk's UI gives them to the keys older instances have
   * (`admin`, `basic_member`, `guest_member`); the kit to `org:admin` and `org:member` too.
   */
  membershipRole__admin?: string;
  membershipRole__basicMember?: string;
  membershipRole__guestMember?: string;
}

/** A plain, non-empty string; Clerk's templates (`{{identifier}}`) and anything else are left out. */
const plain = (value: unknown) => (typeof value === 'string' && value.trim() && !value.includes('{{') ? value : undefined);

/**
 * The kit strings Clerk's localization has a counterpart for, in Clerk's words: the layer between
 * English and the kit's own `localization`. Where Clerk names a button the kit labels with what it
 * acts on, the label starts with Clerk's name for it, so the accessible name holds the visible one.
 */
export function fromClerkLocalization(clerk: ClerkLocalization | null | undefined): Partial<Localization> {
  const devices = clerk?.userProfile?.start?.activeDevicesSection;
  const org = clerk?.organizationSwitcher;
  const strings: Partial<Localization> = {};
  const found: Partial<Record<keyof Localization, unknown>> = {
    thisDevice: clerk?.badge__thisDevice,
    signOut: clerk?.userButton?.action__signOut,
    addAccount: clerk?.userButton?.action__addAccount,
    devicesTitle: devices?.title,
    revoke: devices?.destructiveAction,
    orgPersonal: org?.personalWorkspace,
    orgNoneSelected: org?.notSelected,
    orgCreate: org?.action__createOrganization,
    orgManage: org?.action__manageOrganization,
    taskChooseOrganization: clerk?.taskChooseOrganization?.chooseOrganization?.title,
    taskResetPassword: clerk?.taskResetPassword?.title,
    taskSetupMfa: clerk?.taskSetupMfa?.start?.title,
    roleAdmin: clerk?.membershipRole__admin,
    roleMember: clerk?.membershipRole__basicMember,
    roleGuest: clerk?.membershipRole__guestMember,
  };
  for (const [key, value] of Object.entries(found)) {
    const text = plain(value);
    if (text) Object.assign(strings, { [key]: text });
  }
  const { signOut, revoke } = strings;
  if (signOut) strings.signOutAccountLabel = ({ name }) => `${signOut} (${name})`;
  if (revoke) strings.revokeLabel = ({ device }) => `${revoke} (${device})`;
  return strings;
}
