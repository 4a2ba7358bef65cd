import { isAddressLiteral, vetAddress, type Vetted } from './addresses';
import { abortable, requestOnce, resolveHost, type ProbeError, type Resolved } from './probe';
import type { CheckReport, Failure, FailureKind, Hop, Progress } from './report';
import type { CheckSettings } from './settings';

const redirects = new Set([301, 302, 303, 307, 308]);

/** Thrown when the person cancelled: not a finding, nothing to report. */
export class CheckCancelled extends Error {}

/** Node's error codes, as the kinds of failure a report explains. */
function failureOf(error: ProbeError): FailureKind {
  const code = error.code ?? '';
  switch (code) {
    case 'ENOTFOUND':
    case 'ENODATA':
      return 'no-dns';
    case 'ECONNREFUSED':
      return 'refused';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
      return 'unreachable';
    case 'ETIMEDOUT':
      return 'timeout';
  }
  // EAI_AGAIN, EAI_FAIL, ESERVFAIL…: the lookup itself failed.
  if (/^EAI_|^ESERVFAIL$|^EREFUSED$/.test(code)) return 'dns-error';
  if (/^ERR_SSL|^ERR_TLS|^EPROTO$/.test(code)) return 'tls';
  if (/^HPE_/.test(code)) return 'bad-answer';
  return 'reset'; // ECONNRESET, "socket hang up", and anything else that ends a connection early
}

/**
 * What running out of time means depends on how far the check got. Without
 * a connection, the server is off, unreachable, or behind a firewall that
 * drops packets. With one and no answer, the server is up but slow or
 * stuck, which is no DNS or network problem. The operating system accepts a
 * connection before the web server picks it up, so a secure connection
 * that never finished setting up counts as slow too: the server took the
 * call and did not get round to it.
 */
export function outOfTime(hop: Hop, timeoutMs: number): Failure {
  const seconds = timeoutMs / 1000;
  if (hop.connectMs === undefined) return { kind: 'timeout', detail: `no connection within ${seconds} seconds` };
  const after = hop.status === undefined ? 'no answer' : `the answer (${hop.status}) was not complete`;
  return { kind: 'slow', detail: `connected in ${hop.connectMs} ms, then ${after} within ${seconds} seconds` };
}

/**
 * Checks a site the way a visitor's browser would reach it, from this
 * server: looks the name up once, refuses any address that is not public,
 * connects to the vetted address, and follows up to `maxRedirects`
 * redirects, vetting each one afresh. Everything that goes wrong on the
 * network (no DNS, refused, timed out) ends the report as a finding.
 */
export async function runCheck(
  start: URL,
  settings: CheckSettings,
  { signal, onProgress = () => {} }: { signal?: AbortSignal; onProgress?: (p: Progress) => void } = {},
): Promise<CheckReport> {
  const began = performance.now();
  const deadline = AbortSignal.timeout(settings.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
  const hops: Hop[] = [];
  const resolved = new Map<string, { addresses: Resolved[]; cname?: string[]; ms: number }>();
  const report = (failure?: Failure): CheckReport => ({
    url: start.href,
    checkedAt: new Date().toISOString(),
    hops,
    failure,
    totalMs: Math.round(performance.now() - began),
  });

  let url = start;
  for (let hop = 0; hop <= settings.maxRedirects; hop++) {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const current: Hop = { url: url.href };
    try {
      if (isAddressLiteral(host)) {
        current.addresses = [host];
      } else {
        onProgress({ stage: 'dns', message: `Looking up ${host}` });
        // Resolved once per check: a later hop to the same name reuses it.
        if (!resolved.has(host)) resolved.set(host, await resolveHost(host, combined, settings.dnsServers));
        const answer = resolved.get(host)!;
        Object.assign(current, { addresses: answer.addresses.map((a) => a.address), cname: answer.cname, dnsMs: answer.ms });
        if (!answer.addresses.length) throw Object.assign(new Error('no addresses'), { code: 'ENODATA' });
      }
      // Every address the name gives must be public, not just the one used:
      // a name that mixes in a private one is refused.
      const vetted = current.addresses!.map((address) => vetAddress(address, settings));
      const refused = vetted.find((v) => !v.ok);
      if (refused) {
        hops.push(current);
        return report({ kind: 'refused-address', detail: `${host === refused.address ? host : `${host} → ${refused.address}`}: ${refused.reason}` });
      }
      // In their plain form (::ffff:1.2.3.4 becomes 1.2.3.4); Node tries them in turn.
      const targets: Resolved[] = (vetted as Extract<Vetted, { ok: true }>[]).map(({ address, family }) => ({ address, family }));

      onProgress({ stage: 'connect', message: `Connecting to ${targets[0].address}${url.port ? ` port ${url.port}` : ''}` });
      // The request settles by itself when the deadline aborts it (with what
      // it had read by then); the backstop bounds one that, against all
      // expectation, never does.
      const backstop = AbortSignal.timeout(settings.timeoutMs + 1000);
      const answered = await abortable(requestOnce(url, targets, settings.maxBytes, combined), backstop);
      if (signal?.aborted) throw new CheckCancelled('cancelled');
      hops.push({ ...current, ...answered });
    } catch (error) {
      if (signal?.aborted || error instanceof CheckCancelled) throw new CheckCancelled('cancelled');
      const failed = (error as { hop?: Hop }).hop;
      hops.push({ ...current, ...failed });
      if (deadline.aborted && !hops.at(-1)?.addresses)
        return report({ kind: 'dns-error', detail: `the name could not be looked up within ${settings.timeoutMs / 1000} seconds` });
      if (deadline.aborted) return report(outOfTime(hops.at(-1)!, settings.timeoutMs));
      const probe = error as ProbeError;
      return report({ kind: failureOf(probe), detail: probe.code ? `${probe.code}: ${probe.message}` : probe.message });
    }

    const last = hops.at(-1)!;
    if (!redirects.has(last.status ?? 0) || !last.location) return report();
    if (hop === settings.maxRedirects) {
      return report({ kind: 'too-many-redirects', detail: `more than ${settings.maxRedirects} redirects` });
    }
    let next: URL;
    try {
      next = new URL(last.location, url);
    } catch {
      return report({ kind: 'bad-redirect', detail: `the redirect leads to “${last.location.slice(0, 200)}”, which is not a web address` });
    }
    const port = next.port ? Number(next.port) : next.protocol === 'https:' ? 443 : 80;
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      return report({ kind: 'bad-redirect', detail: `the redirect leads to a “${next.protocol}” address, which is not a website` });
    }
    if (next.username || next.password) return report({ kind: 'bad-redirect', detail: 'the redirect carries a user name or password' });
    if (!settings.ports(port)) return report({ kind: 'bad-redirect', detail: `the redirect leads to port ${port}, which we do not check` });
    onProgress({ stage: 'redirect', message: `Following a redirect to ${next.host}` });
    next.hash = '';
    url = next;
  }
  return report();
}
