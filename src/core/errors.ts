import { field } from './field';

/** `errors[0]` of a ClerkAPIResponseError (`{ code, message, longMessage, meta }`), if the error has one. */
const firstClerkError = (error: unknown): unknown => {
  const errors = field(error, 'errors');
  return Array.isArray(errors) ? errors[0] : undefined;
};

/** Clerk's own message for a failed call (its longMessage when it has one), or '' without one. */
export function errorMessage(error: unknown): string {
  const first = firstClerkError(error);
  const text = field(first, 'longMessage') ?? field(first, 'message') ?? field(error, 'message');
  return typeof text === 'string' ? text.trim() : '';
}

/**
 * The kinds of failure a person can act on, read off Clerk's errors (ClerkAPIResponseError has a
 * `status` and `errors[].code`; ClerkRuntimeError a `code`) and the platform's (`fetch` rejects
 * with a TypeError when offline). Components show a localized sentence per kind and keep the raw
 * message for a details control.
 */
export type ErrorKind = 'Network' | 'RateLimited' | 'Unauthenticated' | 'Forbidden' | 'Reverification' | 'NotFound' | 'Unknown';

/** Clerk's error codes and HTTP statuses, by the kind a person can act on. */
const KINDS: Record<string, ErrorKind> = {
  network_error: 'Network',
  too_many_requests: 'RateLimited',
  429: 'RateLimited',
  authentication_invalid: 'Unauthenticated',
  session_not_found: 'Unauthenticated',
  401: 'Unauthenticated',
  not_allowed_access: 'Forbidden',
  authorization_invalid: 'Forbidden',
  403: 'Forbidden',
  // Step-up verification: asked by the Frontend API, or cancelled by the user (useReverification's
  // ClerkRuntimeError); nothing was changed either way.
  session_reverification_required: 'Reverification',
  reverification_cancelled: 'Reverification',
  resource_not_found: 'NotFound',
  404: 'NotFound',
};

/** Clerk's code decides, then the HTTP status; `fetch`'s TypeError (no status) is the network. */
export function errorKind(error: unknown): ErrorKind {
  const given = field(error, 'status');
  const status = typeof given === 'number' ? given : undefined;
  if (field(error, 'name') === 'TypeError' && status === undefined) return 'Network';
  return KINDS[String(field(firstClerkError(error), 'code') ?? field(error, 'code'))] ?? KINDS[String(status)] ?? 'Unknown';
}
