'use client';
import { useMemo } from 'react';
import type { OrganizationMembershipResource } from '../../clerk';
import type { OrgOption } from './org-switcher-types';

/**
 * The list's options: the personal account first (`personal` is its name; null leaves it out),
 * then the memberships, those whose name or slug contains `needle` (lower case).
 */
export function useOptions(memberships: OrganizationMembershipResource[], needle: string, personal: string | null) {
  const searchable = useMemo(
    () =>
      memberships.map((m): OrgOption & { hay: string } => ({
        kind: 'organization',
        id: m.organization.id,
        name: m.organization.name,
        membership: m,
        hay: `${m.organization.name}\n${m.organization.slug ?? ''}`.toLocaleLowerCase(),
      })),
    [memberships],
  );
  return useMemo(() => {
    // One pass, one array: with 10,000 memberships every copy counts on each keystroke.
    const out: OrgOption[] =
      personal === null || !personal.toLocaleLowerCase().includes(needle) ? [] : [{ kind: 'personal', id: 'personal', name: personal }];
    for (const o of searchable) if (o.hay.includes(needle)) out.push(o);
    return out;
  }, [needle, personal, searchable]);
}
