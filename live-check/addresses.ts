import ipaddr from 'ipaddr.js';
import type { CheckSettings } from './settings';

/**
 * Why each class of address is refused, in words a site owner reads. The
 * classes are ipaddr.js's: only `unicast`, an ordinary public address, is
 * ever checked.
 */
const refusedRanges: Record<string, string> = {
  loopback: 'an address that points back at our own server',
  private: 'a private network address, reachable only inside one home or company network',
  uniqueLocal: 'a private network address, reachable only inside one home or company network',
  linkLocal: 'a local-link address, used between devices on one network (cloud servers keep their private settings at one of these)',
  carrierGradeNat: 'an address your internet provider uses inside its own network',
  multicast: 'a multicast address, which reaches a group of devices rather than one website',
  broadcast: 'the broadcast address, which reaches every device on a network',
  unspecified: 'the “any address” placeholder, which is not a real destination',
  reserved: 'an address reserved for documentation, testing or future use, which no public website has',
  benchmarking: 'an address reserved for network testing',
  ipv4Mapped: 'an IPv4 address written in IPv6 form',
  rfc6145: 'an IPv4 address written in IPv6 form',
  rfc6052: 'an IPv4 address wrapped in a translation prefix',
  '6to4': 'an IPv4 address wrapped in a tunnel prefix',
  teredo: 'an IPv4 address wrapped in a tunnel prefix',
  discard: 'an address whose traffic is thrown away',
  deprecatedSiteLocal: 'an old form of private network address',
};

const plainReason = 'an address that is not on the public internet';
const globalIPv6 = ipaddr.parse('2000::');
/** ::a.b.c.d, written ::xxxx:xxxx once parsed. */
const ipv4Compatible = /^::[0-9a-f]{1,4}(?::[0-9a-f]{1,4})?$/;

/**
 * Public addresses that lead somewhere private all the same: a cloud
 * provider's service for the machines inside it. Refused even though
 * ipaddr.js calls them ordinary.
 */
const cloudInternal = ['168.63.129.16/32'].map((cidr) => ipaddr.parseCIDR(cidr));

function inRanges(address: ipaddr.IPv4 | ipaddr.IPv6, ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][]): boolean {
  return ranges.some(([network, bits]) => network.kind() === address.kind() && address.match(network, bits));
}

export type Vetted = { ok: true; address: string; family: 4 | 6 } | { ok: false; address: string; reason: string };

/**
 * Decides whether a connection to `address` is allowed. IPv4 written inside
 * IPv6 (::ffff:127.0.0.1, ::127.0.0.1) is unwrapped first and judged as
 * IPv4; other wrapped forms (NAT64, 6to4, Teredo) are refused outright, as
 * they could lead anywhere. An operator can allow named private ranges.
 */
export function vetAddress(address: string, settings: Pick<CheckSettings, 'allowedNetworks'>): Vetted {
  const bare = address.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(bare)) return { ok: false, address, reason: 'not an address we can read' };
  const parsed = ipaddr.process(bare);
  const plain = parsed.toString();
  const family = parsed.kind() === 'ipv4' ? 4 : 6;
  const allowed = inRanges(parsed, settings.allowedNetworks);
  if (allowed) return { ok: true, address: plain, family };
  if (parsed.range() !== 'unicast') return { ok: false, address: plain, reason: refusedRanges[parsed.range()] ?? plainReason };
  if (inRanges(parsed, cloudInternal)) {
    return { ok: false, address: plain, reason: 'an address a cloud provider keeps for its own servers’ internal use' };
  }
  // Public IPv6 lives in 2000::/3; anything else (such as ::7f00:1, an old
  // way of writing 127.0.0.1) is refused even where ipaddr.js calls it unicast.
  if (family === 6 && !parsed.match(globalIPv6, 3))
    return { ok: false, address: plain, reason: ipv4Compatible.test(plain) ? refusedRanges.ipv4Mapped : plainReason };
  return { ok: true, address: plain, family };
}

/** A host written as an IP address, with or without IPv6 brackets. */
export function isAddressLiteral(host: string): boolean {
  return ipaddr.isValid(host.replace(/^\[|\]$/g, ''));
}
