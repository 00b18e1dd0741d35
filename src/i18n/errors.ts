import { errorKind, errorMessage, type ErrorKind } from '../core/errors';
import type { enCommon } from './en';

/**
 * A failure as people read it: a localized sentence for the kind of error (the headline), and
 * Clerk's own message (for a details control or logs), never the other way round.
 */
export function describeError(t: typeof enCommon, error: unknown): { kind: ErrorKind; text: string; detail: string } {
  const kind = errorKind(error);
  return { kind, text: t[`error${kind[0]!.toUpperCase()}${kind.slice(1)}` as keyof typeof enCommon], detail: errorMessage(error) };
}
