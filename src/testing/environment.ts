import type { MockCore } from './core';
import type { MockEnvironment } from './mock-clerk-types';

/**
 * The part of clerk-js's environment (`EnvironmentResource`, set by `load()`) that Clerk's hooks and
 * the kit read: personal accounts on or off (Clerk's switcher and the kit's read
 * `organizationSettings.forceOrganizationSelection`), and billing off (Clerk's billing hooks read
 * it; the mock has no billing). Like clerk-js's, undefined until loaded.
 */
export function environmentOf(core: MockCore): () => MockEnvironment | undefined {
  const environment: MockEnvironment = {
    organizationSettings: { enabled: true, forceOrganizationSelection: core.forceOrganizationSelection },
    commerceSettings: { billing: { user: { enabled: false }, organization: { enabled: false } } },
  };
  return () => (core.loaded ? environment : undefined);
}
