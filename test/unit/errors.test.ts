import { errorKind } from '../../src/core/errors';
import { MockClerkAPIError } from '../../src/testing/controls';
import { de, en } from '../../src/i18n';
import { describeError } from '../../src/i18n/errors';

describe('given errors from Clerk and the platform', () => {
  it.each([
    [new TypeError('Failed to fetch'), 'Network'],
    [{ code: 'network_error', message: 'Network error' }, 'Network'],
    [new MockClerkAPIError('slow down', { status: 429, code: 'too_many_requests' }), 'RateLimited'],
    [new MockClerkAPIError('who', { status: 401, code: 'authentication_invalid' }), 'Unauthenticated'],
    [new MockClerkAPIError('no', { status: 403, code: 'not_allowed_access' }), 'Forbidden'],
    [new MockClerkAPIError('gone', { status: 404, code: 'resource_not_found' }), 'NotFound'],
    [new MockClerkAPIError('boom', { status: 500 }), 'Unknown'],
    [new Error('plain'), 'Unknown'],
    ['a string', 'Unknown'],
    [null, 'Unknown'],
  ])('should read %o as %s', (error, kind) => {
    expect(errorKind(error)).toBe(kind);
  });
});

describe('given a known failure', () => {
  it('should headline a localized sentence and keep Clerk’s message as the detail', () => {
    const error = new MockClerkAPIError('Mock Clerk: revoke failed (injected failure)', { status: 429 });
    expect(describeError(en, error)).toEqual({
      text: en.errorRateLimited,
      detail: 'Mock Clerk: revoke failed (injected failure)',
    });
    expect(describeError(de, error).text).toBe(de.errorRateLimited);
  });
});
