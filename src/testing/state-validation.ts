/**
 * The checks normalizeState (state.ts) runs on user input, each failing with a
 * MockClerkConfigError that names the field and the fix.
 */
import { epochMs, type DateInput } from '../core/dates';
import { isSessionStatus, SESSION_STATUSES, type MockSessionStatus, type MockSessionTask } from './state-types';

/** Thrown for state a real Clerk could never be in. The message names the field and the fix. */
export class MockClerkConfigError extends Error {
  override name = 'MockClerkConfigError';
}

/** Throws a MockClerkConfigError: "createMockClerk: <field> <problem>. <fix>". */
export function fail(field: string, problem: string, fix: string): never {
  throw new MockClerkConfigError(`createMockClerk: ${field} ${problem}. ${fix}`);
}

export const DAY = 86_400_000;

/** Epoch milliseconds of a date option, or a MockClerkConfigError for one that is not a date. */
export function toEpoch(value: DateInput, field: string): number {
  const ms = epochMs(value);
  if (!Number.isFinite(ms)) {
    fail(
      field,
      `is not a valid date (${JSON.stringify(value)})`,
      'Use a Date, an ISO 8601 string such as "2026-01-15T12:00:00Z", or epoch milliseconds.',
    );
  }
  return ms;
}

export const optDate = (value: DateInput | undefined, field: string, fallback: number) =>
  value === undefined ? fallback : toEpoch(value, field);

export function checkUnique(ids: string[], field: string) {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (typeof id !== 'string' || id === '') fail(`${field}[${i}].id`, 'is missing', 'Give every entry a non-empty string id.');
    if (seen.has(id)) fail(`${field}[${i}].id`, `duplicates the id "${id}"`, 'Ids must be unique; rename one of them.');
    seen.add(id);
  });
}

/** A session status as given (default 'active'), checked against Clerk's statuses. */
export function checkStatus(status: string | undefined, field: string): MockSessionStatus {
  const given = status ?? 'active';
  if (!isSessionStatus(given)) {
    return fail(
      field,
      `is ${JSON.stringify(given)}`,
      `Use one of Clerk's session statuses: ${SESSION_STATUSES.map((x) => `'${x}'`).join(', ')}.`,
    );
  }
  return given;
}

const TASK_KEYS: readonly string[] = ['choose-organization', 'reset-password', 'setup-mfa'] satisfies MockSessionTask['key'][];

/**
 * A session's tasks: a pending session has at least one (default: choose an organization), and
 * only a pending session has any (Clerk drops a session's tasks once it is active).
 */
export function checkTasks(tasks: MockSessionTask[] | undefined, status: MockSessionStatus, field: string): MockSessionTask[] {
  if (tasks === undefined) return status === 'pending' ? [{ key: 'choose-organization' }] : [];
  if (status === 'pending' && tasks.length === 0) {
    fail(
      field,
      'is empty on a pending session',
      "A pending session has a task: give one (e.g. { key: 'choose-organization' }) or make it 'active'.",
    );
  }
  if (status !== 'pending' && tasks.length > 0) {
    fail(
      field,
      `is set on a session whose status is '${status}'`,
      "Only a pending session has tasks: set status: 'pending' or remove the tasks.",
    );
  }
  tasks.forEach((task, i) => {
    if (!TASK_KEYS.includes(task?.key)) {
      fail(
        `${field}[${i}].key`,
        `is ${JSON.stringify(task?.key)}`,
        `Use one of Clerk's task keys: ${TASK_KEYS.map((k) => `'${k}'`).join(', ')}.`,
      );
    }
  });
  return tasks.map((task) => ({ key: task.key }));
}
