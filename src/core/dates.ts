/** Dates as the kit's options and the mock's state take them. Plain TypeScript. */

/** A date as a Date, an ISO 8601 string or epoch milliseconds. */
export type DateInput = Date | string | number;

/** Epoch milliseconds of a date; NaN for a string that is not a date. */
export const epochMs = (value: DateInput): number =>
  value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
