'use client';
import { useReverification, type SessionWithActivitiesResource } from '../../clerk';
import { errorKind } from '../../core/errors';

type Device = SessionWithActivitiesResource;

/** Runs `attempt`; when it throws Clerk's reverification error, opens Clerk's flow, then runs it once more. */
export type Reverify = (attempt: () => Promise<void>) => Promise<unknown>;
/** `Reverify` through Clerk's own `useReverification` (its modal, its cancellation error). */
export const useReverify = (): Reverify => useReverification((attempt: () => Promise<void>) => attempt());

/**
 * Revokes devices at once. Clerk guards `revoke()` with reverification (its UserProfile wraps it in
 * `useReverification`): when the Frontend API asks for it, Clerk's flow opens once and the devices
 * not yet revoked are tried once more; cancelled, nothing more is revoked (Clerk's
 * `reverification_cancelled` error). The revoked, the kept, and the first failure.
 */
export async function revokeDevices(devices: Device[], reverify: Reverify) {
  const done = new Set<Device>();
  let errors: unknown[] = [];
  const error = await reverify(async () => {
    errors = [];
    await Promise.all(
      devices.map(
        (d) =>
          done.has(d) ||
          d.revoke().then(
            () => done.add(d),
            (e: unknown) => errors.push(e),
          ),
      ),
    );
    const asked = errors.find((e) => errorKind(e) === 'Reverification');
    if (asked) throw asked;
  }).then(
    () => errors[0],
    (e: unknown) => e,
  );
  return { ok: devices.filter((d) => done.has(d)), kept: devices.filter((d) => !done.has(d)), error };
}
