/** Clerk's own message for a failed call (its longMessage when it has one), or '' without one. */
export function errorMessage(error: unknown): string {
  const e = error as { errors?: { longMessage?: unknown; message?: unknown }[]; message?: unknown } | null | undefined;
  const text = e?.errors?.[0]?.longMessage ?? e?.errors?.[0]?.message ?? e?.message;
  return typeof text === 'string' ? text.trim() : '';
}

/**
 * The kinds of failure a person can act on, read off Clerk's errors (ClerkAPIResponseError has a
 * `status` and `errors[].code`; ClerkRuntimeError a `code`) and the platform's (`fetch` rejects
 * with a TypeError when offline). Components show a localized sentence per kind and keep the raw
 * message for a details control.
 */
export type ErrorKind = 'Network' | 'RateLimited' | 'Unauthenticated' | 'Forbidden' | 'NotFound' | 'Unknown';

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
  resource_not_found: 'NotFound',
  404: 'NotFound',
};

/** Clerk's code decides, then the HTTP status; `fetch`'s TypeError (no status) is the network. */
export function errorKind(error: unknown): ErrorKind {
  const e = error as { status?: unknown; code?: unknown; name?: unknown; errors?: { code?: unknown }[] } | null | undefined;
  const status = typeof e?.status === 'number' ? e.status : undefined;
  if (e?.name === 'TypeError' && status === undefined) return 'Network';
  return KINDS[String(e?.errors?.[0]?.code ?? e?.code)] ?? KINDS[String(status)] ?? 'Unknown';
}
