import ipaddr from 'ipaddr.js';

/**
 * Who is asking: the address a per-client limit counts against.
 *
 * `next start` fills `X-Forwarded-For` from the connection only when the
 * request carries none, so a route cannot tell a header the client made up
 * from one a proxy added. `instrumentation.ts` therefore stamps every
 * request, before Next.js sees it, with the connection's own address in
 * `socketHeader` (overwriting any copy the client sent). `TRUST_PROXY`
 * then says how much of `X-Forwarded-For` to believe:
 *
 * - unset (or 0): none of it; the connection's address is the client;
 * - a number of proxy hops, e.g. `1` for one Nginx in front: the entry
 *   that many places left of the connection's address;
 * - proxy addresses or ranges, e.g. `127.0.0.1, 10.0.0.0/8`: from the
 *   connection leftwards, past every trusted address, to the first
 *   address that is not one.
 */

export const socketHeader = 'x-socket-address';

/**
 * The stamp also carries a secret made once per process, so a request
 * that reached the server before the stamping began (while it was
 * starting) cannot pass off its own header as the connection's.
 */
export function socketStamp(): string {
  const key = Symbol.for('502-troubleshooter.socket-stamp');
  const store = globalThis as unknown as Record<symbol, string | undefined>;
  store[key] ??= crypto.randomUUID();
  return store[key];
}

export const stampFor = (remoteAddress: string | undefined) => `${remoteAddress ?? ''} ${socketStamp()}`;

export type TrustProxy = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'ranges'; ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] };

/** Reads `TRUST_PROXY`; a value it cannot read is an error that says what was expected. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? '';
  if (text === '' || text === '0') return { kind: 'none' };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 32)
      throw new Error(`TRUST_PROXY: “${text}” proxies in a row is more than any real setup; give the number of proxies in front of the app, like 1`);
    return { kind: 'hops', hops };
  }
  const ranges = text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((part): [ipaddr.IPv4 | ipaddr.IPv6, number] => {
      try {
        if (!isAddress(part.split('/')[0])) throw new Error('not an address');
        if (part.includes('/')) {
          const [address, bits] = ipaddr.parseCIDR(part);
          return [normal(address), address.kind() === 'ipv6' && normal(address).kind() === 'ipv4' ? Math.max(0, bits - 96) : bits];
        }
        const address = ipaddr.process(part);
        return [address, address.kind() === 'ipv4' ? 32 : 128];
      } catch {
        throw new Error(
          `TRUST_PROXY: “${part}” is not a proxy address or range. Give the number of proxies in front of the app (like 1), or their addresses and ranges (like 127.0.0.1, 10.0.0.0/8)`,
        );
      }
    });
  return { kind: 'ranges', ranges };
}

/** An address written out in full (`1.5` and `0x7f.1` are addresses to `ipaddr.js`, never to a proxy). */
const isAddress = (text: string) => ipaddr.IPv4.isValidFourPartDecimal(text) || ipaddr.IPv6.isValid(text);

const normal = (address: ipaddr.IPv4 | ipaddr.IPv6) => ipaddr.process(address.toString());

let cached: { value: string | undefined; trust: TrustProxy } | undefined;

function trustFromEnv(): TrustProxy {
  const value = process.env.TRUST_PROXY;
  if (!cached || cached.value !== value) cached = { value, trust: parseTrustProxy(value) };
  return cached.trust;
}

/** An address as proxies write it (`[::1]:443`, `203.0.113.7:5000`, `::ffff:203.0.113.7`), in its plain form. */
function plain(entry: string): string {
  const text = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(text);
  const address = bracketed?.[1] ?? withPort?.[1] ?? text;
  return isAddress(address) ? ipaddr.process(address).toString() : address;
}

function trusted(entry: string, ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][]): boolean {
  if (!isAddress(entry)) return false;
  const address = ipaddr.process(entry);
  return ranges.some((range) => range[0].kind() === address.kind() && address.match(range));
}

/** The connection's address, from the stamp; `unknown` when the request carries no valid stamp. */
function socketAddress(headers: Headers): string {
  const [address, stamp] = (headers.get(socketHeader) ?? '').split(' ');
  return stamp === socketStamp() && address ? plain(address) : 'unknown';
}

/** The client's address under `trust` (by default `TRUST_PROXY`). */
export function clientAddress(headers: Headers, trust: TrustProxy = trustFromEnv()): string {
  const socket = socketAddress(headers);
  if (trust.kind === 'none') return socket;
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map(plain);
  const chain = [...forwarded, socket];
  if (trust.kind === 'hops') return chain[Math.max(0, chain.length - 1 - trust.hops)];
  let i = chain.length - 1;
  while (i > 0 && trusted(chain[i], trust.ranges)) i--;
  return chain[i];
}

/**
 * What a limit counts: the address, except that an IPv6 client counts by
 * its /64, the block one home or server is given, so it cannot get a fresh
 * allowance from each of its addresses.
 */
export function clientKey(address: string): string {
  if (!ipaddr.isValid(address)) return address || 'unknown';
  const parsed = ipaddr.process(address);
  return parsed.kind() === 'ipv6'
    ? `${(parsed as ipaddr.IPv6).parts
        .slice(0, 4)
        .map((p) => p.toString(16))
        .join(':')}::/64`
    : parsed.toString();
}
