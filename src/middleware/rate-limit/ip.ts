/**
 * A client address as a rate-limit key, in plain TypeScript (no dependency; Edge-safe). One
 * client must get one key however its address is spelled, and an IPv6 client owns a whole subnet
 * (a /64 per LAN: privacy addresses rotate inside it at will), so:
 * - IPv4 (`a.b.c.d`, decimal, no leading zeros) and IPv4-mapped IPv6 (`::ffff:198.51.100.7`,
 *   `::ffff:c633:6407`) are keyed by the IPv4 address: `198.51.100.7`;
 * - other IPv6 addresses by their first `prefix` bits in hex, however the address was written
 *   (`::`, leading zeros, case, a dotted tail): `2001:db8::1` → `20010db800000000/64`;
 * - anything else is not an address (null, or the URL parser's TypeError): a zone id (`%eth0`),
 *   brackets, a port, a name.
 * The checking and the canonical spelling are the WHATWG URL parser's (every runtime has it),
 * with the value as an IPv6 host: `http://[2001:db8::1]`, and IPv4 as `http://[::ffff:1.2.3.4]`,
 * where the dotted part is read strictly (four decimal parts, no leading zeros, none above 255).
 * Only hex digits, colons and dots reach it (with a colon or a dot: `1` or `ffff` alone would
 * read as IPv6 `::ffff:1`), so nothing but an address can be read as the host.
 */
export function ipKey(value: string, prefix: number): string | null {
  if (!/^[\da-f:.]*[:.][\da-f:.]*$/i.test(value)) return null;
  // Throws a TypeError for anything that is not an address (the reader makes that no IP).
  const host = new URL(`http://[${value.includes(':') ? value : `::ffff:${value}`}]`).hostname.slice(1, -1);
  // The 128 bits: `::` (once at most, in the URL parser's spelling) back to the zero groups it stands for.
  const bits = host
    .replace('::', `:${'0:'.repeat(8 - host.split(':').filter(Boolean).length)}`)
    .replace(/^:|:$/g, '')
    .split(':')
    .reduce((n, group) => (n << 16n) | BigInt(`0x${group}`), 0n);
  // IPv4-mapped (`::ffff:0:0/96`): the last 32 bits as one number, which the URL parser writes as a dotted IPv4 address.
  if (bits >> 32n === 0xffffn) return new URL(`http://${bits & 0xffffffffn}`).hostname;
  return `${(bits >> BigInt(128 - prefix)).toString(16)}/${prefix}`;
}
