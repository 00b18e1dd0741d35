/**
 * Validation of the mock's state (types in state-types.ts). `normalizeState` turns user input
 * into the strict internal shape or throws a MockClerkConfigError that names the field and the
 * fix, so bad input fails when the mock is created, never deep inside a Clerk hook. Users,
 * memberships and devices are normalized in state-entities.ts; the checks are in state-validation.ts.
 */
import { isSignedInStatus } from '../core/clerk-rules';
import { normalizeUser } from './state-entities';
import type { MockClerkState, MockSession, NSession, NState, NUser } from './state-types';
import { checkStatus, checkTasks, checkUnique, DAY, fail, optDate } from './state-validation';

export * from './state-types';
export { MockClerkConfigError } from './state-validation';

/** `state.sessions[i]`, for a user in `users`, in one of Clerk's statuses, in an organization of that user's. */
function normalizeSession(s: MockSession, field: string, users: ReadonlyMap<string, NUser>, now: number): NSession {
  const user = users.get(s.userId);
  if (!user) {
    fail(
      `${field}.userId`,
      `is "${s.userId}", which is not in state.users`,
      `Add a user with id "${s.userId}" to state.users, or point the session at an existing user.`,
    );
  }
  const status = checkStatus(s.status, `${field}.status`);
  const tasks = checkTasks(s.tasks, status, `${field}.tasks`);
  const orgId = s.activeOrganizationId ?? null;
  if (orgId !== null && !user.memberships.some((m) => m.organization.id === orgId)) {
    fail(
      `${field}.activeOrganizationId`,
      `is "${orgId}", but user "${s.userId}" has no membership in it`,
      `Add a membership with organization.id "${orgId}" to that user's memberships, or set activeOrganizationId to null (personal account).`,
    );
  }
  const lastActiveAt = optDate(s.lastActiveAt, `${field}.lastActiveAt`, now);
  return {
    id: s.id,
    userId: s.userId,
    status,
    tasks,
    activeOrganizationId: orgId,
    actor: s.actor ?? null,
    createdAt: optDate(s.createdAt, `${field}.createdAt`, now - 2 * DAY),
    lastActiveAt,
    expireAt: optDate(s.expireAt, `${field}.expireAt`, status === 'expired' ? now - DAY : now + 7 * DAY),
    abandonAt: optDate(s.abandonAt, `${field}.abandonAt`, status === 'abandoned' ? now - DAY : now + 30 * DAY),
    latestActivity: { ...s.latestActivity },
  };
}

/** This browser's signed-in sessions are also sessions "on a device": getSessions() lists them. */
function addBrowserDevices(sessions: readonly NSession[], users: readonly NUser[], byId: ReadonlyMap<string, NUser>) {
  for (const s of sessions) {
    const user = byId.get(s.userId);
    if (!user || !isSignedInStatus(s.status)) continue;
    if (user.devices.some((d) => d.id === s.id)) continue;
    if (users.some((u) => u !== user && u.devices.some((d) => d.id === s.id))) {
      fail(
        `state.sessions (id "${s.id}")`,
        "appears among another user's devices",
        'A session belongs to one user: remove it from the other user’s devices.',
      );
    }
    user.devices.unshift({
      id: s.id,
      status: s.status,
      lastActiveAt: s.lastActiveAt,
      expireAt: s.expireAt,
      abandonAt: s.abandonAt,
      actor: s.actor,
      latestActivity: s.latestActivity,
    });
  }
}

/** The session this tab uses: the one given (which must be signed in), else the first signed-in one. */
function activeSessionOf(given: string | null | undefined, sessions: readonly NSession[]): string | null {
  if (given === undefined) return sessions.find((s) => isSignedInStatus(s.status))?.id ?? null;
  if (given === null) return null;
  const active = sessions.find((s) => s.id === given);
  if (!active) {
    fail(
      'state.activeSessionId',
      `is "${given}", which is not a session of this browser's client`,
      `Add a session with id "${given}" to state.sessions, or set activeSessionId to null (signed out).`,
    );
  }
  if (!isSignedInStatus(active.status)) {
    fail(
      'state.activeSessionId',
      `points at the ${active.status} session "${given}"`,
      "Clerk keeps only an active or pending session active: set activeSessionId to null (signed out) or make the session 'active'.",
    );
  }
  return given;
}

/** Validates user input and fills defaults. `now` is the mock's frozen clock. */
export function normalizeState(input: MockClerkState, now: number): NState {
  const usersIn = input.users ?? [];
  const sessionsIn = input.sessions ?? [];
  if (!Array.isArray(usersIn)) fail('state.users', 'is not a list', 'Pass an array of users.');
  if (!Array.isArray(sessionsIn)) fail('state.sessions', 'is not a list', 'Pass an array of sessions.');
  checkUnique(
    usersIn.map((u) => u?.id),
    'state.users',
  );
  checkUnique(
    sessionsIn.map((s) => s?.id),
    'state.sessions',
  );
  const users = usersIn.map((u, i) => normalizeUser(u, `state.users[${i}]`, now));
  const byId = new Map(users.map((u) => [u.id, u]));
  const sessions = sessionsIn.map((s, i) => normalizeSession(s, `state.sessions[${i}]`, byId, now));
  addBrowserDevices(sessions, users, byId);
  return { users, sessions, activeSessionId: activeSessionOf(input.activeSessionId, sessions) };
}
