/**
 * Step-up verification (Clerk's "reverification") as clerk-js 6.40 and its Frontend API do it.
 * While reverification is required (`requireReverification: true`, or
 * `clerk.mock.requireReverification()`), the action Clerk guards, a device session's `revoke()`,
 * rejects with the Frontend API's 403 `session_reverification_required` and changes nothing.
 * `__internal_openReverification(props)` is what Clerk's `useReverification` calls to open its
 * modal; the mock renders no modal: it holds the request at `clerk.mock.reverification` until a
 * test or story calls `completeReverification()` (the session is verified: guarded actions pass
 * from then on, and `afterVerification` runs) or `cancelReverification()` (nothing changes, and
 * `afterVerificationCancelled` runs: useReverification then rejects with Clerk's
 * `reverification_cancelled` error). As in clerk-js, a second open replaces the first, whose
 * callbacks then never run, and opening it with no user signed in throws (a development instance).
 */
import { MockClerkAPIError } from './controls';

/** Clerk's verification levels (`SessionVerificationLevel`). */
export type MockReverificationLevel = 'first_factor' | 'second_factor' | 'multi_factor';

/** What Clerk's `useReverification` passes to `__internal_openReverification`. */
export interface ReverificationProps {
  level?: MockReverificationLevel;
  afterVerification?: () => void;
  afterVerificationCancelled?: () => void;
}

/** The flow open at `clerk.mock.reverification`: the level asked for, if any. */
export interface MockReverificationRequest {
  level: MockReverificationLevel | undefined;
}

/** The Frontend API's answer to a guarded action on a session whose last verification is too old. */
export const reverificationRequired = () =>
  new MockClerkAPIError('You need to provide additional verification to perform this operation', {
    code: 'session_reverification_required',
    status: 403,
    shortMessage: 'Additional verification required',
  });

/** The reverification part of the mock: the guard, Clerk's open method, and the test-facing controls. */
export function createReverification(required: boolean, hasUser: () => boolean, emit: () => void) {
  let needed = required;
  let open: ReverificationProps | null = null;
  let request: MockReverificationRequest | null = null;
  const listeners = new Set<(request: MockReverificationRequest | null) => void>();
  const set = (props: ReverificationProps | null) => {
    open = props;
    request = props && { level: props.level };
    for (const listener of [...listeners]) listener(request);
  };
  const take = (what: string) => {
    const props = open;
    if (!props) throw new Error(`clerk.mock.${what}Reverification(): no reverification flow is open.`);
    set(null);
    return props;
  };
  return {
    /** In a guarded action, before it changes anything. */
    guard: () => {
      if (needed) throw reverificationRequired();
    },
    open: (props: ReverificationProps = {}) => {
      if (!hasUser()) throw new Error('Mock Clerk: the reverification flow cannot open unless a user is signed in.');
      set(props);
    },
    controls: {
      requireReverification: (on = true) => {
        needed = on;
      },
      get reverification() {
        return request;
      },
      onReverification: (listener: (request: MockReverificationRequest | null) => void) => {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
      completeReverification: () => {
        const props = take('complete');
        needed = false;
        emit();
        props.afterVerification?.();
      },
      cancelReverification: () => take('cancel').afterVerificationCancelled?.(),
    },
  };
}
