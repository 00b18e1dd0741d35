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
export type ErrorKind = 'network' | 'rateLimited' | 'unauthenticated' | 'forbidden' | 'notFound' | 'unknown';

/** Clerk's error codes and HTTP statuses, by the kind a person can act on. */
const KINDS: Record<string, ErrorKind> = {
  network_error: 'network',
  too_many_requests: 'rateLimited',
  429: 'rateLimited',
  authentication_invalid: 'unauthenticated',
  session_not_found: 'unauthenticated',
  401: 'unauthenticated',
  not_allowed_access: 'forbidden',
  authorization_invalid: 'forbidden',
  403: 'forbidden',
  resource_not_found: 'notFound',
  404: 'notFound',
};

/** Clerk's code decides, then the HTTP status; `fetch`'s TypeError (no status) is the network. */
export function errorKind(error: unknown): ErrorKind {
  const e = error as { status?: unknown; code?: unknown; name?: unknown; errors?: { code?: unknown }[] } | null | undefined;
  const status = typeof e?.status === 'number' ? e.status : undefined;
  if (e?.name === 'TypeError' && status === undefined) return 'network';
  return KINDS[String(e?.errors?.[0]?.code ?? e?.code)] ?? KINDS[String(status)] ?? 'unknown';
}
