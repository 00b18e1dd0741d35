// @vitest-environment node
/**
 * createAuthFetch and step-up verification: an app's API that needs the user to verify again
 * answers with Clerk's `reverificationErrorResponse()` (a 403, `clerk_error.reason`
 * 'reverification-error'); fetchWithAuth names that answer with its own code and nothing else.
 * The bodies are built by Clerk's own functions from @clerk/shared, as a route handler builds them.
 */
import { isReverificationHint, reverificationError, reverificationErrorResponse } from '@clerk/shared/authorization-errors';
import { describe, expect, it, vi } from 'vitest';
import { AuthFetchError, createAuthFetch, type GetToken } from '../../src/core/auth-fetch';

const URL_ = 'https://app.example.com/api/transfer';

function setup(answer: () => Response) {
  const fetch = vi.fn(async () => answer());
  const getToken = vi.fn<GetToken>(async () => 'token');
  return { fetchWithAuth: createAuthFetch({ getToken, baseUrl: URL_, fetch }), fetch, getToken };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );

describe("given Clerk's reverification answer from the app's API", () => {
  it.each([
    ['a level by name', 'strict' as const],
    ['a level and age', { level: 'second_factor' as const, afterMinutes: 10 as const }],
  ])('should reject with code reverification-required, carrying %s', async (_, need) => {
    const { fetchWithAuth } = setup(() => reverificationErrorResponse(need));
    const error = await failure(fetchWithAuth('/api/transfer', { method: 'POST' }));
    expect(error).toBeInstanceOf(AuthFetchError);
    expect(error).toMatchObject({ name: 'AuthFetchError', code: 'reverification-required', reverification: need });
  });

  it('should reject with the code and no level when the server named none', async () => {
    const { fetchWithAuth } = setup(() => reverificationErrorResponse());
    const error = await failure(fetchWithAuth('/api/transfer'));
    expect(error).toMatchObject({ code: 'reverification-required', reverification: undefined });
  });

  it("should keep the answer's body readable on the error, for a caller that wants Clerk's hint", async () => {
    const { fetchWithAuth } = setup(() => reverificationErrorResponse('strict_mfa'));
    const error = await failure(fetchWithAuth('/api/transfer'));
    if (!(error instanceof AuthFetchError) || !error.response) throw new Error('expected an AuthFetchError with its response');
    expect(error.response.status).toBe(403);
    expect(isReverificationHint(await error.response.json())).toBe(true);
  });

  it("should return the 403 as it is with throwOnHttpError: false, the Response Clerk's useReverification reads", async () => {
    const { fetchWithAuth } = setup(() => reverificationErrorResponse('strict'));
    const response = await fetchWithAuth('/api/transfer', { throwOnHttpError: false });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual(reverificationError('strict'));
  });

  it('should not retry it: one request, one token', async () => {
    const { fetchWithAuth, fetch, getToken } = setup(() => reverificationErrorResponse('strict'));
    await failure(fetchWithAuth('/api/transfer'));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(getToken).toHaveBeenCalledTimes(1);
  });
});

describe('given answers that only look like it', () => {
  const json = (body: unknown, status = 403) => new Response(JSON.stringify(body), { status });
  const lookAlikes: [string, () => Response][] = [
    ['a plain 403 with no body', () => new Response(null, { status: 403 })],
    ['a 403 with a text body', () => new Response('Forbidden', { status: 403 })],
    ['a 403 whose JSON is null', () => json(null)],
    ['a 403 with another clerk_error reason', () => json({ clerk_error: { type: 'forbidden', reason: 'missing-permission' } })],
    ['a 403 with another clerk_error type', () => json({ clerk_error: { type: 'unauthorized', reason: 'reverification-error' } })],
    ['a 403 with the reason at the top level', () => json({ type: 'forbidden', reason: 'reverification-error' })],
    ["a 401 with Clerk's reverification body", () => json(reverificationError('strict'), 401)],
    [
      "the Frontend API's error shape (errors[].code), which comes from Clerk, never from the app's API",
      () => json({ errors: [{ code: 'session_reverification_required' }] }),
    ],
  ];

  it.each(lookAlikes)('should reject %s with code http', async (_, answer) => {
    const { fetchWithAuth } = setup(answer);
    const error = await failure(fetchWithAuth('/api/transfer'));
    expect(error).toBeInstanceOf(AuthFetchError);
    expect(error).toMatchObject({ code: 'http' });
  });

  it("should resolve a 200 that carries Clerk's reverification body: only an error answer is one", async () => {
    const { fetchWithAuth } = setup(() => json(reverificationError('strict'), 200));
    await expect(fetchWithAuth('/api/transfer')).resolves.toMatchObject({ status: 200 });
  });

  it("should leave an 'http' error's body unread", async () => {
    const { fetchWithAuth } = setup(() => json({ clerk_error: { type: 'forbidden', reason: 'other' } }));
    const error = await failure(fetchWithAuth('/api/transfer'));
    if (!(error instanceof AuthFetchError) || !error.response) throw new Error('expected an AuthFetchError with its response');
    expect(error.response.bodyUsed).toBe(false);
    expect(await error.response.json()).toEqual({ clerk_error: { type: 'forbidden', reason: 'other' } });
  });
});
