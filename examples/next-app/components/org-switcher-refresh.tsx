'use client';
import { useRouter } from 'next/navigation';
import { OrgSwitcher } from 'clerk-session-kit';

/** OrgSwitcher that re-renders the server components for the new organization once it switched. */
export function OrgSwitcherRefresh() {
  const router = useRouter();
  return <OrgSwitcher onAfterSwitch={() => router.refresh()} />;
}
