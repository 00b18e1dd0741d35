import type { Meta, StoryObj } from '@storybook/nextjs-vite';
import { useAuth } from '@clerk/react';
import { useState } from 'react';
import { expect } from 'storybook/test';

/** An app component that calls its own API with the Clerk session token, as app code does. */
function CallMyApi() {
  const { getToken } = useAuth();
  const [result, setResult] = useState<string>('Not called yet');
  const call = async () => {
    const token = await getToken();
    const res = await fetch('/api/me', { headers: token ? { authorization: `Bearer ${token}` } : {} });
    setResult(`${res.status} ${JSON.stringify(await res.json())}`);
  };
  return (
    <div className="demo-panel">
      <button type="button" className="demo-button" onClick={() => void call()}>
        Call /api/me
      </button>
      <output aria-label="API response" style={{ display: 'block', fontFamily: 'monospace', fontSize: 13, wordBreak: 'break-all' }}>
        {result}
      </output>
    </div>
  );
}

/**
 * The MSW handler from `clerk-session-kit/testing/msw` stands in for your API: it accepts only a
 * Bearer token issued by the mock Clerk.
 */
const meta = {
  title: 'Testing/Mock API (MSW)',
  component: CallMyApi,
  parameters: { clerk: { persona: 'orgMember' } },
} satisfies Meta<typeof CallMyApi>;
export default meta;
type Story = StoryObj<typeof meta>;

export const SignedIn: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Call /api/me' }));
    await expect(await canvas.findByText(/^200 /)).toHaveTextContent('"userId":"user_ada"');
    await expect(canvas.getByRole('status', { name: 'API response' })).toHaveTextContent('"orgId":"org_acme"');
  },
};

export const SignedOut: Story = {
  parameters: { clerk: { persona: 'signedOut' } },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Call /api/me' }));
    await expect(await canvas.findByText(/^401 /)).toHaveTextContent('unauthenticated');
  },
};
