/**
 * Authorization requirements for PermissionGate, evaluated with Clerk's own `has()`.
 * Plain TypeScript, no React: the same rules can run on the server against `auth().has`.
 */

/** The subset of Clerk's `has()` signature the rules use. */
export type HasFn = (params: { permission: string } | { role: string } | { feature: string } | { plan: string }) => boolean;

export type OneOrMany = string | readonly string[];

export interface Requirements {
  /** Organization permission(s), e.g. `'org:invoices:read'`. Needs an active organization. */
  permission?: OneOrMany;
  /** Organization role(s), e.g. `'org:admin'` (`'admin'` is the same role). */
  role?: OneOrMany;
  /** Billing feature(s) from the `fea` claim, e.g. `'export'`, `'o:export'`, `'u:export'`. */
  feature?: OneOrMany;
  /** Billing plan(s) from the `pla` claim, e.g. `'pro'`, `'o:pro'`. */
  plan?: OneOrMany;
  /** Any other rule, given Clerk's `has()`. */
  condition?: (has: HasFn) => boolean;
  /**
   * How the listed checks combine. `'all'` (default): every value of every prop must pass.
   * `'any'`: at least one of them must pass.
   */
  match?: 'all' | 'any';
}

type Kind = 'permission' | 'role' | 'feature' | 'plan';
const REQUIREMENT_KINDS: readonly Kind[] = ['permission', 'role', 'feature', 'plan'];

export type Check = { kind: Kind; value: string } | { kind: 'condition'; value: (has: HasFn) => boolean };

/**
 * Flattens requirements into single checks. Throws a TypeError that names the prop for bad
 * input (an empty list, an empty string, a non-string), so a typo never silently grants access.
 * No requirement at all means "signed in".
 */
export function toChecks(requirements: Requirements, owner = 'PermissionGate'): Check[] {
  const checks: Check[] = [];
  for (const kind of REQUIREMENT_KINDS) {
    const raw = requirements[kind];
    if (raw === undefined) continue;
    const values = typeof raw === 'string' ? [raw] : raw;
    if (!Array.isArray(values) || values.length === 0) {
      throw new TypeError(
        `${owner}: \`${kind}\` must be a non-empty string or a non-empty list of strings; got ${JSON.stringify(raw)}. Omit the prop to not require any ${kind}.`,
      );
    }
    for (const value of values) {
      if (typeof value !== 'string' || value.trim() === '') {
        throw new TypeError(`${owner}: every \`${kind}\` must be a non-empty string; got ${JSON.stringify(value)}.`);
      }
      checks.push({ kind, value });
    }
  }
  if (requirements.condition !== undefined) {
    if (typeof requirements.condition !== 'function') {
      throw new TypeError(`${owner}: \`condition\` must be a function \`(has) => boolean\`.`);
    }
    checks.push({ kind: 'condition', value: requirements.condition });
  }
  if (requirements.match !== undefined && requirements.match !== 'all' && requirements.match !== 'any') {
    throw new TypeError(`${owner}: \`match\` must be 'all' or 'any'; got ${JSON.stringify(requirements.match)}.`);
  }
  return checks;
}

/** Runs one check, failing closed: a check that throws (say, a malformed feature scope) denies. */
function passes(check: Check, has: HasFn): boolean {
  try {
    if (check.kind === 'condition') return check.value(has) === true;
    switch (check.kind) {
      case 'permission':
        return has({ permission: check.value }) === true;
      case 'role':
        return has({ role: check.value }) === true;
      case 'feature':
        return has({ feature: check.value }) === true;
      case 'plan':
        return has({ plan: check.value }) === true;
    }
  } catch {
    return false;
  }
}

/** True when a signed-in user's `has()` satisfies the requirements. */
export function isAuthorized(checks: readonly Check[], match: 'all' | 'any', has: HasFn): boolean {
  if (checks.length === 0) return true;
  return match === 'any' ? checks.some((c) => passes(c, has)) : checks.every((c) => passes(c, has));
}

/**
 * The `org:sys_*` permissions among the checks. Clerk never puts system permissions in the session
 * token, so a server-side check of one always fails: the middleware and guards warn about them.
 */
export function systemPermissions(checks: readonly Check[]): string[] {
  return checks.flatMap((c) => (c.kind === 'permission' && c.value.startsWith('org:sys_') ? [c.value] : []));
}
