/**
 * `setActive`, `signOut` and navigation, in the order clerk-js 6.40 runs them: with a redirect
 * or `navigate`, Clerk first emits "no session" (undefined), then navigates, then emits the new
 * session. Unknown session ids sign this tab out and unknown slugs mean the personal account,
 * as in clerk-js; neither throws.
 */
import type { OrganizationResource, SessionResource, SignedInSessionResource } from '../clerk';
import { isSignedInStatus } from '../core/clerk-rules';
import { notFound, userOf, type MockCore, type MockResources } from './core';
import type { NSession, NState, NUser } from './state';

export interface SetActiveArgs {
  session?: string | SessionResource | null;
  /** An organization id (`org_…`), slug or resource; null is the personal account. */
  organization?: string | OrganizationResource | null;
  navigate?: (args: { session: SignedInSessionResource; decorateUrl: (url: string) => string }) => unknown;
  redirectUrl?: string;
}

export interface SignOutOptions {
  sessionId?: string;
  redirectUrl?: string;
}

export type SignOutCallback = () => unknown;

const base = () => (typeof window === 'undefined' ? 'http://localhost/' : window.location.href);

/**
 * clerk-js `navigate(to)`: same-origin with a `routerPush` → `await routerPush(path)`; anything
 * else is a full page load. The mock records every navigation in `clerk.mock.navigations` and
 * never leaves the page itself (a story or test would unload): pass `routerPush` to see them.
 */
export async function navigate(core: MockCore, to: string) {
  if (!to) return;
  const url = new URL(to, base());
  core.navigations.push(url.href);
  const here = new URL(base());
  if (url.origin === here.origin && core.router.routerPush) {
    await core.router.routerPush(`${url.pathname}${url.search}${url.hash}`, { windowNavigate: () => {} });
  }
}

/** The "between sessions" snapshot clerk-js emits before it navigates. */
const undecided = (core: MockCore): MockResources => ({
  ...core.build(),
  session: undefined,
  user: undefined,
  organization: undefined,
});

/**
 * The session after clerk-js's touch (`POST …/touch` with `active_organization_id`): an
 * organization resolves a `choose-organization` task, and a session with no task left is active.
 */
function touched(s: NSession, now: number, orgId: string | null): NSession {
  const tasks = orgId === null ? s.tasks : s.tasks.filter((task) => task.key !== 'choose-organization');
  const status = s.status === 'pending' && tasks.length === 0 ? 'active' : s.status;
  return { ...s, lastActiveAt: now, activeOrganizationId: orgId, tasks, status };
}

/** The user's device entry of this browser's session follows its status. */
const syncDevice = (u: NUser, s: NSession): NUser =>
  u.devices.some((d) => d.id === s.id && d.status !== s.status)
    ? { ...u, devices: u.devices.map((d) => (d.id === s.id ? { ...d, status: s.status } : d)) }
    : u;

export function createSetActive(core: MockCore) {
  return (params: SetActiveArgs = {}) =>
    core.controls.run('setActive', [params], async () => {
      if (!core.loaded) throw new Error('setActive is being called before the client is loaded. Wait for init.');
      const { organization, redirectUrl, navigate: onNavigate } = params;
      const current = core.state.activeSessionId;
      if (params.session === undefined && current === null) {
        throw new Error('setActive should either be called with a session param or there should be already an active session.');
      }
      const wanted =
        params.session === undefined
          ? current
          : typeof params.session === 'string' || params.session === null
            ? params.session
            : params.session.id;
      // clerk-js looks the id up among the client's signed-in sessions: anything else is null = signed out.
      const target = core.state.sessions.find((s) => s.id === wanted && isSignedInStatus(s.status)) ?? null;
      let next: NState = { ...core.state, activeSessionId: target?.id ?? null };
      if (target) {
        let orgId = target.activeOrganizationId;
        if (organization !== undefined) {
          const user = userOf(core, target);
          const key = typeof organization === 'string' ? organization : organization?.id;
          if (typeof key === 'string' && key.startsWith('org_')) {
            // clerk-js sets the id unchecked; the Frontend API refuses an organization the user is not in.
            if (!user.memberships.some((m) => m.organization.id === key)) throw notFound('organization membership for', key);
            orgId = key;
          } else {
            // A slug: an unknown one is the personal account (clerk-js finds no membership → null),
            // which clerk-js refuses without a word when personal accounts are off.
            orgId = user.memberships.find((m) => m.organization.slug === key)?.organization.id ?? null;
            if (orgId === null && core.forceOrganizationSelection) return;
          }
        }
        const now = core.controls.now();
        const updated = touched(target, now, orgId);
        next = {
          ...next,
          users: next.users.map((u) => syncDevice(u, updated)),
          sessions: next.sessions.map((s) => (s.id === target.id ? updated : s)),
        };
      }
      if (target) {
        // clerk-js touches the target session and fetches a token first: the client update
        // emits once more with the tab's current session before the switch.
        core.state = { ...next, activeSessionId: current };
        core.emit();
      }
      core.state = next;
      const after = core.build();
      if (redirectUrl || onNavigate) {
        // clerk-js reads the touched session: one whose task the touch resolved is active by now.
        if (after.session?.status !== 'pending') core.emit(undecided(core));
        if (onNavigate && after.session) {
          await onNavigate({ session: after.session, decorateUrl: (url) => url });
        } else if (redirectUrl) {
          await navigate(core, redirectUrl);
        }
      }
      core.emit(after);
    });
}

export function createSignOut(core: MockCore) {
  return (first?: SignOutCallback | SignOutOptions, second?: SignOutOptions) => {
    const opts: SignOutOptions = (first && typeof first === 'object' ? first : second) ?? {};
    const callback = typeof first === 'function' ? first : undefined;
    return core.controls.run('signOut', [opts], async () => {
      if (core.state.sessions.length === 0) return;
      const redirectUrl = opts.redirectUrl || core.router.afterSignOutUrl || '/';
      const signedIn = core.state.sessions.filter((s) => isSignedInStatus(s.status));
      const drop = (ids: Set<string>) => {
        const s = core.state;
        core.state = {
          users: s.users.map((u) => ({
            ...u,
            devices: u.devices.map((d) => (ids.has(d.id) ? { ...d, status: 'removed' as const } : d)),
          })),
          sessions: s.sessions.filter((x) => !ids.has(x.id)),
          activeSessionId: s.activeSessionId !== null && ids.has(s.activeSessionId) ? null : s.activeSessionId,
        };
      };
      const leaveHere = async (ids: Set<string>) => {
        core.emit(undecided(core));
        drop(ids);
        core.emit(undecided(core)); // the client update of the removal, still between sessions
        if (callback) await callback();
        else await navigate(core, redirectUrl);
        core.emit();
      };
      if (!opts.sessionId || signedIn.length === 1) {
        // No sessionId (or the only session): every session on this browser goes.
        return leaveHere(new Set(core.state.sessions.map((s) => s.id)));
      }
      const target = signedIn.find((s) => s.id === opts.sessionId);
      if (!target) return; // clerk-js: an id the client does not hold is quietly ignored.
      if (target.id === core.state.activeSessionId) return leaveHere(new Set([target.id]));
      // Another account on this browser: removed, with no callback and no navigation.
      drop(new Set([target.id]));
      core.emit();
    });
  };
}
