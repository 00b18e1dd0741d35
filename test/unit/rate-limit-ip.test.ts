// @vitest-environment node
/**
 * Anonymous clients are keyed by their trusted IP: IPv6 by its /64 (a host picks any address in
 * it), every spelling of one address as one key, and anything that is not a bare address as none.
 */
import { describe, expect, it } from 'vitest';
import { createRateLimiter, memoryStore } from '../../src/middleware/rate-limit';
import { clientIpReader } from '../../src/middleware/rate-limit/rules';

const T0 = Date.parse('2026-01-15T12:00:00Z');
const silent = () => {};

/** A limiter of `limit` per minute on /api/*, keyed by `x-real-ip`, and a function that asks it for one address. */
function limiterFor(limit: number, options: { ipv6Subnet?: number } = {}) {
  const limiter = createRateLimiter({
    rules: [{ match: '/api/*', limit, window: '1m' }],
    store: memoryStore({ now: () => T0 }),
    clientIp: { header: 'x-real-ip' },
    log: silent,
    ...options,
  });
  return async (ip: string) =>
    (
      await limiter.check({
        request: new Request('https://app.test/api/x', { headers: { 'x-real-ip': ip } }),
        userId: null,
        path: '/api/x',
      })
    ).allowed;
}

const admittedOf = async (from: (ip: string) => Promise<boolean>, ips: string[]) => {
  let admitted = 0;
  for (const ip of ips) if (await from(ip)) admitted++;
  return admitted;
};

/** 50 addresses in 2001:db8:abcd:12::/64, as privacy extensions rotate them. */
const hex = (n: number) => (n % 0x10000).toString(16);
const rotating = Array.from(
  { length: 50 },
  (_, i) => `2001:db8:abcd:12:${hex(0x1000 + i * 977)}:${hex(i * 7919)}:${hex(i)}:${hex(i * 31 + 5)}`,
);

describe('given one IPv6 host rotating its address inside its /64', () => {
  it('should count 50 requests from 50 addresses of one /64 as one client, as 3 from one IPv4 address are', async () => {
    const from = limiterFor(3);
    expect(new Set(rotating).size).toBe(50);
    expect(await admittedOf(from, rotating)).toBe(3);
    expect(await admittedOf(from, ['203.0.113.7', '203.0.113.7', '203.0.113.7', '203.0.113.7'])).toBe(3);
    // Its neighbours' /64s are other clients.
    expect(await from('2001:db8:abcd:13::1')).toBe(true);
    expect(await from('2001:db8:abcd:11:ffff:ffff:ffff:ffff')).toBe(true);
  });

  it('should count per address with ipv6Subnet 128, and per /48 or /56 when asked', async () => {
    expect(await admittedOf(limiterFor(3, { ipv6Subnet: 128 }), rotating)).toBe(50);
    const per48 = limiterFor(3, { ipv6Subnet: 48 });
    expect(await admittedOf(per48, ['2001:db8:abcd:1::1', '2001:db8:abcd:2::1', '2001:db8:abcd:ffff::1', '2001:db8:abcd:ffff::2'])).toBe(3);
    expect(await per48('2001:db8:abce::1')).toBe(true);
    // /56: the first 8 bits of the fourth group count, the last 8 do not.
    const per56 = limiterFor(1, { ipv6Subnet: 56 });
    expect(await admittedOf(per56, ['2001:db8:abcd:1200::1', '2001:db8:abcd:12ff::1', '2001:db8:abcd:1300::1'])).toBe(2);
  });

  it('should refuse an ipv6Subnet that is not a whole number from 32 to 128, naming it', () => {
    for (const bad of [31, 129, 0, 64.5, Number.NaN, '64' as never]) {
      expect(() => limiterFor(1, { ipv6Subnet: bad })).toThrow(TypeError);
      expect(() => limiterFor(1, { ipv6Subnet: bad })).toThrow(/`ipv6Subnet` must be an integer from 32 to 128; got /);
    }
    for (const good of [32, 48, 56, 60, 64, 127, 128]) expect(() => limiterFor(1, { ipv6Subnet: good })).not.toThrow();
  });
});

describe('given one address written in different ways', () => {
  it('should count every spelling of one IPv6 address as one client (zero compression, leading zeros, case)', async () => {
    const from = limiterFor(1, { ipv6Subnet: 128 });
    expect(await from('2001:db8::1')).toBe(true);
    for (const same of [
      '2001:0db8::1',
      '2001:db8:0:0:0:0:0:1',
      '2001:DB8::1',
      '2001:0DB8:0000:0000:0000:0000:0000:0001',
      '2001:db8::0:1',
      '2001:db8:0::1',
    ]) {
      expect(await from(same), same).toBe(false);
    }
    expect(await from('2001:db8::2')).toBe(true);
  });

  it('should count an IPv4-mapped IPv6 address as the IPv4 address it carries, in dotted or hex form', async () => {
    const from = limiterFor(1);
    expect(await from('198.51.100.7')).toBe(true);
    for (const same of [
      '::ffff:198.51.100.7',
      '::FFFF:198.51.100.7',
      '::ffff:c633:6407',
      '0:0:0:0:0:ffff:c633:6407',
      '0000::ffff:C633:6407',
    ]) {
      expect(await from(same), same).toBe(false);
    }
    expect(await from('::ffff:198.51.100.8')).toBe(true);
    // Not mapped: the IPv4-compatible form and a plain IPv6 address ending in the same bits.
    expect(await from('::198.51.100.7')).toBe(true);
    expect(await from('64:ff9b::c633:6407')).toBe(true);
  });
});

describe('given a trusted header that does not hold a bare address', () => {
  const read = (value: string) =>
    clientIpReader({ header: 'x-real-ip' }, 64)(new Request('https://app.test/', { headers: { 'x-real-ip': value } }));

  it('should read valid addresses, trimmed', () => {
    expect(read(' 198.51.100.7 ')).toBe('198.51.100.7');
    expect(read('0.0.0.0')).toBe('0.0.0.0');
    expect(read('255.255.255.255')).toBe('255.255.255.255');
    expect(read('2001:db8:abcd:12:ffff:1:2:3')).toBe('20010db8abcd0012/64');
    expect(read('1:2:3:4:5:6:1.2.3.4')).toBe('1000200030004/64');
    expect(read('::1')).toBe('0/64');
  });

  it('should treat zone ids, brackets, ports, names and malformed addresses as no address', () => {
    for (const bad of [
      'fe80::1%eth0',
      'fe80::1%25eth0',
      '[2001:db8::1]',
      '[2001:db8::1]:443',
      '198.51.100.7:8080',
      '2001:db8::1/64',
      'localhost',
      'example.com',
      'unknown',
      '',
      '1',
      'ffff',
      '1.2.3',
      '1.2.3.4.',
      '01.2.3.4',
      '256.1.1.1',
      '0x7f.0.0.1',
      '127.1',
      '4294967295',
      '1:2:3:4:5:6:7:8:9',
      '1:2:3:4:5:6:7',
      '1::2::3',
      '12345::',
      ':::',
      '1:::2',
      '1:2:3:4:5:6:7::8',
      '::ffff:1.2.3',
      '::ffff:1.2.3.256',
      '::ffff:010.1.1.1',
      '2001:db8::g',
      '2001:db8::1 2001:db8::2',
      'http://[::1]/',
    ]) {
      expect(read(bad), bad).toBeNull();
    }
  });

  it('should put every request without an address into the one shared anonymous count', async () => {
    const from = limiterFor(1);
    expect(await from('fe80::1%eth0')).toBe(true);
    expect(await from('[2001:db8::1]:443')).toBe(false);
    expect(await from('198.51.100.7:80')).toBe(false);
    expect(await from('198.51.100.7')).toBe(true);
  });
});
