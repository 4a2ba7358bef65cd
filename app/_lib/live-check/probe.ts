import { lookup, Resolver } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { checkServerIdentity } from 'node:tls';
import { site } from '../../../content/site';
import type { CertificateInfo, Hop } from './report';

/** One address a host name resolved to. */
export interface Resolved {
  address: string;
  family: 4 | 6;
}

/** A network error with Node's code (ENOTFOUND, ECONNREFUSED…), kept for the report. */
export type ProbeError = Error & { code?: string };

/** Rejects as soon as `signal` aborts, for work that cannot be cancelled (dns.lookup). */
function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const stop = () => reject(signal.reason);
    signal.addEventListener('abort', stop, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

/**
 * Looks a host name up once, the way the operating system would (so
 * /etc/hosts counts), and separately asks for its CNAME for the report. The
 * addresses returned are the only ones the check will ever connect to.
 */
export async function resolveHost(host: string, signal: AbortSignal): Promise<{ addresses: Resolved[]; cname?: string[]; ms: number }> {
  const started = performance.now();
  const resolver = new Resolver({ timeout: 1500, tries: 1 });
  signal.addEventListener('abort', () => resolver.cancel(), { once: true });
  const cname = resolver.resolveCname(host).catch(() => undefined);
  const found = await abortable(lookup(host, { all: true, verbatim: true }), signal);
  const ms = Math.round(performance.now() - started);
  return {
    addresses: found.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 })),
    cname: await abortable(Promise.race([cname, new Promise<undefined>((r) => setTimeout(r, 300))]), signal),
    ms,
  };
}

const userAgent = `Mozilla/5.0 (compatible; ${site.productName} live check; +${site.siteUrl})`;
const maxHeaders = 40;
const maxHeaderValue = 300;

/**
 * One GET request to `url`, connected to the vetted `target` address only:
 * the pinned lookup hands the socket that address whatever name it asks
 * for, so no second DNS answer (a rebinding attack) can send it elsewhere.
 * Reads at most `maxBytes` of the body. TLS problems are recorded rather
 * than refused, so a person learns about an expired certificate and still
 * sees what the server answers.
 */
export function requestOnce(url: URL, target: Resolved, maxBytes: number, signal: AbortSignal): Promise<Hop> {
  const secure = url.protocol === 'https:';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const pinned: LookupFunction = (_name, options, callback) => {
    if (options?.all) (callback as unknown as (e: null, list: Resolved[]) => void)(null, [target]);
    else callback(null, target.address, target.family);
  };
  const hop: Hop = { url: url.href, address: target.address };
  const started = performance.now();
  let ready = started;
  const since = (t: number) => Math.round(performance.now() - t);

  return new Promise<Hop>((resolve, reject) => {
    const request = (secure ? https : http).request(
      {
        host,
        port: url.port || (secure ? 443 : 80),
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        headers: { host: url.host, 'user-agent': userAgent, accept: 'text/html,*/*;q=0.8', 'accept-encoding': 'identity', connection: 'close' },
        lookup: pinned,
        agent: false,
        signal,
        ...(secure ? { rejectUnauthorized: false, servername: target.address === host ? undefined : host } : {}),
      },
      (response) => {
        hop.waitMs = since(ready);
        hop.status = response.statusCode;
        hop.statusText = response.statusMessage;
        hop.headers = Object.fromEntries(
          Object.entries(response.headers)
            .slice(0, maxHeaders)
            .map(([name, value]) => [name, (Array.isArray(value) ? value.join(', ') : String(value ?? '')).slice(0, maxHeaderValue)]),
        );
        hop.location = hop.headers.location;
        const chunks: Buffer[] = [];
        let bytes = 0;
        let done = false;
        const finish = (truncated: boolean) => {
          if (done) return;
          done = true;
          hop.body = Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8');
          hop.bytes = Math.min(bytes, maxBytes);
          hop.truncated = truncated;
          hop.totalMs = since(started);
          resolve(hop);
        };
        response.on('data', (chunk: Buffer) => {
          if (done) return;
          bytes += chunk.length;
          chunks.push(chunk);
          if (bytes >= maxBytes) {
            response.destroy();
            finish(bytes > maxBytes || !response.complete);
          }
        });
        response.on('end', () => finish(false));
        response.on('error', (error) => {
          if (!done) reject(error);
        });
      },
    );
    request.on('socket', (socket) => {
      socket.once('connect', () => {
        hop.connectMs = since(started);
        ready = performance.now();
      });
      if (!secure) return;
      socket.once('secureConnect', () => {
        hop.tlsMs = since(ready);
        ready = performance.now();
        hop.tls = certificateOf(socket as TLSSocket, host);
      });
    });
    request.on('error', (error) => {
      hop.totalMs = since(started);
      Object.assign(error, { hop });
      reject(error);
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
