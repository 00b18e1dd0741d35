import type { Meta, StoryObj } from '@storybook/nextjs-vite';
import { expect, waitFor, within } from 'storybook/test';
import { SessionList, SessionManager } from '../src';
import { de } from '../src/i18n/de';
import type { Persona } from '../src/testing';
import { ago, longText } from './support/stress-personas';
import { allStatesParameters, Panel } from './support/demo';
import { MockClerkProvider } from '../src/testing';

/**
 * Stress stories for the visual tests: long names and emails, IPv6 addresses, 50 accounts,
 * 500 devices, German. Each must stay inside its box at 320, 390 and 1280 px.
 *
 * This page shows Long Text only. More in the sidebar:
 * [Long Text German](?path=/story/stress-sessions--long-text-german),
 * [Fifty Accounts](?path=/story/stress-sessions--fifty-accounts) and
 * [Five Hundred Devices](?path=/story/stress-sessions--five-hundred-devices).
 */
const meta = {
  title: 'Stress/Sessions',
  parameters: { ...allStatesParameters },
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

const fiftyAccounts: Persona = {
  state: {
    users: Array.from({ length: 50 }, (_, i) => ({
      id: `user_${i}`,
      firstName: `Person ${String(i + 1).padStart(2, '0')}`,
      lastName: i % 7 === 0 ? 'With-A-Rather-Long-Double-Barrelled-Surname' : 'Example',
      emailAddress: `person${i + 1}@example.com`,
    })),
    sessions: Array.from({ length: 50 }, (_, i) => ({
      id: `sess_${i}`,
      userId: `user_${i}`,
      lastActiveAt: ago(i * 7),
    })),
    activeSessionId: 'sess_0',
  },
};

const fiveHundredDevices: Persona = {
  state: {
    users: [
      {
        id: 'user_ada',
        firstName: 'Ada',
        lastName: 'Lovelace',
        emailAddress: 'ada@example.com',
        devices: Array.from({ length: 499 }, (_, i) => ({
          id: `sess_dev_${i}`,
          lastActiveAt: ago(5 + i * 13),
          latestActivity:
            i % 3 === 0
              ? {
                  browserName: 'Firefox',
                  browserVersion: `${120 + (i % 20)}.0`,
                  deviceType: 'Linux',
                  city: 'Paris',
                  country: 'FR',
                  ipAddress: `2001:db8::${i.toString(16)}`,
                }
              : i % 3 === 1
                ? {
                    browserName: 'Safari',
                    browserVersion: '19.0',
                    deviceType: 'iPhone',
                    isMobile: true,
                    city: 'Lisbon',
                    country: 'PT',
                    ipAddress: `198.51.100.${i % 250}`,
                  }
                : {
                    browserName: 'Chrome',
                    browserVersion: '142.0',
                    deviceType: 'iPad',
                    isMobile: true,
                    city: 'Berlin',
                    country: 'DE',
                    ipAddress: `203.0.113.${i % 250}`,
                  },
        })),
      },
    ],
    sessions: [{ id: 'sess_ada', userId: 'user_ada' }],
  },
};

/** Long names, long emails, IPv6 addresses and a long city: truncated with the full value in `title`, nothing overflows. */
export const LongText: Story = {
  parameters: allStatesParameters,
  render: () => (
    <div className="demo-stack">
      <Panel title="SessionManager">
        <MockClerkProvider options={longText}>
          <SessionManager />
        </MockClerkProvider>
      </Panel>
      <Panel title="SessionList">
        <MockClerkProvider options={longText}>
          <SessionList addAccount={{ href: '#sign-in' }} />
        </MockClerkProvider>
      </Panel>
    </div>
  ),
  play: async ({ canvas, canvasElement }) => {
    const devices = within(await canvas.findByRole('region', { name: 'Your devices' }));
    await expect(await devices.findAllByRole('listitem')).toHaveLength(4);
    await expect(devices.getByText('2001:0db8:85a3:0000:0000:8a2e:0370:7334', { exact: false, ignore: 'script' })).toBeInTheDocument();
    for (const root of canvasElement.querySelectorAll<HTMLElement>('[data-csk-root]'))
      await expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth);
  },
};

/** The same long text in German. */
export const LongTextGerman: Story = {
  tags: ['!autodocs'],
  parameters: allStatesParameters,
  render: () => (
    <div className="demo-stack">
      <MockClerkProvider options={longText}>
        <SessionManager localization={de} />
      </MockClerkProvider>
      <MockClerkProvider options={longText}>
        <SessionList localization={de} addAccount={{ href: '#sign-in' }} />
      </MockClerkProvider>
    </div>
  ),
  play: async ({ canvas, canvasElement }) => {
    await expect(await within(await canvas.findByRole('region', { name: 'Ihre Geräte' })).findAllByRole('listitem')).toHaveLength(4);
    for (const root of canvasElement.querySelectorAll<HTMLElement>('[data-csk-root]'))
      await expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth);
  },
};

/** 50 accounts on one browser. */
export const FiftyAccounts: Story = {
  tags: ['!autodocs'],
  parameters: allStatesParameters,
  render: () => (
    <MockClerkProvider options={fiftyAccounts}>
      <SessionList />
    </MockClerkProvider>
  ),
  play: async ({ canvas }) => {
    await expect(within(canvas.getByRole('region', { name: 'Accounts on this browser' })).getAllByRole('listitem')).toHaveLength(50);
  },
};

/** 500 device sessions, in a page that scrolls. */
export const FiveHundredDevices: Story = {
  tags: ['!autodocs'],
  parameters: allStatesParameters,
  render: () => (
    <div className="demo-scroll">
      <MockClerkProvider options={fiveHundredDevices}>
        <SessionList />
      </MockClerkProvider>
    </div>
  ),
  play: async ({ canvas }) => {
    await waitFor(() => expect(within(canvas.getByRole('region', { name: 'Your devices' })).getAllByRole('listitem')).toHaveLength(500), {
      timeout: 10_000,
    });
  },
};
