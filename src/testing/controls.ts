/**
 * The mock's controls: a frozen clock, deterministic ids, per-action latency and failure
 * injection, and the call log. No Clerk knowledge here.
 */
import type { DateInput } from '../core/dates';
import { toEpoch } from './state-validation';

/** Every Clerk method the mock can delay, fail and log. */
export type MockAction =
  | 'load'
  | 'setActive'
  | 'signOut'
  | 'getToken'
  | 'session.remove'
  | 'session.end'
  | 'session.touch'
  | 'getSessions'
  | 'revoke'
  | 'getOrganizationMemberships'
  | 'createOrganization'
  | 'user.reload'
  | 'organization.getMemberships'
  | 'organization.getInvitations'
  | 'organization.getRoles'
  | 'user.getOrganizationInvitations'
  | 'user.getOrganizationSuggestions';

export const MOCK_ACTIONS: readonly MockAction[] = [
  'load',
  'setActive',
  'signOut',
  'getToken',
  'session.remove',
  'session.end',
  'session.touch',
  'getSessions',
  'revoke',
  'getOrganizationMemberships',
  'createOrganization',
  'user.reload',
  'organization.getMemberships',
  'organization.getInvitations',
  'organization.getRoles',
  'user.getOrganizationInvitations',
  'user.getOrganizationSuggestions',
];

const isMockAction = (action: string): action is MockAction => MOCK_ACTIONS.some((known) => known === action);
/** The TypeError for an action name the mock does not have, listing the ones it has. */
const unknownAction = (what: string, action: string) => new TypeError(`${what} "${action}". Known actions: ${MOCK_ACTIONS.join(', ')}.`);

/** 'always' fails every call; 'once' fails the next call only. An object sets the error too. */
export type FailureSpec = 'always' | 'once' | { mode?: 'always' | 'once'; message?: string; code?: string; status?: number };

/**
 * How long a call takes: milliseconds, or a function whose promise the call waits for, a gate
 * that a test opens when it has seen the pending state (no race with a timer on a busy machine).
 */
export type Delay = number | (() => PromiseLike<unknown>);
export type Latency = Delay | Partial<Record<MockAction | 'default', Delay>>;

export interface MockCall {
  /** Position in the log, from 1. */
  seq: number;
  action: MockAction;
  args: unknown[];
  /** The mock clock's time when the call was made (epoch ms). */
  at: number;
  status: 'pending' | 'ok' | 'error';
  error?: unknown;
}

export interface MockClerkAPIErrorOptions {
  code?: string;
  status?: number;
  /** `errors[0].message`, Clerk's short message ("is invalid"); the Error's message by default. */
  shortMessage?: string;
  /** `errors[0].meta`, e.g. `{ paramName: 'limit' }`. */
  meta?: Record<string, unknown>;
}

/**
 * Shaped like Clerk's ClerkAPIResponseError, so `isClerkAPIResponseError()` and UIs treat it
 * alike: `message` is the long message, `errors[0]` is `{ code, message, longMessage, meta }`.
 */
export class MockClerkAPIError extends Error {
  /** What @clerk/shared's `isClerkAPIResponseError()` checks (`error.constructor.kind`). */
  static readonly kind = 'ClerkAPIResponseError';
  override name = 'ClerkAPIResponseError';
  readonly clerkError = true;
  readonly code = 'api_response_error';
  readonly status: number;
  readonly errors: { code: string; message: string; longMessage: string; meta: Record<string, unknown> }[];
  constructor(message: string, { code = 'mock_failure', status = 500, shortMessage, meta = {} }: MockClerkAPIErrorOptions = {}) {
    super(message);
    this.status = status;
    this.errors = [{ code, message: shortMessage ?? message, longMessage: message, meta }];
  }
}

export const DEFAULT_NOW = '2026-01-15T12:00:00.000Z';

export interface ControlOptions {
  now?: DateInput;
  latency?: Latency;
  failures?: Partial<Record<MockAction, FailureSpec>>;
  onCall?: (call: MockCall) => void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createControls(options: ControlOptions) {
  let now = toEpoch(options.now ?? DEFAULT_NOW, 'now');
  let latency: Latency = options.latency ?? 0;
  const failures = new Map<MockAction, FailureSpec>();
  const counters = new Map<string, number>();
  const calls: MockCall[] = [];

  // Takes any string: `failures` comes from a test's options, unchecked before this.
  const setFailure = (action: string, spec: FailureSpec | null) => {
    if (!isMockAction(action)) {
      throw unknownAction('createMockClerk: failures has an unknown action', action);
    }
    if (spec === null) failures.delete(action);
    else failures.set(action, spec);
  };
  for (const [action, spec] of Object.entries(options.failures ?? {})) setFailure(action, spec);

  const latencyFor = (action: MockAction): Delay =>
    typeof latency === 'number' || typeof latency === 'function' ? latency : (latency[action] ?? latency.default ?? 0);

  const takeFailure = (action: MockAction): MockClerkAPIError | undefined => {
    const spec = failures.get(action);
    if (!spec) return undefined;
    const detail = typeof spec === 'string' ? { mode: spec } : spec;
    if ((detail.mode ?? 'always') === 'once') failures.delete(action);
    return new MockClerkAPIError(detail.message ?? `Mock Clerk: ${action} failed (injected failure).`, {
      code: detail.code,
      status: detail.status,
    });
  };

  return {
    now: () => now,
    setNow: (value: DateInput) => {
      now = toEpoch(value, 'now');
    },
    advance: (ms: number) => {
      now += ms;
    },
    /** Deterministic ids: `org_mock_0001`, `org_mock_0002`… per prefix. */
    nextId: (prefix: string) => {
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      return `${prefix}_mock_${String(n).padStart(4, '0')}`;
    },
    calls,
    /** The calls of one action, in order; takes any string, as `clerk.mock.callsOf` is called from plain JS too. */
    callsOf: (action: string): MockCall[] => {
      if (!isMockAction(action)) throw unknownAction('clerk.mock.callsOf: unknown action', action);
      return calls.filter((call) => call.action === action);
    },
    setLatency: (value: Latency) => {
      latency = value;
    },
    setFailure,
    /**
     * Runs one Clerk method: logs the call, waits its latency, fails it if a failure is armed
     * (before `fn` runs, so a failed call never changes state), then runs `fn`.
     */
    async run<T>(action: MockAction, args: unknown[], fn: () => T | Promise<T>): Promise<T> {
      const call: MockCall = { seq: calls.length + 1, action, args, at: now, status: 'pending' };
      calls.push(call);
      options.onCall?.(call);
      const delay = latencyFor(action);
      if (typeof delay === 'function') await delay();
      else if (delay > 0) await sleep(delay);
      try {
        const failure = takeFailure(action);
        if (failure) throw failure;
        const result = await fn();
        call.status = 'ok';
        return result;
      } catch (error) {
        call.status = 'error';
        call.error = error;
        throw error;
      }
    },
  };
}

export type Controls = ReturnType<typeof createControls>;
