import type { Meta, StoryObj } from '@storybook/nextjs-vite';
import type { ReactNode } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { KitProvider, OrgSwitcher, PermissionGate, SessionList, SessionManager } from '../../src';
import { ar } from '../../src/i18n/ar';
import { devices, mergePersona, personas } from '../../src/testing';
import { Allowed, Denied } from '../support/demo';

/**
 * Every component in Arabic, right to left, on a 390 px phone: the page sets `dir="rtl"` and
 * `lang="ar"` on an ancestor, the kit follows (logical properties: starts are on the right, the
 * ⋯ menu and the OrgSwitcher popover line up with their trigger's right edge).
 */
const Phone = ({ children }: { children: ReactNode }) => (
  <div dir="rtl" lang="ar" style={{ width: 390, boxSizing: 'border-box' }}>
    <KitProvider localization={ar}>{children}</KitProvider>
  </div>
);

const meta = {
  title: 'Guides/Right to left',
  tags: ['!autodocs'],
  decorators: [
    (Story) => (
      <Phone>
        <Story />
      </Phone>
    ),
  ],
  parameters: { clerk: { persona: 'orgMember' } },
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;
type Ctx = Parameters<NonNullable<Story['play']>>[0];

const body = (el: HTMLElement) => within(el.ownerDocument.body);
const accountsAndDevices = mergePersona(personas.multiSession, {
  state: { users: [{ id: 'user_ada', devices: devices.slice(0, 4) }] },
});

/** This session: its details, sign out, sign out everywhere. */
export const Manager: Story = {
  render: () => <SessionManager />,
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'تسجيل الخروج' })).toBeInTheDocument();
    await expect(canvas.getByRole('button', { name: 'تسجيل الخروج من جميع الأجهزة' })).toBeInTheDocument();
  },
};

/** Accounts on this browser and the other devices; each row's actions in a ⋯ menu at this width. */
export const List: Story = {
  parameters: { clerk: { persona: accountsAndDevices } },
  render: () => <SessionList addAccount={{ href: '#sign-in' }} />,
  play: async ({ canvas }) => {
    const devicesRegion = within(await canvas.findByRole('region', { name: 'أجهزتك' }));
    await waitFor(() => expect(devicesRegion.getAllByRole('listitem')).toHaveLength(5));
    await expect(canvas.getByRole('region', { name: 'الحسابات على هذا المتصفح' })).toBeInTheDocument();
  },
};

/** A device row's ⋯ menu, opened: it hangs from the ⋯ button toward the row's start (the right). */
export const ListRowMenu: Story = {
  parameters: { clerk: { persona: accountsAndDevices } },
  render: () => <SessionList addAccount={{ href: '#sign-in' }} />,
  play: async ({ canvas, userEvent, canvasElement }: Ctx) => {
    const more = await canvas.findByRole('button', { name: 'إجراءات Safari 19, iPhone, Lisbon' });
    await userEvent.click(more);
    const menu = await body(canvasElement).findByRole('menu', { name: 'إجراءات Safari 19, iPhone, Lisbon' });
    await expect(within(menu).getByRole('menuitem', { name: 'إبطال الجلسة' })).toBeInTheDocument();
  },
};

/** The revoke confirmation: a modal dialog, its buttons in reading order. */
export const RevokeConfirmation: Story = {
  parameters: { clerk: { persona: accountsAndDevices } },
  render: () => <SessionList addAccount={{ href: '#sign-in' }} />,
  play: async ({ canvas, userEvent, canvasElement }: Ctx) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'إجراءات Safari 19, iPhone, Lisbon' }));
    await userEvent.click(await body(canvasElement).findByRole('menuitem', { name: 'إبطال الجلسة' }));
    const dialog = await body(canvasElement).findByRole('dialog', { name: 'إبطال هذه الجلسة؟' });
    await expect(within(dialog).getByRole('button', { name: 'إبطال الجلسة' })).toBeInTheDocument();
  },
};

/** The OrgSwitcher, open: search, the personal account and the memberships, aligned to the right. */
export const Switcher: Story = {
  render: () => <OrgSwitcher createOrganization="#create-organization" />,
  play: async ({ canvas, userEvent }: Ctx) => {
    await userEvent.click(await canvas.findByRole('button', { expanded: false }));
    const dialog = within(await canvas.findByRole('dialog', { name: 'تبديل المنظمة' }));
    await expect(dialog.getByRole('combobox', { name: 'البحث في المنظمات' })).toBeInTheDocument();
    await expect(await dialog.findByRole('option', { name: /الحساب الشخصي/ })).toBeInTheDocument();
  },
};

/** PermissionGate: the member sees what their role allows and the fallback for the rest. */
export const Gate: Story = {
  render: () => (
    <>
      <PermissionGate permission="org:invoices:read" fallback={<Denied>لا يمكنك الوصول إلى الفواتير.</Denied>}>
        <Allowed>الفواتير: مرئية لك</Allowed>
      </PermissionGate>
      <PermissionGate role="org:admin" fallback={<Denied>الإعدادات للمسؤولين فقط.</Denied>}>
        <Allowed>الإعدادات</Allowed>
      </PermissionGate>
    </>
  ),
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('الفواتير: مرئية لك')).toBeInTheDocument();
    await expect(canvas.getByText('الإعدادات للمسؤولين فقط.')).toBeInTheDocument();
  },
};
