import { Resolver } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { checkServerIdentity } from 'node:tls';
import { site } from '@/content/site';
import { hostsAnswer } from './hosts-file';
import type { CertificateInfo, Hop } from './report';

/** One address a host name resolved to. */
export interface Resolved {
  address: string;
  family: 4 | 6;
}

/** A network error with Node's code (ENOTFOUND, ECONNREFUSED…), kept for the report. */
export type ProbeError = Error & { code?: string; hop?: Hop };

/** Rejects as soon as `signal` aborts, for work that might never settle. */
export function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  work.catch(() => {}); // a failure after we stopped waiting is nobody's business
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const stop = () => reject(signal.reason);
    signal.addEventListener('abort', stop, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

/**
 * Each try waits this long for a name server, and the next one twice as
 * long (c-ares doubles it): about 4.5 seconds in all, inside the check's 8.
 */
const lookupTimeoutMs = 1500;
const lookupTries = 2;

/** What a name server said, as the codes the report knows: no such name, or the lookup itself failed. */
function lookupError(error: unknown, host: string): ProbeError {
  const code = (error as { code?: string }).code;
  if (code === 'ENOTFOUND' || code === 'ENODATA') return Object.assign(new Error(`${host} has no address`), { code });
  return Object.assign(new Error(`the name servers gave no answer for ${host} (${code ?? 'no reply'})`), { code: 'EAI_AGAIN' });
}

/**
 * Looks a host name up once: the machine's own names first (/etc/hosts and
 * localhost, as the operating system would), then A and AAAA records from
 * the name servers (`servers`, or the system's). It uses c-ares on the main
 * thread, not the worker threads `dns.lookup` ties up, with its own time
 * limit, and is cancelled when the check gives up, so a name whose server
 * never answers holds up nobody else's check. Its CNAME is asked for the
 * report. The addresses returned are the only ones the check will ever
 * connect to.
 */
export async function resolveHost(host: string, signal: AbortSignal, servers: string[] = []): Promise<{ addresses: Resolved[]; cname?: string[]; ms: number }> {
  const started = performance.now();
  const own = await abortable(hostsAnswer(host), signal);
  if (own) return { addresses: own, ms: Math.round(performance.now() - started) };

  const resolver = new Resolver({ timeout: lookupTimeoutMs, tries: lookupTries });
  if (servers.length) resolver.setServers(servers);
  const cancel = () => resolver.cancel();
  signal.addEventListener('abort', cancel, { once: true });
  try {
    const cname = resolver.resolveCname(host).catch(() => undefined);
    const [v4, v6] = await abortable(Promise.allSettled([resolver.resolve4(host), resolver.resolve6(host)]), signal);
    const ms = Math.round(performance.now() - started);
    const addresses: Resolved[] = [
      ...(v4.status === 'fulfilled' ? v4.value.map((address) => ({ address, family: 4 as const })) : []),
      ...(v6.status === 'fulfilled' ? v6.value.map((address) => ({ address, family: 6 as const })) : []),
    ];
    if (!addresses.length) {
      // A failed lookup says more than a missing record type.
      const failures = [v4, v6].flatMap((r) => (r.status === 'rejected' ? [lookupError(r.reason, host)] : []));
      throw failures.find((e) => e.code === 'EAI_AGAIN') ?? failures.find((e) => e.code === 'ENOTFOUND') ?? lookupError({ code: 'ENODATA' }, host);
    }
    return {
      addresses,
      cname: await abortable(Promise.race([cname, new Promise<undefined>((r) => setTimeout(r, 300))]), signal),
      ms,
    };
  } finally {
    signal.removeEventListener('abort', cancel);
    resolver.cancel();
  }
}

const userAgent = `Mozilla/5.0 (compatible; ${site.productName} live check${site.siteUrl ? `; +${site.siteUrl}` : ''})`;
const maxHeaders = 40;
const maxHeaderValue = 300;
const maxLocation = 8 * 1024;

/**
 * One GET request to `url`, connected only to the vetted `targets`: the
 * pinned lookup hands the socket those addresses whatever name it asks for,
 * so no second DNS answer (a rebinding attack) can send it elsewhere. With
 * several, Node tries them in turn, as a browser would. Reads at most
 * `maxBytes` of the body. TLS problems are recorded rather than refused, so
 * a person learns about an expired certificate and still sees what the
 * server answers. The promise always settles: on an answer, on an error,
 * or when the connection closes.
 */
export function requestOnce(url: URL, targets: Resolved[], maxBytes: number, signal: AbortSignal): Promise<Hop> {
  const secure = url.protocol === 'https:';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literal = targets.length === 1 && targets[0].address === host;
  const pinned: LookupFunction = (_name, options, callback) => {
    if (options?.all) (callback as unknown as (e: null, list: Resolved[]) => void)(null, targets);
    else callback(null, targets[0].address, targets[0].family);
  };
  const hop: Hop = { url: url.href, address: targets[0].address };
  const started = performance.now();
  let ready = started;
  const since = (t: number) => Math.round(performance.now() - t);

  return new Promise<Hop>((resolve, reject) => {
    let settled = false;
    const answer = () => {
      if (settled) return;
      settled = true;
      hop.totalMs = since(started);
      resolve(hop);
    };
    const fail = (error: ProbeError) => {
      if (settled) return;
      settled = true;
      hop.totalMs = since(started);
      reject(Object.assign(error, { hop }));
    };
    const record = (response: http.IncomingMessage) => {
      hop.waitMs = since(ready);
      hop.status = response.statusCode;
      hop.statusText = response.statusMessage;
      hop.headers = Object.fromEntries(
        Object.entries(response.headers)
          .slice(0, maxHeaders)
          .map(([name, value]) => [name, (Array.isArray(value) ? value.join(', ') : String(value ?? '')).slice(0, maxHeaderValue)]),
      );
      // Followed in full (within reason), though shown shortened.
      hop.location = response.headers.location?.slice(0, maxLocation);
    };

    const request = (secure ? https : http).request(
      {
        // An address typed in the URL connects in its vetted, plain form.
        host: literal ? targets[0].address : host,
        port: url.port || (secure ? 443 : 80),
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        headers: { host: url.host, 'user-agent': userAgent, accept: 'text/html,*/*;q=0.8', 'accept-encoding': 'identity', connection: 'close' },
        lookup: pinned,
        agent: false,
        signal,
        ...(secure ? { rejectUnauthorized: false, servername: literal ? undefined : host } : {}),
      },
      (response) => {
        record(response);
        const chunks: Buffer[] = [];
        let bytes = 0;
        // Whatever came before the connection ended is the answer: a 502
        // whose page is cut short is still a 502.
        const finish = (truncated: boolean) => {
          if (settled) return;
          hop.body = Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8');
          hop.bytes = Math.min(bytes, maxBytes);
          hop.truncated = truncated;
          answer();
          response.destroy();
        };
        response.on('data', (chunk: Buffer) => {
          if (settled) return;
          bytes += chunk.length;
          chunks.push(chunk);
          if (bytes >= maxBytes) finish(bytes > maxBytes || !response.complete);
        });
        response.on('end', () => finish(false));
        response.on('error', () => finish(true));
        response.on('close', () => finish(!response.complete));
      },
    );
    // A server that switches protocols (101) has answered; it is not a website.
    request.on('upgrade', (response, socket) => {
      record(response);
      socket.destroy();
      answer();
    });
    request.on('socket', (socket) => {
      socket.once('connect', () => {
        hop.connectMs = since(started);
        hop.address = socket.remoteAddress ?? hop.address;
        ready = performance.now();
      });
      if (!secure) return;
      socket.once('secureConnect', () => {
        hop.tlsMs = since(ready);
        ready = performance.now();
        hop.tls = certificateOf(socket as TLSSocket, host);
      });
    });
    request.on('error', fail);
    // Once an answer has begun, its own handlers settle; before, a close is a failure.
    request.on('close', () => {
      if (hop.status === undefined) fail(Object.assign(new Error('the connection closed without an answer'), { code: 'ECONNRESET' }));
    });
    request.end();
  });
}

function certificateOf(socket: TLSSocket, host: string): CertificateInfo {
  const cert = socket.getPeerCertificate();
  if (!cert || !Object.keys(cert).length) return { valid: false, nameMatches: false, problem: 'The server sent no certificate.' };
  const nameError = checkServerIdentity(host, cert);
  const expires = cert.valid_to ? new Date(cert.valid_to) : undefined;
  const authorizationError = socket.authorizationError ? String(socket.authorizationError) : undefined;
  return {
    valid: socket.authorized && !nameError,
    problem: authorizationError ?? nameError?.message,
    nameMatches: !nameError,
    subject: cert.subject?.CN ? String(cert.subject.CN) : undefined,
    issuer: cert.issuer?.O ? String(cert.issuer.O) : cert.issuer?.CN ? String(cert.issuer.CN) : undefined,
    expires: expires && !Number.isNaN(expires.getTime()) ? expires.toISOString() : undefined,
    daysLeft: expires ? Math.floor((expires.getTime() - Date.now()) / 86_400_000) : undefined,
  };
}
