import { systemPermissions, type Check } from '../core/requirements';

/** True outside production builds (Next inlines NODE_ENV on both runtimes). */
export const isDev = (): boolean => typeof process !== 'undefined' && process.env?.NODE_ENV !== 'production';

const warned = new Set<string>();

/** Warns once per permission: Clerk never puts `org:sys_*` in the session token, so the check always fails. */
export function warnSystemPermissions(checks: readonly Check[], where: string): void {
  if (!isDev()) return;
  for (const permission of systemPermissions(checks)) {
    if (warned.has(`${where}|${permission}`)) continue;
    warned.add(`${where}|${permission}`);
    console.warn(
      `clerk-session-kit: ${where} checks the system permission "${permission}". System permissions are never in the session token, so this server-side check always fails. Check a custom permission or a role instead.`,
    );
  }
}
