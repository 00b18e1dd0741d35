/**
 * Reading what an unknown value (a caught error, parsed JSON) carries, without asserting its type:
 * `field(error, 'status')` is the property when `error` is an object that has it, else undefined.
 * The caller then checks the type of what it got (`typeof … === 'string'`).
 */
export function field(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null || !(key in value)) return undefined;
  return Reflect.get(value, key);
}
