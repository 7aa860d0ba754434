import { describe, expect, it } from 'vitest';
import { NO_TRUSTED_PROXIES, parseTrustedProxies, resolveClientAddress } from './client-identity.ts';

describe('resolveClientAddress', () => {
  const proxies = parseTrustedProxies('10.0.0.1, 172.16.0.0/12 fd00::/8');

  it('is the socket address when no proxy is trusted, whatever the headers say', () => {
    expect(resolveClientAddress('192.0.2.1', '198.51.100.9', NO_TRUSTED_PROXIES)).toBe('192.0.2.1');
    expect(resolveClientAddress('::ffff:192.0.2.1', undefined, NO_TRUSTED_PROXIES)).toBe('192.0.2.1');
    expect(resolveClientAddress(undefined, '198.51.100.9', proxies)).toBe('unknown');
  });

  it('ignores the header of a peer that is not a trusted proxy', () => {
    expect(resolveClientAddress('192.0.2.1', '198.51.100.9', proxies)).toBe('192.0.2.1');
  });

  it('takes the nearest untrusted hop of X-Forwarded-For from a trusted proxy (ranges, IPv6, ports)', () => {
    expect(resolveClientAddress('10.0.0.1', '6.6.6.6, 203.0.113.7', proxies)).toBe('203.0.113.7');
    expect(resolveClientAddress('::ffff:10.0.0.1', '203.0.113.7:5123, 172.20.1.1', proxies)).toBe(
      '203.0.113.7',
    );
    expect(resolveClientAddress('fd00::2', '2001:db8::7', proxies)).toBe('2001:db8::7');
    // only proxies in the chain: the farthest of them is the best we know
    expect(resolveClientAddress('10.0.0.1', '172.16.0.9', proxies)).toBe('172.16.0.9');
    // garbage written by the client before the proxy's entry stops the walk at the last trusted hop
    expect(resolveClientAddress('10.0.0.1', '203.0.113.7, not-an-ip', proxies)).toBe('10.0.0.1');
  });

  it('reads RFC 7239 Forwarded when configured so', () => {
    const fwd = parseTrustedProxies('10.0.0.1', 'forwarded');
    expect(
      resolveClientAddress(
        '10.0.0.1',
        'for=6.6.6.6;proto=http, for="[2001:db8:cafe::17]:4711";proto=https',
        fwd,
      ),
    ).toBe('2001:db8:cafe::17');
    expect(resolveClientAddress('10.0.0.1', 'for=192.0.2.60;proto=https;by=10.0.0.1', fwd)).toBe(
      '192.0.2.60',
    );
    expect(resolveClientAddress('10.0.0.1', 'for=_hidden', fwd)).toBe('10.0.0.1');
  });

  it('refuses a list entry that is not an address or range', () => {
    expect(() => parseTrustedProxies('10.0.0.1, example.org')).toThrow(/LANTU_TRUSTED_PROXIES.*example\.org/);
    expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow(/not an IP address or CIDR/);
  });
});
