export { en, enCommon, enOrg, enSessions, type Localization, type OrgStrings, type SessionStrings } from './en';
export { de } from './de';
export { KitProvider, useLocalization, useNow, useStrings } from './context';
export { describeError } from './errors';
