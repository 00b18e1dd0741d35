import type { SessionResource, SessionWithActivitiesResource } from '../../clerk';
import { browserLabel } from '../../core/format';
import type { SessionStrings } from '../../i18n';

/** The name a person knows an account by; never a raw id when Clerk has anything better. */
export const accountName = (s: SessionResource) =>
  s.user?.fullName || s.user?.username || s.user?.primaryEmailAddress?.emailAddress || s.publicUserData?.identifier || s.id;

/** "Chrome 142, Macintosh, Berlin": what a person recognises a device by. */
export const deviceName = (d: SessionWithActivitiesResource, t: SessionStrings) =>
  [browserLabel(d.latestActivity) ?? t.unknownBrowser, d.latestActivity.deviceType || t.unknownDevice, d.latestActivity.city]
    .filter(Boolean)
    .join(', ');
