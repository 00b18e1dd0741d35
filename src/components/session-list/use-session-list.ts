'use client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSingleFlight } from '../shared/use-single-flight';
import { useClerk, useSession, useSessionList as useClerkSessionList, useUser, type SessionResource, type SessionWithActivitiesResource } from '../../clerk';

export type DevicesState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; devices: SessionWithActivitiesResource[] };

export type SessionListEvent =
  | { type: 'switched'; session: SessionResource }
  | { type: 'switch-failed'; session: SessionResource; error: unknown }
  | { type: 'signed-out'; session: SessionResource }
  | { type: 'sign-out-failed'; session: SessionResource; error: unknown }
  | { type: 'revoked'; devices: SessionWithActivitiesResource[] }
  | { type: 'revoke-failed'; devices: SessionWithActivitiesResource[]; error: unknown };

export interface UseSessionListOptions {
  /** Told about every outcome, for toasts, analytics or a live region. */
  onEvent?: (event: SessionListEvent) => void;
}

const byRecency = (current: string | undefined) => (a: SessionWithActivitiesResource, b: SessionWithActivitiesResource) =>
  Number(b.id === current) - Number(a.id === current) || b.lastActiveAt.getTime() - a.lastActiveAt.getTime();

/**
 * Headless SessionList: the accounts signed in on this browser (switch, sign out one) and the
 * user's sessions on every device (`user.getSessions()`: revoke one, revoke all others).
 * Revokes are optimistic: the rows leave at once and come back, in place, if Clerk refuses.
 * Every action is guarded against double submits and never rejects.
 */
export function useSessionList({ onEvent }: UseSessionListOptions = {}) {
  const clerk = useClerk();
  const { isLoaded, sessions } = useClerkSessionList();
  const { session: current } = useSession();
  const { user } = useUser();
  // Devices are fetched per (user, session, retry): a result for another key reads as loading.
  const [fetched, setFetched] = useState<{ key: string; state: DevicesState } | null>(null);
  const [removing, setRemoving] = useState<ReadonlySet<string>>(new Set());
  const accountFlight = useSingleFlight<string>();
  const inFlight = useRef(new Set<string>());
  const [reloads, setReloads] = useState(0);
  const eventRef = useRef(onEvent);
  useEffect(() => {
    eventRef.current = onEvent;
  }, [onEvent]);
  const emit = useCallback((event: SessionListEvent) => eventRef.current?.(event), []);

  const currentId = current?.id;
  const userId = user?.id;
  const key = `${userId}|${currentId}|${reloads}`;
  const devices: DevicesState = useMemo(() => (fetched?.key === key ? fetched.state : { status: 'loading' }), [fetched, key]);
  const setDevices = useCallback((update: (d: DevicesState) => DevicesState) => setFetched((f) => f && { key: f.key, state: update(f.state) }), []);
  useEffect(() => {
    if (!user) return;
    let live = true;
    user.getSessions().then(
      (list) => live && setFetched({ key, state: { status: 'ready', devices: [...list].sort(byRecency(currentId)) } }),
      (error: unknown) => live && setFetched({ key, state: { status: 'error', error } }),
    );
    return () => {
      live = false;
    };
    // `user` is a new object on every Clerk emit: refetch only when the key (user, session, retry) changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);

  const revokeMany = useCallback(
    async (targets: SessionWithActivitiesResource[]) => {
      const fresh = targets.filter((d) => !inFlight.current.has(d.id) && d.id !== currentId);
      if (fresh.length === 0) return;
      fresh.forEach((d) => inFlight.current.add(d.id));
      setRemoving((r) => new Set([...r, ...fresh.map((d) => d.id)]));
      const results = await Promise.allSettled(fresh.map((d) => d.revoke()));
      fresh.forEach((d) => inFlight.current.delete(d.id));
      const gone = fresh.filter((_, i) => results[i]!.status === 'fulfilled');
      const kept = fresh.filter((_, i) => results[i]!.status === 'rejected');
      setDevices((d) => (d.status === 'ready' ? { ...d, devices: d.devices.filter((x) => !gone.includes(x)) } : d));
      setRemoving((r) => new Set([...r].filter((id) => !fresh.some((d) => d.id === id))));
      if (gone.length) emit({ type: 'revoked', devices: gone });
      if (kept.length) {
        const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
        emit({ type: 'revoke-failed', devices: kept, error: failure.reason });
      }
    },
    [currentId, emit, setDevices],
  );

  const { run: runAccount } = accountFlight;
  const accountAction = useCallback(
    (session: SessionResource, kind: 'switch' | 'sign-out') =>
      runAccount(session.id, async () => {
        try {
          if (kind === 'switch') await clerk.setActive({ session: session.id });
          else await clerk.signOut({ sessionId: session.id });
        } catch (error) {
          emit(kind === 'switch' ? { type: 'switch-failed', session, error } : { type: 'sign-out-failed', session, error });
          throw error;
        }
        emit(kind === 'switch' ? { type: 'switched', session } : { type: 'signed-out', session });
      }),
    [clerk, runAccount, emit],
  );

  const accounts = useMemo(() => (sessions ?? []).filter((s) => s.status === 'active' || s.status === 'pending'), [sessions]);
  const visibleDevices = useMemo(
    () => (devices.status === 'ready' ? devices.devices.filter((d) => !removing.has(d.id)) : []),
    [devices, removing],
  );

  return {
    status: (!isLoaded ? 'loading' : !current ? 'signed-out' : 'ready') as 'loading' | 'signed-out' | 'ready',
    currentSessionId: currentId ?? null,
    accounts,
    /** The account whose switch or sign-out is in flight. */
    busyAccount: accountFlight.pending,
    switchAccount: (session: SessionResource) => accountAction(session, 'switch'),
    signOutAccount: (session: SessionResource) => accountAction(session, 'sign-out'),
    devicesStatus: devices.status,
    devicesError: devices.status === 'error' ? devices.error : null,
    /** Device sessions, this device first, the rest by last activity; revoking ones are left out. */
    devices: visibleDevices,
    /** Ids of device sessions whose revoke is in flight (already hidden from `devices`). */
    revoking: removing,
    otherDevices: visibleDevices.filter((d) => d.id !== currentId),
    reloadDevices: reload,
    revoke: (device: SessionWithActivitiesResource) => revokeMany([device]),
    revokeAllOthers: () => revokeMany(visibleDevices),
  };
}

export type SessionListApi = ReturnType<typeof useSessionList>;
