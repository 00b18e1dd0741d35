export { en, type Localization } from './en';
export { de } from './de';
export { KitProvider, useLocalization, useNow } from './context';
export { describeError } from './errors';
