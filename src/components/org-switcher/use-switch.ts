'use client';
import { useCallback, useRef, useState, type RefObject } from 'react';
import { useClerk } from '../../clerk';
import { describeError, type OrgStrings } from '../../i18n';
import type { OrgOption, OrgSwitcherEvent, OrgSwitcherFailure, UseOrgSwitcherOptions } from './org-switcher-types';

/** What a switch reads when it runs: the latest render's options, strings and active organization. */
export interface SwitchContext {
  options: UseOrgSwitcherOptions;
  t: OrgStrings;
  activeOrgId: string | null;
}

/**
 * Switching the active organization, one switch at a time: Clerk's `setActive`, then the app's
 * `onAfterSwitch`, then `done()` (the popover closes). Picking the active organization again only
 * calls `done()`. Keeps the option in flight, the last failure and the "Switched to" sentence,
 * and clears the last two when the popover opens again.
 */
export function useSwitch(open: boolean, live: RefObject<SwitchContext>, done: () => void) {
  const clerk = useClerk();
  const busy = useRef(false);
  const [pending, setPending] = useState<OrgOption | null>(null);
  const [failure, setFailure] = useState<OrgSwitcherFailure | null>(null);
  const [switched, setSwitched] = useState('');
  // React's "adjusting state when a prop changes": cleared in the render that opens the popover.
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setFailure(null);
      setSwitched('');
    }
  }

  const select = useCallback(
    async (option: OrgOption) => {
      if (busy.current) return;
      const { t } = live.current;
      const tell = (event: OrgSwitcherEvent) => live.current.options.onEvent?.(event);
      const target = option.kind === 'personal' ? null : option.membership.organization;
      const organization = target?.id ?? null;
      if (organization === live.current.activeOrgId) return done();
      busy.current = true;
      setPending(option);
      setFailure(null);
      try {
        await clerk.setActive({ organization, redirectUrl: live.current.options.afterSwitchUrl });
      } catch (error) {
        setFailure({ action: 'switch', name: option.name, ...describeError(t, error), error });
        tell({ type: 'switch-failed', organization: target, error });
        busy.current = false;
        return setPending(null);
      }
      // The switch happened: a failing refresh is the app's to report, not a failed switch.
      await Promise.resolve(live.current.options.onAfterSwitch?.(target)).catch((error: unknown) =>
        tell({ type: 'after-switch-failed', organization: target, error }),
      );
      tell({ type: 'switched', organization: target });
      setSwitched(t.orgSwitched({ name: option.name }));
      busy.current = false;
      setPending(null);
      done();
    },
    [clerk, done, live],
  );

  return { select, pending, failure, switched };
}
