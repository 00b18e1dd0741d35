import { systemPermissions, type Check } from '../core/requirements';

// Development-only code is written as `process.env.NODE_ENV !== 'production'` checks, which Next
// inlines on both runtimes, so production bundles drop it (and its strings) entirely.

const warned = new Set<string>();

/** Warns once per permission: Clerk never puts `org:sys_*` in the session token, so the check always fails. */
export function warnSystemPermissions(checks: readonly Check[], where: string): void {
  if (process.env.NODE_ENV !== 'production') {
    for (const permission of systemPermissions(checks)) {
      if (warned.has(`${where}|${permission}`)) continue;
      warned.add(`${where}|${permission}`);
      console.warn(
        `clerk-session-kit: ${where} checks the system permission "${permission}", which is never in the session token: this check always fails.`,
      );
    }
  }
}
