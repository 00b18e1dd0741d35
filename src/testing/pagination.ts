/**
 * Clerk's paginated lists, as the Frontend API answers them. clerk-js turns
 * `{ initialPage, pageSize }` into `limit = pageSize ?? 10` and `offset = (initialPage - 1) * limit`
 * without checking either; the Frontend API accepts `limit` from 1 to 500 and answers anything
 * else with a 422 `form_param_value_invalid`. The mock refuses the same way, so code that asks
 * for 1,000 rows fails in tests as it would in production.
 */
import { MAX_PAGE_SIZE } from '../core/clerk-rules';
import { MockClerkAPIError } from './controls';

export { MAX_PAGE_SIZE };

export interface PageParams {
  initialPage?: number;
  pageSize?: number;
}

const invalid = (param: 'limit' | 'offset', value: number) =>
  new MockClerkAPIError(`${value} does not match one of the allowed values for parameter ${param}`, {
    code: 'form_param_value_invalid',
    status: 422,
    shortMessage: 'is invalid',
    meta: { paramName: param },
  });

/** One page of `items`, or a 422 like Clerk's for a page size outside 1..500 or a negative offset. */
export function paginate<T>(items: readonly T[], params: PageParams = {}): { data: T[]; total_count: number } {
  const limit = params.pageSize ?? 10;
  const offset = ((params.initialPage ?? 1) - 1) * limit;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) throw invalid('limit', limit);
  if (!Number.isInteger(offset) || offset < 0) throw invalid('offset', offset);
  return { data: items.slice(offset, offset + limit), total_count: items.length };
}
