/**
 * The browser build's session cookies and token refresh, as clerk-js's AuthCookieService does
 * them: `__session` and `__client_uat` follow every change, the token is refreshed before it
 * expires, a failed refresh keeps the last cookie (clerk-js: status 'degraded'), and a token
 * request answered 401 makes clerk-js ask the Frontend API for the client again: a session
 * revoked elsewhere is gone from it, so the browser signs out and the cookies are cleared
 * (clerk-js `handleUnauthenticated()` then `setActive({ session: null })`).
 */
import type { FailureSpec, MockCall } from '../controls';
import type { MockClerk } from '../create-mock-clerk';
import type { MockClerkState } from '../state';
import { createSigner, decodeToken } from '../token';

/** Sessions revoked elsewhere, kept across page loads as Clerk's servers keep them. */
const REVOKED_KEY = 'clerk-session-kit:e2e-revoked';
/** What the Frontend API answers a token request of a revoked session. */
const REVOKED_ANSWER: FailureSpec = {
  mode: 'always',
  status: 401,
  code: 'authentication_invalid',
  message: 'Unauthenticated: the session was revoked.',
};
/** clerk-js refreshes a token this long before it expires. */
const REFRESH_BEFORE_EXP_S = 10;
/** clerk-js's token poller runs every 5 s: after a failed refresh, the next try. */
const POLL_MS = 5_000;

const cookie = (name: string, value: string, maxAge: number) =>
  `${name}=${value}; path=/; max-age=${maxAge}; SameSite=Lax${location.protocol === 'https:' ? '; Secure' : ''}`;

/** Signed out: no session token, `__client_uat` 0 (clerk-js's production instances). */
function clearCookies() {
  document.cookie = cookie('__session', '', 0);
  document.cookie = cookie('__client_uat', '0', 31_536_000);
}

const readCookie = (name: string) =>
  document.cookie
    .split('; ')
    .find((part) => part.startsWith(`${name}=`))
    ?.slice(name.length + 1);

/** clerk-js's `isUnauthenticatedError`: 401, 422 (and some 403s) send it back to the Frontend API for the client. */
const unauthenticated = (error: unknown) => {
  const status = typeof error === 'object' && error !== null ? Reflect.get(error, 'status') : undefined;
  return status === 401 || status === 422;
};

/** Resolves once a logged call has settled (the mock may hold it for its latency). */
async function settled(call: MockCall) {
  while (call.status === 'pending') await new Promise((resolve) => setTimeout(resolve, 10));
}

export interface SessionCookies {
  /** Writes the cookies, one write at a time, the last change last. */
  writeCookies(): Promise<void>;
  /** Time passes for the token: the cookie's token is re-dated `ms` into the past, then the poller runs once. */
  advanceClock(ms: number): Promise<void>;
  /** The active session is revoked elsewhere: its next token request is answered 401. */
  revokeSession(): void;
  /** For the mock's `onCall`: a token request answered 401 sends the browser back for the client. */
  onCall(call: MockCall): void;
  /** On load, clerk-js's client comes without the sessions revoked meanwhile: they are gone. */
  dropRevoked(): void;
}

/** The client fetched again lacks the revoked session: gone from this browser, its device 'revoked'. */
function dropSession(clerk: MockClerk, id: string) {
  const { state } = clerk.mock;
  const next = {
    ...state,
    users: state.users.map((u) => ({ ...u, devices: u.devices.map((d) => (d.id === id ? { ...d, status: 'revoked' } : d)) })),
    sessions: state.sessions.filter((s) => s.id !== id),
    activeSessionId: state.activeSessionId === id ? null : state.activeSessionId,
  };
  // The normalized state, back through JSON as a page load restores it (normalizeState takes it).
  const restored: MockClerkState = JSON.parse(JSON.stringify(next));
  clerk.mock.setState(restored);
  // Its token requests were answered 401 because of the revocation: nothing left to refuse.
  clerk.mock.fail('getToken', null);
}

/** Re-signs the cookie's token `ms` older (iat, nbf and exp), as if that time had passed. */
async function redateCookie(sign: ReturnType<typeof createSigner>, ms: number) {
  const current = readCookie('__session');
  if (!current) return;
  const claims = decodeToken(current);
  const s = Math.round(ms / 1000);
  const stale = await sign({ ...claims, iat: claims.iat - s, nbf: claims.nbf - s, exp: claims.exp - s });
  document.cookie = cookie('__session', stale, claims.exp - claims.iat);
}

/** The ids of sessions revoked elsewhere, in sessionStorage. */
function revokedSessions() {
  const ids = new Set<string>(JSON.parse(sessionStorage.getItem(REVOKED_KEY) ?? '[]'));
  const save = () => sessionStorage.setItem(REVOKED_KEY, JSON.stringify([...ids]));
  return {
    has: (id: string) => ids.has(id),
    ids: () => [...ids],
    add: (id: string) => {
      ids.add(id);
      save();
    },
    delete: (id: string) => {
      ids.delete(id);
      save();
    },
  };
}

export function createSessionCookies(
  getClerk: () => MockClerk,
  options: { fixedClock: boolean; signingKey: CryptoKey; keyId: string },
): SessionCookies {
  const sign = createSigner(options.signingKey, options.keyId);
  const revoked = revokedSessions();
  let queue = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (seconds: number) => {
    if (!options.fixedClock) timer = setTimeout(() => void writeCookies(), Math.max(1, seconds) * 1000);
  };
  const write = async () => {
    const clerk = getClerk();
    if (!options.fixedClock) clerk.mock.setNow(Date.now());
    clearTimeout(timer);
    let token: string | null;
    try {
      token = clerk.session ? await clerk.session.getToken() : null;
    } catch (error) {
      // A 401 is handled before the request rejects, as clerk-js's fetch does: signed out here.
      if (unauthenticated(error) && handleUnauthenticated()) return clearCookies();
      // Otherwise the cookie keeps its token (it goes stale); the poller tries again.
      schedule(POLL_MS / 1000);
      return;
    }
    if (!token) return clearCookies();
    const { iat, exp } = decodeToken(token);
    document.cookie = cookie('__session', token, exp - iat);
    document.cookie = cookie('__client_uat', String(iat), 31_536_000);
    // Refreshed before it expires, as clerk-js's poller does.
    schedule(exp - iat - REFRESH_BEFORE_EXP_S);
  };
  const writeCookies = () => (queue = queue.then(write, write));

  // clerk-js's handleUnauthenticated(): fetch the client; if the session is still in it, nothing
  // changes; if it was revoked, it is gone from the client and the browser signs out (true).
  function handleUnauthenticated() {
    const clerk = getClerk();
    const id = clerk.session?.id;
    if (!id || !revoked.has(id)) return false;
    revoked.delete(id);
    dropSession(clerk, id);
    return true;
  }

  return {
    writeCookies,
    async advanceClock(ms) {
      const clerk = getClerk();
      if (options.fixedClock) clerk.mock.advance(ms);
      clerk.mock.expireTokens();
      // The server's clock cannot move: the token moves back instead, as old as it would be.
      await redateCookie(sign, ms);
      // The poller's next tick: a new token, or (refresh failing) the stale one stays.
      await writeCookies();
    },
    revokeSession() {
      const clerk = getClerk();
      const id = clerk.session?.id;
      if (!id) throw new Error('clerk.revokeSession(): no active session to revoke.');
      revoked.add(id);
      clerk.mock.fail('getToken', REVOKED_ANSWER);
    },
    dropRevoked() {
      const clerk = getClerk();
      for (const id of revoked.ids()) {
        revoked.delete(id);
        if (clerk.mock.state.sessions.some((x) => x.id === id)) dropSession(clerk, id);
      }
    },
    onCall(call) {
      if (call.action !== 'getToken') return;
      // The app's own getToken(): once it has failed with a 401, the same as the poller's.
      void settled(call).then(() => {
        if (call.status === 'error' && unauthenticated(call.error) && handleUnauthenticated()) void writeCookies();
      });
    },
  };
}
