import { describe, expect, it } from 'vitest';
import { normaliseAddress, parseTrustProxy, resolveClientAddress } from '@/lib/auth/client-address';

describe('resolveClientAddress', () => {
  it.each([
    // [TRUST_PROXY, socket, X-Forwarded-For, client]
    ['', '203.0.113.9', '1.2.3.4', '203.0.113.9'],
    [undefined, '203.0.113.9', undefined, '203.0.113.9'],
    ['0', '::ffff:127.0.0.1', '1.2.3.4', '127.0.0.1'],
    ['false', '127.0.0.1', '1.2.3.4, 5.6.7.8', '127.0.0.1'],
    ['1', '127.0.0.1', '198.51.100.7', '198.51.100.7'],
    // The client wrote a fake first hop; the proxy appended the real peer.
    ['1', '127.0.0.1', '6.6.6.6, 198.51.100.7', '198.51.100.7'],
    ['2', '127.0.0.1', '6.6.6.6, 198.51.100.7, 10.0.0.2', '198.51.100.7'],
    // More hops trusted than there are: the leftmost entry.
    ['3', '127.0.0.1', '198.51.100.7', '198.51.100.7'],
    ['1', '127.0.0.1', undefined, '127.0.0.1'],
    ['1', '127.0.0.1', '', '127.0.0.1'],
    ['127.0.0.1,10.0.0.0/8', '127.0.0.1', '6.6.6.6, 198.51.100.7, 10.1.2.3', '198.51.100.7'],
    ['127.0.0.1,10.0.0.0/8', '::ffff:127.0.0.1', '198.51.100.7', '198.51.100.7'],
    // The socket is not a trusted proxy: its address, whatever the header says.
    ['127.0.0.1,10.0.0.0/8', '203.0.113.9', '198.51.100.7', '203.0.113.9'],
    // Every hop trusted: the leftmost one is the best there is.
    ['10.0.0.0/8', '10.0.0.1', '10.0.0.5', '10.0.0.5'],
    ['::1, fd00::/8', '::1', '2001:db8::1, fd00::3', '2001:db8::1'],
    ['1', '127.0.0.1', '198.51.100.7:4711', '198.51.100.7'],
    ['1', '127.0.0.1', '[2001:DB8::1]:443', '2001:db8::1'],
    // Two header lines count as one list.
    ['1', '127.0.0.1', ['6.6.6.6', '198.51.100.7'], '198.51.100.7'],
    ['1', undefined, undefined, 'unknown'],
  ] as const)('TRUST_PROXY=%s socket %s XFF %s → %s', (trust, socket, xff, client) => {
    expect(resolveClientAddress(socket, xff as string | string[] | undefined, parseTrustProxy(trust))).toBe(
      client,
    );
  });

  it('gives every rotated X-Forwarded-For from one socket the same address when TRUST_PROXY is off', () => {
    const off = parseTrustProxy(undefined);
    const seen = new Set(
      Array.from({ length: 30 }, (_, i) => resolveClientAddress('203.0.113.9', `10.9.${i}.1`, off)),
    );
    expect([...seen]).toEqual(['203.0.113.9']);
  });

  it.each(['nonsense', '10.0.0.0/33', '1.2.3.4/x', '::1/129'])('refuses TRUST_PROXY=%s', (value) => {
    expect(() => parseTrustProxy(value)).toThrow(/TRUST_PROXY/);
  });

  it.each([
    [' 1.2.3.4 ', '1.2.3.4'],
    ['::FFFF:1.2.3.4', '1.2.3.4'],
    ['[::1]', '::1'],
  ])('normalises %s → %s', (raw, address) => {
    expect(normaliseAddress(raw)).toBe(address);
  });
});
