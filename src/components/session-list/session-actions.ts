'use client';
import type { SessionResource, SessionWithActivitiesResource } from '../../clerk';
import { revokeDevices, type Reverify } from '../shared/revoke';
import type { useSessionBase } from '../shared/frame';
import { accountName, deviceName } from './names';

/** Every outcome SessionList reports (`onEvent`). */
export type SessionListEvent =
  | { type: 'switched'; session: SessionResource }
  | { type: 'switch-failed'; session: SessionResource; error: unknown }
  | { type: 'signed-out'; session: SessionResource }
  | { type: 'sign-out-failed'; session: SessionResource; error: unknown }
  | { type: 'revoked'; devices: SessionWithActivitiesResource[] }
  | { type: 'revoke-failed'; devices: SessionWithActivitiesResource[]; error: unknown };

/** What a row's action does: switch to an account, sign it out, or revoke a device session. */
export type RowAction = 'switch' | 'sign-out' | 'revoke';
export type AccountAction = 'switch' | 'sign-out';
type Device = SessionWithActivitiesResource;
type Base = ReturnType<typeof useSessionBase<unknown>>;

/** What the actions read when they run: the latest render's. */
export type Latest = {
  readonly current: Pick<Base, 't' | 'clerk'> & {
    onEvent?: (event: SessionListEvent) => void;
    currentId?: string;
    others: Device[];
    reverify: Reverify;
  };
};
/** Marks rows pending (clearing their failure), or done. */
export type Mark = (ids: string[], action: RowAction | null) => void;
/** Keeps a failure on its row and announces it; the sentence is `text(localized reason)`. */
export type Fail = (id: string, action: RowAction, error: unknown, text: (message: string) => string) => void;
export type Announce = (message: string) => void;
export type SetGone = (update: (gone: ReadonlySet<string>) => ReadonlySet<string>) => void;

/** Revokes devices all at once, never this one (sign it out instead) nor one already in flight; the revoked leave the list. */
export function revoker(latest: Latest, mark: Mark, fail: Fail, announce: Announce, setGone: SetGone) {
  const inFlight = new Set<string>();
  return async (targets: Device[]) => {
    const fresh = targets.filter((d) => !inFlight.has(d.id) && d.id !== latest.current.currentId);
    const ids = fresh.map((d) => d.id);
    if (!ids.length) return;
    ids.forEach((id) => inFlight.add(id));
    mark(ids, 'revoke');
    announce(latest.current.t.revoking);
    const { ok, kept, error } = await revokeDevices(fresh, latest.current.reverify);
    ids.forEach((id) => inFlight.delete(id));
    setGone((g) => new Set([...g, ...ok.map((d) => d.id)]));
    mark(ids, null);
    const { t, onEvent } = latest.current;
    const [first] = ok;
    if (first) {
      announce(ok.length > 1 ? t.revokedAll({ count: ok.length }) : t.revoked({ device: deviceName(first, t) }));
      onEvent?.({ type: 'revoked', devices: ok });
    }
    if (kept.length) {
      for (const d of kept) fail(d.id, 'revoke', error, (message) => t.revokeFailed({ device: deviceName(d, t), message }));
      onEvent?.({ type: 'revoke-failed', devices: kept, error });
    }
  };
}

/** Switches to an account or signs it out, one account action at a time; after a failure "Try again" and every other row work. */
export function accountActor(latest: Latest, mark: Mark, fail: Fail, announce: Announce) {
  let busy = false;
  return async (session: SessionResource, action: AccountAction) => {
    if (busy) return;
    busy = true;
    mark([session.id], action);
    const { t, clerk, onEvent } = latest.current;
    const name = accountName(session);
    const switching = action === 'switch';
    try {
      await (switching ? clerk.setActive({ session: session.id }) : clerk.signOut({ sessionId: session.id }));
      announce(switching ? t.switchedAccount({ name }) : t.signedOutAccount({ name }));
      onEvent?.({ type: switching ? 'switched' : 'signed-out', session });
    } catch (error) {
      fail(session.id, action, error, (message) => (switching ? t.switchFailed({ name, message }) : t.signOutFailed({ message })));
      onEvent?.({ type: switching ? 'switch-failed' : 'sign-out-failed', session, error });
    } finally {
      busy = false;
      mark([session.id], null);
    }
  };
}
