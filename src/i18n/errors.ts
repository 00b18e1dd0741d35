import { errorKind, errorMessage, type ErrorKind } from '../core/errors';
import type { Localization } from './en';

const KEYS: Record<ErrorKind, keyof Localization> = {
  network: 'errorNetwork',
  rateLimited: 'errorRateLimited',
  unauthenticated: 'errorUnauthenticated',
  forbidden: 'errorForbidden',
  notFound: 'errorNotFound',
  unknown: 'errorUnknown',
};

/**
 * A failure as people read it: a localized sentence for the kind of error (the headline), and
 * Clerk's own message (for a details control or logs), never the other way round.
 */
export function describeError(t: Localization, error: unknown): { kind: ErrorKind; text: string; detail: string } {
  const kind = errorKind(error);
  return { kind, text: t[KEYS[kind]] as string, detail: errorMessage(error, '') };
}
