'use client';
import { useMemo } from 'react';
import { useAuth, useClerk } from '../clerk';
import { AuthFetchError, createAuthFetch, type AuthFetchOptions, type FetchWithAuth } from '../core/auth-fetch';

export type UseClerkTokenOptions = Omit<AuthFetchOptions, 'getToken'>;

export interface ClerkToken {
  /** Clerk has loaded (until then calls wait, up to `timeout`). */
  isLoaded: boolean;
  isSignedIn: boolean;
  /** The token alone (string), shared in flight; rejects with AuthFetchError('signed-out') when signed out. */
  getToken: FetchWithAuth['getToken'];
  /**
   * fetch with `Authorization: Bearer <token>` for same-origin URLs and `allowedOrigins` only.
   * An API asking for step-up verification (Clerk's `reverificationErrorResponse()`) rejects with
   * code 'reverification-required'; to run Clerk's flow and retry once, wrap the call in Clerk's
   * `useReverification` with `throwOnHttpError: false`, so the hook reads the 403 itself.
   */
  fetchWithAuth: FetchWithAuth;
}

const serverRender = () =>
  Promise.reject<never>(new AuthFetchError('server-render', 'No session in server rendering: call it in an effect or event handler'));
const onServer: FetchWithAuth = Object.assign(serverRender, { getToken: serverRender });

/**
 * The session token and a fetch that carries it, over Clerk's `useAuth()`. Both functions keep
 * their identity across renders while the options' values stay the same (an inline
 * `allowedOrigins` array is fine; pass a stable `fetch`).
 */
export function useClerkToken(options: UseClerkTokenOptions = {}): ClerkToken {
  const { isLoaded, isSignedIn, getToken } = useAuth();
  const clerk = useClerk();
  const { template, organizationId, fetch, throwOnHttpError, timeout } = options;
  const baseUrl = options.baseUrl?.toString();
  // Origins hold no spaces (each is validated as an exact origin), so joined they are a stable key.
  const origins = options.allowedOrigins?.join(' ');
  const client = useMemo(
    () =>
      createAuthFetch({
        ...options,
        // A session pending a task is signed out for useAuth() (as isSignedIn says), yet Clerk's
        // getToken still hands it a token: asked once Clerk has loaded, so also a function taken before.
        getToken: (o) => getToken(o).then((token) => (clerk.session?.status === 'pending' ? null : token)),
      }),
    // Every option by value, not the options object (new on each render): `options` is read only
    // when one of these changed, so what it holds then is what they hold.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [getToken, clerk, origins, template, organizationId, baseUrl, fetch, throwOnHttpError, timeout],
  );
  const live = typeof window === 'undefined' ? onServer : client;
  return { isLoaded, isSignedIn: !!isSignedIn, getToken: live.getToken, fetchWithAuth: live };
}
