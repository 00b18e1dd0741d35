import type { SessionStrings } from '../../i18n';

/** A pending session's current task: its key (null where Clerk names none, as for another device) and its badge for people. */
export interface PendingTask {
  key: string | null;
  label: string;
}

const taskName = (t: SessionStrings, key: string | null) =>
  key === 'choose-organization'
    ? t.taskChooseOrganization
    : key === 'reset-password'
      ? t.taskResetPassword
      : key === 'setup-mfa'
        ? t.taskSetupMfa
        : null;

/**
 * A session Clerk holds `pending` (signed in, a task to do first: choose an organization, reset
 * the password…): its task and the badge "Pending: Choose an organization". Null for any other status.
 */
export function pendingTask(t: SessionStrings, session: { status: string; currentTask?: { key: string } }): PendingTask | null {
  if (session.status !== 'pending') return null;
  const key = session.currentTask?.key ?? null;
  return { key, label: t.pendingTask({ task: taskName(t, key) }) };
}
