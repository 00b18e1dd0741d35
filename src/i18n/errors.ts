import { errorKind, errorMessage } from '../core/errors';
import type { enCommon } from './en';

/**
 * A failure as people read it: a localized sentence for the kind of error (the headline, `error<Kind>` in the strings), and
 * Clerk's own message (for a details control or logs), never the other way round.
 */
export function describeError(t: typeof enCommon, error: unknown): { text: string; detail: string } {
  return { text: t[`error${errorKind(error)}`], detail: errorMessage(error) };
}
