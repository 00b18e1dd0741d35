'use client';
import { useMemo } from 'react';
import type { OrganizationMembershipResource } from '../../clerk';
import type { OrgOption } from './org-switcher-types';

/**
 * The list's options: the personal account first (`personal` is its name; null leaves it out),
 * then the memberships whose name contains `needle` (lower case); while searching, names that start
 * with the query come before the others. Names only: a row never matches for a word it does not show.
 */
export function useOptions(memberships: OrganizationMembershipResource[], needle: string, personal: string | null) {
  const searchable = useMemo(
    () =>
      memberships.map((membership): OrgOption & { hay: string } => {
        const { id, name } = membership.organization;
        return { kind: 'organization', id, name, membership, hay: name.toLocaleLowerCase() };
      }),
    [memberships],
  );
  return useMemo(() => {
    // Names that start with the query first, then the rest that contain it, so typing "ac" puts
    // Acme first, not "Personal account". One pass, no sort: with 10,000 memberships every copy
    // counts on each keystroke.
    const first: OrgOption[] = [];
    const rest: OrgOption[] = [];
    const add = (option: OrgOption, hay: string) => {
      if (hay.startsWith(needle)) first.push(option);
      else if (hay.includes(needle)) rest.push(option);
    };
    if (personal !== null) add({ kind: 'personal', id: 'personal', name: personal }, personal.toLocaleLowerCase());
    for (const o of searchable) add(o, o.hay);
    return rest.length ? first.concat(rest) : first;
  }, [needle, personal, searchable]);
}
