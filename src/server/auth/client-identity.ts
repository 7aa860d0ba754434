import { BlockList, isIP } from 'node:net';
import { LantuError } from '../../domain/errors.ts';

/**
 * Who a request comes from, for rate limits and lock-outs: the socket's remote address, unless that address is
 * one of the configured trusted proxies — then the forwarding header names the client. Forwarding headers from
 * anyone else are ignored: a client could write any address there.
 */
export interface TrustedProxies {
  /** Whether `address` is a proxy we trust to tell us the client's address. */
  has(address: string): boolean;
  readonly header: ForwardedHeader;
  readonly empty: boolean;
}

export type ForwardedHeader = 'x-forwarded-for' | 'forwarded';

/** Parses `LANTU_TRUSTED_PROXIES`: addresses and CIDR ranges, comma or space separated (IPv4 and IPv6). */
export function parseTrustedProxies(
  spec: string,
  header: ForwardedHeader = 'x-forwarded-for',
): TrustedProxies {
  const list = new BlockList();
  const entries = spec.split(/[\s,]+/).filter(Boolean);
  for (const entry of entries) {
    const [address = '', bits] = entry.split('/');
    const family = isIP(address);
    const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
    if (family === 0 || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32)) {
      throw new LantuError('config_invalid', {
        zh: `环境变量 LANTU_TRUSTED_PROXIES 无效：“${entry}”不是 IP 地址或 CIDR 网段`,
        en: `Invalid LANTU_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`,
      });
    }
    list.addSubnet(address, prefix, family === 6 ? 'ipv6' : 'ipv4');
  }
  return {
    header,
    empty: entries.length === 0,
    has(address) {
      const a = normalise(address);
      const family = isIP(a);
      return family !== 0 && list.check(a, family === 6 ? 'ipv6' : 'ipv4');
    },
  };
}

export const NO_TRUSTED_PROXIES = parseTrustedProxies('');

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) is 10.0.0.1. */
function normalise(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

/** The hops a forwarding header lists, the client first and the nearest proxy last. */
export function forwardedHops(header: ForwardedHeader, value: string): string[] {
  if (header === 'x-forwarded-for') return value.split(',').map((h) => stripPort(h.trim()));
  // RFC 7239: `Forwarded: for=192.0.2.60;proto=http, for="[2001:db8::1]:4711"`
  return value.split(',').map((element) => {
    const pair = element
      .split(';')
      .map((p) => p.trim())
      .find((p) => /^for=/i.test(p));
    return pair ? stripPort(pair.slice(4).replace(/^"|"$/g, '')) : '';
  });
}

function stripPort(hop: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(hop);
  if (bracketed) return bracketed[1]!;
  const v4 = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(hop);
  return v4 ? v4[1]! : hop;
}

/**
 * The client's address. Walking the forwarding header from the nearest hop back, every address that is a
 * trusted proxy is skipped; the first one that is not is the client. A malformed hop ends the walk at the last
 * trusted address seen, so a forged header never yields an address the proxies did not write.
 */
export function resolveClientAddress(
  remote: string | undefined,
  forwarded: string | undefined,
  proxies: TrustedProxies,
): string {
  const socket = remote ? normalise(remote) : 'unknown';
  if (!remote || proxies.empty || !proxies.has(socket) || !forwarded) return socket;
  let client = socket;
  const hops = forwardedHops(proxies.header, forwarded);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalise(hops[i]!);
    if (isIP(hop) === 0) break;
    client = hop;
    if (!proxies.has(hop)) break;
  }
  return client;
}
