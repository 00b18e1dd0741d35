'use client';
import type { ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { OrgSwitcher, PermissionGate, SessionList, SessionManager } from 'clerk-session-kit';
import 'clerk-session-kit/styles.css';

export function SecurityPage({ invoices }: { invoices: ReactNode }) {
  const router = useRouter();
  return (
    <>
      <OrgSwitcher onAfterSwitch={() => router.refresh()} />
      <PermissionGate permission="org:invoices:read" fallback={<p>No access to invoices.</p>}>
        {invoices}
      </PermissionGate>
      <SessionManager onEvent={(event) => event.type === 'signed-out' && router.push('/')} />
      <SessionList addAccount={{ href: '/sign-in' }} />
    </>
  );
}
