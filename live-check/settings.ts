import { Resolver } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/**
 * The bounds of a live check, and what an operator may open up. Everything
 * a check does is capped: time, bytes, redirects, checks at once, checks per
 * person per minute.
 */
export interface CheckSettings {
  /** The whole check, every redirect included. */
  timeoutMs: number;
  /** Bytes of each response body read; the rest is never downloaded. */
  maxBytes: number;
  maxRedirects: number;
  /** Checks running at once, across everyone. */
  maxConcurrent: number;
  /** Checks one client may start per minute. */
  perMinute: number;
  ports: (port: number) => boolean;
  /** Private ranges an operator allowed on purpose (CHECK_ALLOW_NETWORKS). */
  allowedNetworks: [ipaddr.IPv4 | ipaddr.IPv6, number][];
  /** Name servers the check asks (CHECK_DNS_SERVERS); empty for the system's. */
  dnsServers: string[];
}

const defaultPorts = new Set([80, 443]);

/** `CHECK_ALLOW_NETWORKS`: CIDR ranges separated by commas or spaces, e.g. `10.20.0.0/16, fd12::/48`. */
function parseNetworks(value: string | undefined): CheckSettings['allowedNetworks'] {
  return (value ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((cidr) => {
      try {
        return ipaddr.parseCIDR(cidr);
      } catch {
        throw new Error(`CHECK_ALLOW_NETWORKS: “${cidr}” is not a range like 10.20.0.0/16`);
      }
    });
}

/** `CHECK_ALLOW_PORTS`: ports or ranges, e.g. `80,443,8080-8090`; 80 and 443 when unset. */
function parsePorts(value: string | undefined): CheckSettings['ports'] {
  if (!value?.trim()) return (port) => defaultPorts.has(port);
  const ranges = value
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((part) => {
      const match = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(part);
      const low = Number(match?.[1]);
      const high = Number(match?.[2] ?? match?.[1]);
      if (!match || low < 1 || high > 65535 || low > high) {
        throw new Error(`CHECK_ALLOW_PORTS: “${part}” is not a port or a range like 8080-8090`);
      }
      return [low, high] as const;
    });
  return (port) => ranges.some(([low, high]) => port >= low && port <= high);
}

/** `CHECK_DNS_SERVERS`: addresses, with a port if not 53, e.g. `9.9.9.9, [2620:fe::fe]:53`; the system's when unset. */
function parseServers(value: string | undefined): string[] {
  const servers = (value ?? '').split(/[\s,]+/).filter(Boolean);
  try {
    if (servers.length) new Resolver().setServers(servers);
  } catch {
    throw new Error(`CHECK_DNS_SERVERS: “${value}” is not a list of addresses like 9.9.9.9, 127.0.0.1:5353`);
  }
  return servers;
}

export function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}: “${value}” is not a whole number above 0`);
  return n;
}

export function settingsFromEnv(env: Record<string, string | undefined> = process.env): CheckSettings {
  return {
    timeoutMs: 8000,
    maxBytes: 64 * 1024,
    maxRedirects: 5,
    maxConcurrent: positive('CHECK_MAX_CONCURRENT', env.CHECK_MAX_CONCURRENT, 8),
    perMinute: positive('CHECK_RATE_LIMIT', env.CHECK_RATE_LIMIT, 10),
    ports: parsePorts(env.CHECK_ALLOW_PORTS),
    allowedNetworks: parseNetworks(env.CHECK_ALLOW_NETWORKS),
    dnsServers: parseServers(env.CHECK_DNS_SERVERS),
  };
}

let cached: CheckSettings | undefined;

/** The server's settings, read once; a mistake in them is reported on the first check. */
export function checkSettings(): CheckSettings {
  cached ??= settingsFromEnv();
  return cached;
}
