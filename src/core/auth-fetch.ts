/**
 * fetch with a Clerk session token, framework-free (no React): the token goes only to the page's
 * own origin and to origins the caller allows, concurrent calls share one token fetch, and a 401
 * is retried once with a fresh token. Works anywhere `fetch` does (browser, worker, Node).
 */

/** What went wrong, as a stable string to branch on. */
export type AuthFetchErrorCode =
  /** The URL is not same-origin and not in `allowedOrigins`: nothing was sent. */
  | 'origin-not-allowed'
  /** No signed-in session: Clerk handed out no token. Nothing was sent. */
  | 'signed-out'
  /** Called during server rendering, where there is no browser session. */
  | 'server-render'
  /** Clerk did not load and hand out a token within `timeout` ms. */
  | 'token-timeout'
  /** The server answered 4xx/5xx; `response` holds the answer, body unread. */
  | 'http'
  /**
   * The server asks the user to verify again (step-up): the 403 of Clerk's `reverificationError()`
   * / `reverificationErrorResponse()`. `reverification` holds what it asked for; `response` the answer.
   */
  | 'reverification-required';

/** What a reverification answer asks for, as the server sent it (Clerk's `ReverificationConfig`). */
export type ReverificationNeed =
  'strict_mfa' | 'strict' | 'moderate' | 'lax' | { level: 'first_factor' | 'second_factor' | 'multi_factor'; afterMinutes: number };

export class AuthFetchError extends Error {
  override name = 'AuthFetchError';
  declare readonly code: AuthFetchErrorCode;
  /** The server's answer, for `code: 'http'` (body unread) and `'reverification-required'`. */
  declare readonly response?: Response;
  /** For `code: 'reverification-required'`: the level asked for, when the server named one. */
  declare readonly reverification?: ReverificationNeed;
  constructor(code: AuthFetchErrorCode, message: string, response?: Response, reverification?: ReverificationNeed) {
    super(message);
    this.code = code;
    this.response = response;
    this.reverification = reverification;
  }
}

export interface TokenOptions {
  /** A JWT template's name (Clerk Dashboard → JWT templates). Default: the session token. */
  template?: string;
  /** A token scoped to this organization (the user must be a member). Default: the active one. */
  organizationId?: string;
}

/** Clerk's `getToken` (`useAuth().getToken`, `session.getToken`) or anything shaped like it. */
export type GetToken = (options: TokenOptions & { skipCache?: boolean }) => Promise<string | null>;

export interface AuthFetchOptions extends TokenOptions {
  getToken: GetToken;
  /**
   * Other origins that may receive the token, each exactly `https://host[:port]` (http only for
   * localhost). Matched exactly: no wildcards, no subdomains, no paths.
   */
  allowedOrigins?: readonly string[];
  /**
   * The fetch to call. Default: the global `fetch`, looked up at call time. It must follow the
   * Fetch standard, which drops Authorization on a redirect to another origin (browsers and Node's
   * fetch do; the loopback tests check Node's on the wire).
   */
  fetch?: typeof fetch;
  /**
   * Where relative URLs resolve. Default: the page's address (`location.href`; a `<base>` element
   * is not consulted). The URL as resolved is the one checked and sent. Same-origin means the page's
   * origin; only where there is no page (Node, tests) does this URL's origin count instead. A
   * baseUrl on another origin than the page's must be in `allowedOrigins` too.
   */
  baseUrl?: string | URL;
  /**
   * Throw an `AuthFetchError` for 4xx/5xx answers (code 'http', or 'reverification-required' for
   * Clerk's reverification 403). Default: true. With false the 403 comes back as the Response,
   * which is what Clerk's `useReverification` reads to open its flow and retry.
   */
  throwOnHttpError?: boolean;
  /** Milliseconds to wait for Clerk to load and hand out a token. Default: 10 000 (as Clerk's own getToken). */
  timeout?: number;
}

export interface AuthFetchInit extends RequestInit, TokenOptions {
  /** A value to send as JSON: sets the body, `Content-Type: application/json` and (if unset) POST. */
  json?: unknown;
  /** Per call: throw for 4xx/5xx answers (default: the factory's setting). */
  throwOnHttpError?: boolean;
}

export interface FetchWithAuth {
  (input: RequestInfo | URL, init?: AuthFetchInit): Promise<Response>;
  /** The token alone: shared in flight like the requests', rejects with an AuthFetchError when signed out. */
  getToken(options?: TokenOptions & { skipCache?: boolean; signal?: AbortSignal | null }): Promise<string>;
}

const LOOPBACK = /^(localhost|127(\.\d+){3}|\[::1\])$|\.localhost$/;

/** An allowed origin, checked once: exactly an origin, https unless loopback. */
function checkOrigin(origin: string): string {
  let url: URL | undefined;
  try {
    url = new URL(origin);
  } catch {
    // falls through to the error below
  }
  // '*' parses as a host letter: refuse it, or "https://*.example.com" would silently match nothing.
  if (
    !url ||
    url.origin !== origin ||
    origin.includes('*') ||
    (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.test(url.hostname)))
  ) {
    throw new TypeError(
      `allowedOrigins: "${origin}" is not an exact https origin like "https://api.example.com" (http only for localhost)`,
    );
  }
  return origin;
}

type ClerkErrorBody = { clerk_error?: { type?: unknown; reason?: unknown; metadata?: { reverification?: ReverificationNeed } } };

/**
 * Clerk's reverification answer (as `isReverificationHint` in @clerk/shared reads it): a 403 whose
 * JSON body is `{ clerk_error: { type: 'forbidden', reason: 'reverification-error' } }`. Read from a
 * clone, so `error.response` keeps its body; anything else (no JSON, another reason) is not one.
 */
const reverificationOf = (response: Response) =>
  response
    .clone()
    .json()
    .then(
      (body: ClerkErrorBody | null) => {
        const e = body?.clerk_error;
        return e?.type === 'forbidden' && e.reason === 'reverification-error' ? e : undefined;
      },
      () => undefined,
    );

/** A body that can be sent again after a 401 (not a stream, not an async iterable). */
const isReplayable = (body: unknown) => !('getReader' in Object(body) || Symbol.asyncIterator in Object(body));

/**
 * The token getter behind `fetchWithAuth.getToken`: concurrent calls with the same options share
 * one call to Clerk's getToken, which races `timeout`.
 */
function sharedTokenGetter(options: AuthFetchOptions, timeout: number): FetchWithAuth['getToken'] {
  const inFlight = new Map<string, Promise<string>>();
  return ({ signal, skipCache, template = options.template, organizationId = options.organizationId } = {}) => {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const key = `${!!skipCache}|${template}|${organizationId}`;
    let shared = inFlight.get(key);
    if (!shared) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      // Clerk's getToken, racing the timeout (whichever settles first wins). The error is built
      // only if the timer fires: an Error captures a stack, which costs more than the whole race.
      shared = new Promise<string>((resolve, reject) => {
        timer = setTimeout(
          () => reject(new AuthFetchError('token-timeout', `Clerk gave no token within ${timeout} ms: is <ClerkProvider> mounted?`)),
          timeout,
        );
        // (not resolve(promise): that would tie the outcome to Clerk's alone, past the timeout)
        options
          .getToken({ template, organizationId, skipCache })
          .then(
            (token) =>
              token ? resolve(token) : reject(new AuthFetchError('signed-out', 'Signed out: sign the user in first (check isSignedIn)')),
            reject,
          );
      }).finally(() => {
        clearTimeout(timer);
        inFlight.delete(key);
      });
      inFlight.set(key, shared);
    }
    if (!signal) return shared;
    // This caller stops waiting when its signal aborts; the shared fetch goes on for the others.
    // (The listener goes when the token settles: a long-lived signal collects none.)
    return new Promise<string>((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort);
      shared.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  };
}

/**
 * Resolves `href` against `base` and refuses (before anything is sent) a URL that is not on `home`
 * or an allowed origin. An http(s) URL with no userinfo always reads "<origin>/…": this one test
 * refuses javascript:, data:, blob: (whose origin is its creator's), file: and `https://user@host` alike.
 */
function checkUrl(href: string, base: string | URL | undefined, home: string | undefined, allowed: ReadonlySet<string>): string {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    throw new TypeError(`Not a URL: "${href}"${base ? '' : ' (no page: pass baseUrl)'}`);
  }
  const { origin } = url;
  if (!url.href.startsWith(`${origin}/`) || (origin !== home && !allowed.has(origin))) {
    throw new AuthFetchError(
      'origin-not-allowed',
      `Refused to send the session token to ${url.protocol}//${url.host}: not same-origin, not in allowedOrigins`,
    );
  }
  return url.href;
}

/**
 * Creates `fetchWithAuth`. Same-origin URLs and `allowedOrigins` get `Authorization: Bearer
 * <token>`; any other URL rejects with `AuthFetchError('origin-not-allowed')` before anything is
 * sent. A caller's own `Authorization` header wins: then no token is fetched and no 401 retried.
 */
export function createAuthFetch(options: AuthFetchOptions): FetchWithAuth {
  const allowed = new Set((options.allowedOrigins ?? []).map(checkOrigin));
  const timeout = options.timeout ?? 10_000;
  // Parsed once (a bad baseUrl fails here); the home origin where there is no page.
  const baseOrigin = options.baseUrl && new URL(options.baseUrl).origin;

  const getToken = sharedTokenGetter(options, timeout);

  const fetchWithAuth = async (input: RequestInfo | URL, init: AuthFetchInit = {}) => {
    const { json, template, organizationId, throwOnHttpError = options.throwOnHttpError ?? true, ...rest } = init;
    const request = typeof input === 'object' && 'url' in input ? input : undefined;
    const page = globalThis.location;
    const base = options.baseUrl ?? page?.href;
    const home = page?.origin ?? baseOrigin;
    const check = (href: string) => checkUrl(href, base, home, allowed);
    const href = check(request?.url ?? String(input));

    // A Headers object only when the caller gave headers (or json needs one): otherwise the token
    // goes as a plain record, which Node's fetch takes in far less time than a Headers object or
    // pairs (about 8% of the wall time of 100 calls, bench/auth-fetch.bench.mjs).
    const given = rest.headers ?? request?.headers;
    let headers = given && new Headers(given);
    let body = rest.body;
    if (json !== undefined) {
      if (body != null) throw new TypeError('Pass body or json, not both');
      body = JSON.stringify(json);
      rest.method ??= 'POST';
      headers ??= new Headers();
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    }
    const signal = rest.signal ?? request?.signal;
    const ours = !headers?.has('authorization');
    const fetchImpl = options.fetch ?? fetch;
    const send = (token?: string) => {
      const authorization = `Bearer ${token}`;
      // A record, or pairs after the caller's headers, not headers.set(): fetch then validates the
      // token's bytes once, not twice.
      const next: RequestInit = {
        ...rest,
        body,
        headers: ours ? (headers ? [...headers, ['authorization', authorization]] : { authorization }) : headers,
      };
      if (!request) return fetchImpl(href, next);
      // Checked again on the Request as built: a look-alike object or a subclass with its own
      // `url` getter cannot send the token somewhere other than what was checked above.
      const built = new Request(request, next);
      check(built.url);
      return fetchImpl(built);
    };
    // No async wrapper around send: each await is a promise and a hop before fetch starts.
    const authorizedSend = (skipCache?: boolean) => (ours ? getToken({ template, organizationId, skipCache, signal }).then(send) : send());

    let response = await authorizedSend();
    if (response.status === 401 && ours && isReplayable(body) && !request?.body) {
      await response.body?.cancel(); // free the connection; this answer is never read
      response = await authorizedSend(true);
    }
    if (throwOnHttpError && response.status >= 400) {
      const asked = response.status === 403 && (await reverificationOf(response));
      const code = asked ? 'reverification-required' : 'http';
      throw new AuthFetchError(code, `HTTP ${response.status} from ${href}`, response, asked ? asked.metadata?.reverification : undefined);
    }
    return response;
  };

  return Object.assign(fetchWithAuth, { getToken });
}
