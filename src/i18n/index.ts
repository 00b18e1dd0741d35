export { en, enCommon, enOrg, enSessions, type Localization, type OrgStrings, type SessionStrings } from './en';
export { de } from './de'; // for the kit's own tests and stories; users import clerk-session-kit/locales/de
export { fromClerkLocalization, type ClerkLocalization } from './clerk';
export { KitProvider, useLocalization, useNow, useStrings } from './context';
export { describeError } from './errors';
