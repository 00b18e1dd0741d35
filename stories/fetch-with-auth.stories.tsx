import type { Meta, StoryObj } from '@storybook/nextjs-vite';
import { delay, http, HttpResponse } from 'msw';
import { expect, waitFor, within } from 'storybook/test';
import { createMockApiHandlers } from '../src/testing/msw';
import { getMockClerk } from '../src/testing/storybook';
import type { MockClerk } from '../src/testing';
import { StepUpDemo } from './fetch-with-auth.reverification';
import { FetchPlayground } from './support/fetch-playground';

/**
 * `useClerkToken().fetchWithAuth` against an API mocked with MSW (`clerk-session-kit/testing/msw`,
 * checking the mock's tokens and their expiry on the mock's clock). Each button is one case; the
 * list shows every request as it left (with the tail of its token) and every answer.
 *
 * `const { fetchWithAuth } = useClerkToken({ allowedOrigins: ['https://api.example.com'] })`;
 * a failure rejects with an `AuthFetchError` whose `code` is `origin-not-allowed`, `signed-out`,
 * `server-render`, `token-timeout`, `http` or `reverification-required` (Clerk's step-up 403, see
 * [Reverification](?path=/story/hooks-useclerktoken--reverification)).
 *
 * More in the sidebar: [Signed Out](?path=/story/hooks-useclerktoken--signed-out) (every call
 * refused before anything is sent).
 */
const meta = {
  title: 'Hooks/useClerkToken',
  component: FetchPlayground,
  parameters: {
    clerk: {
      persona: 'orgMember',
      options: { templates: { api: () => ({ aud: 'https://api.example.com' }) } },
    },
  },
  args: { expireTokens: () => {} },
  argTypes: { expireTokens: { control: false } },
  beforeEach(context) {
    const clerk = getMockClerk(context);
    context.msw.use(
      ...createMockApiHandlers({ now: clerk.mock.now }),
      http.get('*/api/slow', async () => {
        await delay(5_000);
        return HttpResponse.json({ late: true });
      }),
    );
  },
  render: (_, context) => <FetchPlayground expireTokens={() => getMockClerk(context).mock.expireTokens()} />,
} satisfies Meta<typeof FetchPlayground>;
export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = Parameters<NonNullable<Story['play']>>[0]['canvas'];
type User = Parameters<NonNullable<Story['play']>>[0]['userEvent'];

/** Clicks a case's button and returns its entry once the outcome is in. */
async function runCase(canvas: Canvas, userEvent: User, name: string) {
  const button = canvas.getByRole('button', { name });
  await userEvent.click(button);
  const entry = await canvas.findByRole('listitem', { name });
  await waitFor(() => expect(within(entry).getByRole('status', { name: 'Outcome' })).not.toHaveTextContent(/^…$/), {
    timeout: 4000,
  });
  // Whether Chromium rings a clicked button (:focus-visible) varies with its version and load;
  // the story is not about focus, so it leaves none behind for the visual test.
  button.blur();
  const wire = within(entry)
    .queryAllByRole('listitem')
    .map((li) => li.textContent);
  return { outcome: within(entry).getByRole('status', { name: 'Outcome' }), wire };
}

/** Every case in turn: 200 with a token, 401 then refreshed, cross-origin refused, template, aborted, signed out. */
export const Playground: Story = {
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByRole('status', { name: 'Clerk' })).toHaveTextContent('Clerk: loaded, signed in');

    const ok = await runCase(canvas, userEvent, 'Call /api/me');
    await expect(ok.outcome).toHaveTextContent('200 {"userId":"user_ada","sessionId":"sess_ada","orgId":"org_acme"');
    await expect(ok.wire).toEqual([expect.stringMatching(/^→ GET \/api\/me · Bearer …\S{8}$/), '← 200 /api/me']);

    const refreshed = await runCase(canvas, userEvent, 'Expire the token, then call');
    await expect(refreshed.outcome).toHaveTextContent('200 {"userId":"user_ada"');
    await expect(refreshed.wire).toEqual([
      expect.stringMatching(/^→ GET \/api\/me · Bearer …/),
      '← 401 /api/me',
      expect.stringMatching(/^→ GET \/api\/me · Bearer …/),
      '← 200 /api/me',
    ]);
    await expect(refreshed.wire[0]).not.toBe(refreshed.wire[2]);

    const refused = await runCase(canvas, userEvent, 'Call https://evil.test');
    await expect(refused.outcome).toHaveTextContent(
      'AuthFetchError origin-not-allowed: Refused to send the session token to https://evil.test',
    );
    await expect(refused.outcome).toHaveTextContent('(nothing sent)');
    await expect(refused.wire).toEqual([]);

    const template = await runCase(canvas, userEvent, 'Call with the "api" template');
    await expect(template.outcome).toHaveTextContent('200 aud=https://api.example.com sub=user_ada');
    await expect(template.wire).toHaveLength(2);

    const aborted = await runCase(canvas, userEvent, 'Call a slow API, abort after 100 ms');
    await expect(aborted.outcome).toHaveTextContent(/^AbortError: /);
    await expect(aborted.wire).toEqual([expect.stringMatching(/^→ GET \/api\/slow · Bearer …/), '× /api/slow AbortError']);

    const signedOut = await runCase(canvas, userEvent, 'Sign out, then call');
    await expect(signedOut.outcome).toHaveTextContent(
      'AuthFetchError signed-out: Signed out: sign the user in first (check isSignedIn) (nothing sent)',
    );
    await expect(canvas.getByRole('status', { name: 'Clerk' })).toHaveTextContent('Clerk: loaded, signed out');
  },
};

/** Signed out from the start: every call is refused before anything is sent. */
export const SignedOut: Story = {
  tags: ['!autodocs'],
  parameters: { clerk: { persona: 'signedOut' } },
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByRole('status', { name: 'Clerk' })).toHaveTextContent('Clerk: loaded, signed out');
    const call = await runCase(canvas, userEvent, 'Call /api/me');
    await expect(call.outcome).toHaveTextContent('AuthFetchError signed-out');
    await expect(call.wire).toEqual([]);
  },
};

/** What `reverificationErrorResponse('strict')` (@clerk/nextjs/server) answers, byte for byte. */
const reverificationErrorResponse = (level: string) =>
  new Response(
    JSON.stringify({ clerk_error: { type: 'forbidden', reason: 'reverification-error', metadata: { reverification: level } } }),
    {
      status: 403,
    },
  );

/** The sessions whose user completed the mock's verification flow: the transfer API then accepts. */
const verified = new WeakSet<MockClerk>();

/**
 * An API route that needs step-up verification answers with Clerk's
 * `reverificationErrorResponse('strict')` until the user verified again. `fetchWithAuth` alone
 * rejects with `AuthFetchError` code `reverification-required` (the level asked for in
 * `error.reverification`). Through Clerk's own `useReverification` (with `throwOnHttpError: false`,
 * so the hook reads the 403 itself) Clerk's verification flow opens; the mock renders no modal, so a
 * stand-in shows while `clerk.mock.reverification` holds the flow. Cancelled, the hook rejects with
 * Clerk's `reverification_cancelled`; verified, it calls again once and resolves with the answer.
 */
export const Reverification: Story = {
  beforeEach(context) {
    const clerk = getMockClerk(context);
    context.msw.use(
      http.post('*/api/transfer', ({ request }) =>
        !request.headers.get('authorization')
          ? new HttpResponse(null, { status: 401 })
          : verified.has(clerk)
            ? HttpResponse.json({ transferred: true })
            : reverificationErrorResponse('strict'),
      ),
    );
  },
  render: (_, context) => <StepUpDemo mock={getMockClerk(context).mock} onVerified={() => verified.add(getMockClerk(context))} />,
  play: async ({ canvas, userEvent }) => {
    const outcome = (name: string) => within(canvas.getByRole('listitem', { name })).getByRole('status', { name: 'Outcome' });
    const alone = 'Transfer with fetchWithAuth alone';
    const hooked = 'Transfer through useReverification';
    await userEvent.click(canvas.getByRole('button', { name: alone }));
    await waitFor(() => expect(outcome(alone)).toHaveTextContent('AuthFetchError reverification-required (asks for "strict")'));

    await userEvent.click(canvas.getByRole('button', { name: hooked }));
    const first = await canvas.findByRole('dialog', { name: /Verify it’s you/ });
    await expect(first).toHaveTextContent('Level asked for: second_factor');
    await userEvent.click(within(first).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(outcome(hooked)).toHaveTextContent(/^reverification_cancelled: /));
    await expect(canvas.queryByRole('dialog')).not.toBeInTheDocument();

    await userEvent.click(canvas.getByRole('button', { name: hooked }));
    await userEvent.click(within(await canvas.findByRole('dialog')).getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(outcome(hooked)).toHaveTextContent('resolved {"transferred":true}'));
    await expect(canvas.queryByRole('dialog')).not.toBeInTheDocument();
  },
};
