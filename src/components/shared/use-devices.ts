'use client';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useClerk, type SessionWithActivitiesResource, type UserResource } from '../../clerk';
import { isSignedInStatus } from '../../core/clerk-rules';

export type DevicesState =
  { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; devices: SessionWithActivitiesResource[] };

/** Only sessions still signed in count: clerk-js updates a revoked device in place (status 'revoked'). */
export const isLive = (d: { status: string }) => isSignedInStatus(d.status);

const byRecency = (current: string) => (a: SessionWithActivitiesResource, b: SessionWithActivitiesResource) =>
  Number(b.id === current) - Number(a.id === current) || b.lastActiveAt.getTime() - a.lastActiveAt.getTime();

/**
 * Fetches the user's device sessions, this one first. clerk-js caches the first answer of
 * `user.getSessions()` on the user object (even a failed load's `[]`), and nothing clears it: a
 * refetch (`fresh`) reloads the user, which makes clerk-js emit a new user object, and asks that
 * one (`clerk.user`). A list that lacks this session is a failed load: a real list always holds it.
 */
export async function loadDevices(
  clerk: { user?: UserResource | null },
  user: UserResource,
  currentId: string,
  fresh: boolean,
): Promise<SessionWithActivitiesResource[]> {
  if (fresh) await user.reload();
  const list = await (fresh ? (clerk.user ?? user) : user).getSessions();
  // clerk-js 6 answers a failed load with `[]`: a list without this session was not loaded.
  if (!list.some((d) => d.id === currentId)) throw new Error('Clerk answered without this session.');
  return list.filter(isLive).sort(byRecency(currentId));
}

/**
 * The device list for (user, session), with `reload()`. A result for another key reads as
 * loading, so a switched account never shows the previous account's devices.
 */
export function useDevices(user: UserResource | null | undefined, currentId: string | undefined) {
  const clerk = useClerk();
  const [fetched, setFetched] = useState<{ key: string; state: DevicesState } | null>(null);
  const [reloads, setReloads] = useState(0);
  const key = `${user?.id}|${currentId}|${reloads}`;
  const state: DevicesState = useMemo(() => (fetched?.key === key ? fetched.state : { status: 'loading' }), [fetched, key]);
  useEffect(() => {
    if (!user || !currentId) return;
    let live = true;
    loadDevices(clerk, user, currentId, reloads > 0).then(
      (devices) => live && setFetched({ key, state: { status: 'ready', devices } }),
      (error: unknown) => live && setFetched({ key, state: { status: 'error', error } }),
    );
    return () => {
      live = false;
    };
    // `user` is a new object on every Clerk emit: refetch only when the key (user, session, reload) changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return { state, reload: useCallback(() => setReloads((n) => n + 1), []) };
}
