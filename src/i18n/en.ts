/** English, the default localization: every string and date format of the kit, one dictionary per component family so that a component carries only its own strings. */
const plural = (n: number, one: string, other: string) => `${n} ${n === 1 ? one : other}`;

/** What every component says: loading, retry, errors for people. */
export const enCommon = {
  loading: 'Loading…',
  loadingSlow: 'Taking longer than usual…',
  retry: 'Try again',
  errorUnknown: 'Something went wrong. Please try again.',
  errorNetwork: 'Could not reach the server. Check your connection and try again.',
  errorRateLimited: 'Too many attempts. Wait a moment and try again.',
  errorUnauthenticated: 'Your session has ended. Sign in again to continue.',
  errorForbidden: 'You do not have permission to do this.',
  errorReverification: 'Verify it’s you to do this. Nothing was changed.',
  errorNotFound: 'This no longer exists. It may have been removed already.',
  current: 'Current',
  /** The `choose-organization` task of a pending session (Clerk's words for it). */
  taskChooseOrganization: 'Choose an organization',
  details: 'Details',
};

/** How absolute dates read by default: medium date, short time. */
const dateTimeFormat: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** SessionManager and SessionList (they share device names, dates and most verbs). */
export const enSessions = {
  /** BCP 47 locale for Intl: dates, relative times, country names. */
  locale: 'en-US',
  /** How absolute dates read (Intl.DateTimeFormat options), in `locale`. */
  dateTimeFormat,
  cancel: 'Cancel',
  clerkFailed: 'Sign-in could not load. Check your connection or content blocker, then try again.',
  thisDevice: 'This device',
  unknownBrowser: 'Unknown browser',
  unknownDevice: 'Unknown device',
  mobile: 'Phone',
  desktop: 'Desktop',
  lastActive: ({ relative }: { relative: string }) => `Last active ${relative}`,
  sessionManagerTitle: 'This session',
  signedOutMessage: 'You are signed out.',
  sessionId: 'Session ID',
  copySessionId: 'Copy session ID',
  copiedSessionId: 'Session ID copied.',
  copyFailed: 'Could not copy the session ID.',
  createdAt: 'Signed in',
  lastActiveAt: 'Last active',
  expireAt: 'Expires',
  signOut: 'Sign out',
  signingOut: 'Signing out…',
  signOutFailed: ({ message }: { message: string }) => `Could not sign out: ${message}`,
  signedOut: 'You have been signed out.',
  signOutEverywhere: 'Sign out of all devices',
  signOutEverywhereTitle: 'Sign out of all devices?',
  signOutEverywhereDescription: ({ count }: { count: number | null }) =>
    count === null
      ? 'Every other device signed in to your account is signed out first, then this one.'
      : count === 0
        ? 'No other device is signed in: this one is signed out.'
        : `${plural(count, 'other device is', 'other devices are')} signed out first, then this one.`,
  signOutEverywhereConfirm: 'Sign out everywhere',
  signOutEverywhereFailed: ({ message }: { message: string }) => `Could not sign out of all devices: ${message}`,
  sessionListTitle: 'Sessions',
  accountsTitle: 'Accounts on this browser',
  devicesTitle: 'Your devices',
  switchAccount: 'Switch',
  switchAccountLabel: ({ name }: { name: string }) => `Switch to ${name}`,
  switchedAccount: ({ name }: { name: string }) => `Switched to ${name}.`,
  switchFailed: ({ name, message }: { name: string; message: string }) => `Could not switch to ${name}: ${message}`,
  signOutAccountLabel: ({ name }: { name: string }) => `Sign out ${name}`,
  signedOutAccount: ({ name }: { name: string }) => `${name} was signed out.`,
  revoke: 'Revoke',
  rowMenuLabel: ({ name }: { name: string }) => `Actions for ${name}`,
  revokeLabel: ({ device }: { device: string }) => `Revoke session on ${device}`,
  revokeTitle: 'Revoke this session?',
  revokeDescription: ({ device }: { device: string }) => `The session on ${device} will be signed out.`,
  revokeConfirm: 'Revoke session',
  revoking: 'Revoking…',
  revoked: ({ device }: { device: string }) => `Session on ${device} revoked.`,
  revokeFailed: ({ device, message }: { device: string; message: string }) => `Could not revoke the session on ${device}: ${message}`,
  revokeAllOthers: ({ count }: { count: number }) => `Revoke all ${count} other devices`,
  revokeAllTitle: ({ count }: { count: number }) => `Revoke ${plural(count, 'other device', 'other devices')}?`,
  revokeAllDescription: ({ count }: { count: number }) =>
    `${plural(count, 'other device', 'other devices')} will be signed out. This device stays signed in.`,
  revokeAllConfirm: ({ count }: { count: number }) => `Revoke ${plural(count, 'device', 'devices')}`,
  revokedAll: ({ count }: { count: number }) => `${plural(count, 'session', 'sessions')} revoked.`,
  noOtherDevices: 'No other devices are signed in to your account.',
  devicesFailed: 'Could not load your devices.',
  devicesLoading: 'Loading your devices…',
  tablet: 'Tablet',
  addAccount: 'Add account',
  switching: 'Switching…',
  impersonated: 'Impersonated session',
  impersonator: 'Impersonator',
  unknownUser: 'Unknown user',
  sessionDetails: 'Session details',
  copied: 'Copied',
  /** A pending session's badge, with its current task's name when Clerk gives one. */
  pendingTask: ({ task }: { task: string | null }) => (task ? `Pending: ${task}` : 'Pending'),
  taskResetPassword: 'Reset your password',
  taskSetupMfa: 'Set up two-step verification',
};

/** OrgSwitcher. */
export const enOrg = {
  orgSwitcherLabel: 'Switch organization',
  orgPersonal: 'Personal account',
  orgNoneSelected: 'No organization selected',
  orgNoneActive: 'No organization is active. Choose one below.',
  orgSearchLabel: 'Search organizations',
  orgSearchPlaceholder: 'Search organizations',
  orgListLabel: 'Organizations',
  orgResults: ({ count }: { count: number }) => (count === 0 ? 'No organizations found' : plural(count, 'organization', 'organizations')),
  orgNoMemberships: 'You are not a member of any organization yet.',
  orgNoMatches: ({ query }: { query: string }) => `No organization matches “${query}”.`,
  orgLoadingMore: 'Loading more organizations…',
  orgSearchingAll: ({ loaded, total }: { loaded: number; total: number }) => `Searching all ${total} organizations (${loaded} loaded)…`,
  orgPageFailed: 'Some organizations could not be loaded.',
  orgSwitching: ({ name }: { name: string }) => `Switching to ${name}…`,
  orgSwitched: ({ name }: { name: string }) => `Switched to ${name}.`,
  orgSwitchFailed: ({ name }: { name: string }) => `Could not switch to ${name}.`,
  orgCreate: 'Create organization',
  orgManage: 'Manage organization',
  orgUnavailable: 'Organizations unavailable',
  orgUnavailableHint: 'Clerk could not load. Reload the page to try again.',
  orgSignedOut: 'Not signed in',
  /**
   * Clerk's default roles (`org:admin`, `org:member`; `guest_member` on older instances), named as
   * Clerk's `membershipRole__*` strings name them. English is also the name an instance gives them
   * until it renames them: a renamed role, or any other, keeps the instance's name.
   */
  roleAdmin: 'Admin',
  roleMember: 'Member',
  roleGuest: 'Guest',
};

/** All of English: the shape every localization (`de`, yours) has. */
export const en = /* @__PURE__ */ Object.assign({}, enCommon, enSessions, enOrg);

export type Localization = typeof en;
/** What SessionManager and SessionList read. */
export type SessionStrings = typeof enCommon & typeof enSessions;
/** What OrgSwitcher reads. */
export type OrgStrings = typeof enCommon & typeof enOrg;
