import { describe, expect, it } from 'vitest';
import { browserLabel, countryName, formatDateTime, formatRelative, initials, placeLabel } from '../../src/core/format';
import { errorMessage } from '../../src/core/errors';

const NOW = '2026-01-15T12:00:00Z';

describe('given dates around the frozen clock', () => {
  it('should say relative times in the largest whole unit, per locale', () => {
    expect(formatRelative('2026-01-15T11:48:00Z', NOW, 'en-US')).toBe('12 minutes ago');
    expect(formatRelative('2026-01-15T12:00:20Z', NOW, 'en-US')).toBe('now');
    expect(formatRelative('2026-01-22T12:00:00Z', NOW, 'en-US')).toBe('next week');
    expect(formatRelative('2026-01-12T12:00:00Z', NOW, 'de-DE')).toBe('vor 3 Tagen');
    expect(formatRelative('2025-01-15T12:00:00Z', NOW, 'en-US')).toBe('last year');
  });

  it('should format absolute dates with the given options in UTC here', () => {
    expect(formatDateTime(NOW, 'en-US')).toBe('Jan 15, 2026, 12:00 PM');
    expect(formatDateTime(NOW, 'de-DE')).toBe('15.01.2026, 12:00');
    expect(formatDateTime(NOW, 'en-GB', { dateStyle: 'full' })).toBe('Thursday, 15 January 2026');
  });
});

describe('given device activity', () => {
  it('should label browsers by major version and places by country name', () => {
    expect(browserLabel({ browserName: 'Chrome', browserVersion: '142.0.7444.59' })).toBe('Chrome 142');
    expect(browserLabel({ browserName: 'Chrome' })).toBe('Chrome');
    expect(browserLabel({ browserName: '' })).toBeUndefined();
    expect(placeLabel({ city: 'Berlin', country: 'DE' }, 'en-US')).toBe('Berlin, Germany');
    expect(placeLabel({ city: 'Berlin', country: 'DE' }, 'de-DE')).toBe('Berlin, Deutschland');
    expect(placeLabel({}, 'en-US')).toBeUndefined();
    expect(countryName('not-a-code', 'en-US')).toBe('not-a-code');
  });

  it('should make avatar initials from names and emails', () => {
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('ada@example.com')).toBe('A');
    expect(initials('  ')).toBe('?');
    expect(initials('Organization 0001')).toBe('O');
    expect(initials('3M Company')).toBe('3C');
  });
});

describe('given a failed Clerk call', () => {
  it("should prefer Clerk's long message, then its message, then the error's, else say nothing", () => {
    expect(errorMessage({ errors: [{ message: 'short', longMessage: 'The long one.' }] })).toBe('The long one.');
    expect(errorMessage({ errors: [{ message: ' short ' }] })).toBe('short');
    expect(errorMessage(new Error('Plain.'))).toBe('Plain.');
    expect(errorMessage(undefined)).toBe('');
    expect(errorMessage('a string')).toBe('');
  });
});
