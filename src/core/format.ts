/**
 * Dates, relative times, devices and places as people read them, through Intl.
 * Plain TypeScript, no React. Formatters are cached per locale: building one is the slow part.
 */
import { epochMs, type DateInput } from './dates';

/** One cache per kind of formatter, so each hands back its own type. */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const relativeTimeFormats = new Map<string, Intl.RelativeTimeFormat>();
const displayNames = new Map<string, Intl.DisplayNames>();
const cached = <T>(cache: Map<string, T>, key: string, make: () => T): T => {
  let f = cache.get(key);
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
};

const MEDIUM: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** "Jan 15, 2026, 12:00 PM" (en-US) / "15.01.2026, 12:00" (de-DE) with the default options. */
export function formatDateTime(date: DateInput, locale: string, options: Intl.DateTimeFormatOptions = MEDIUM): string {
  const format = cached(dateTimeFormats, `${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
  return format.format(epochMs(date));
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "12 minutes ago", "in 7 days", "now" (en) / "vor 12 Minuten" (de), in the largest whole unit. */
export function formatRelative(date: DateInput, now: DateInput, locale: string): string {
  const diff = epochMs(date) - epochMs(now);
  const rtf = cached(relativeTimeFormats, locale, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  for (const [unit, size] of UNITS) {
    if (Math.abs(diff) >= size) return rtf.format(Math.trunc(diff / size), unit);
  }
  return rtf.format(0, 'second');
}

/** "Germany" for "DE" in English, "Deutschland" in German; the code itself if unknown. */
export function countryName(code: string, locale: string): string {
  if (!/^[A-Za-z]{2}$/.test(code)) return code;
  try {
    return (
      cached(displayNames, locale, () => new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' })).of(code.toUpperCase()) ??
      code
    );
  } catch {
    return code;
  }
}

export interface Activity {
  browserName?: string;
  browserVersion?: string;
  deviceType?: string;
  city?: string;
  country?: string;
  ipAddress?: string;
  isMobile?: boolean;
}

/** "Chrome 142" from name and version (major only); undefined when Clerk could not tell. */
export function browserLabel({ browserName, browserVersion }: Activity): string | undefined {
  if (!browserName) return undefined;
  const major = browserVersion?.split('.')[0];
  return major ? `${browserName} ${major}` : browserName;
}

/** "Berlin, Germany"; undefined when neither is known. */
export function placeLabel({ city, country }: Activity, locale: string): string | undefined {
  return [city, country ? countryName(country, locale) : undefined].filter(Boolean).join(', ') || undefined;
}

/** Initials for an avatar: "AL" for Ada Lovelace, "A" for ada@example.com. */
export function initials(name: string): string {
  const words = name
    .trim()
    .split(/[\s@._-]+/)
    .filter(Boolean);
  // A second initial only from a last word that does not start with a digit: "Organization 0001" is "O", not "O0".
  const last = words.length > 1 && !name.includes('@') ? (words[words.length - 1] ?? '') : '';
  return ((words[0]?.[0] ?? '') + (/^\D/.test(last) ? last[0] : '')).toUpperCase() || '?';
}
