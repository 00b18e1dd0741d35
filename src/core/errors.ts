/** The message to show for a failed call: Clerk's longMessage when it has one. */
export function errorMessage(error: unknown, fallback: string): string {
  if (error && typeof error === 'object') {
    const first = (error as { errors?: { longMessage?: string; message?: string }[] }).errors?.[0];
    const text = first?.longMessage ?? first?.message ?? (error as { message?: unknown }).message;
    if (typeof text === 'string' && text.trim()) return text;
  }
  return fallback;
}

/**
 * The kinds of failure a person can act on, read off Clerk's errors (ClerkAPIResponseError has a
 * `status` and `errors[].code`; ClerkRuntimeError a `code`) and the platform's (`fetch` rejects
 * with a TypeError when offline). Components show a localized sentence per kind and keep the raw
 * message for a details control.
 */
export type ErrorKind = 'network' | 'rateLimited' | 'unauthenticated' | 'forbidden' | 'notFound' | 'unknown';

export function errorKind(error: unknown): ErrorKind {
  if (!error || typeof error !== 'object') return 'unknown';
  const e = error as { status?: unknown; code?: unknown; name?: unknown; errors?: { code?: unknown }[] };
  const code = String(e.errors?.[0]?.code ?? e.code ?? '');
  const status = typeof e.status === 'number' ? e.status : undefined;
  if (code === 'network_error' || (e.name === 'TypeError' && status === undefined)) return 'network';
  if (status === 429 || code === 'too_many_requests') return 'rateLimited';
  if (status === 401 || code === 'authentication_invalid' || code === 'session_not_found') return 'unauthenticated';
  if (status === 403 || code === 'not_allowed_access' || code === 'authorization_invalid') return 'forbidden';
  if (status === 404 || code === 'resource_not_found') return 'notFound';
  return 'unknown';
}
