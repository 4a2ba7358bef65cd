import { cloudflareCode } from '@/evidence/cloudflare';
import { frontTokenPrefix, type Front } from '@/evidence/senders';
import type { CertificateInfo, CheckReport, Hop } from './report';
import { detectErrorPage, detectFront, detectServer } from './signatures';

export type Tone = 'good' | 'bad' | 'unsure';

export interface Finding {
  id: string;
  tone: Tone;
  title: string;
  /** The raw detail behind it, shown under a disclosure. */
  detail: string[];
}

/** An answer to one of the wizard's questions that the evidence supports. */
export interface Suggestion {
  step: string;
  answer: string;
  because: string;
}

export interface Interpretation {
  tone: Tone;
  verdict: string;
  explanation: string;
  findings: Finding[];
  suggestions: Suggestion[];
  /** For `check=` in wizard links; see outcome.ts. */
  tokens: string[];
}

const behind: Record<number, string> = {
  502: 'could not get a proper answer from the program behind it (usually PHP-FPM or your app)',
  503: 'says the program behind it is unavailable',
  504: 'waited for the program behind it, and gave up because it took too long',
};

// Node knows Cloudflare's own codes only as “unknown”; its table has their names.
const statusLine = (hop: Hop) => `${hop.status} ${cloudflareCode(hop.status ?? 0)?.name ?? hop.statusText ?? ''}`.trim();

const ms = (n?: number) => (n === undefined ? '' : n < 1000 ? `${n} ms` : `${(n / 1000).toFixed(1)} s`);
const dateOf = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Turns what a check saw into plain findings, one verdict, and the answers the evidence supports. */
export function interpret(report: CheckReport): Interpretation {
  const first = report.hops[0];
  const last = report.hops.at(-1);
  const findings: Finding[] = [];
  const tokens: string[] = [];
  const suggestions: Suggestion[] = [];
  const suggest = (step: string, answer: string, because: string) => suggestions.push({ step, answer, because });

  if (first?.addresses?.length && first.dnsMs !== undefined) {
    const host = new URL(first.url).hostname;
    findings.push({
      id: 'dns',
      tone: 'good',
      title: `The name ${host} leads to ${first.addresses.length === 1 ? 'an address' : `${first.addresses.length} addresses`}`,
      detail: [
        ...first.addresses.map((a) => `${a.includes(':') ? 'AAAA' : 'A'} ${a}`),
        ...(first.cname ?? []).map((c) => `CNAME ${c}`),
        `Looked up in ${ms(first.dnsMs)}`,
      ],
    });
  }
  if (last?.connectMs !== undefined) {
    findings.push({
      id: 'connect',
      tone: 'good',
      title: 'Your server accepted a connection',
      detail: [`Connected to ${last.address} port ${new URL(last.url).port || (last.url.startsWith('https:') ? 443 : 80)} in ${ms(last.connectMs)}`],
    });
  }
  const tls = report.hops.findLast((h) => h.tls)?.tls;
  if (tls) {
    const soon = tls.daysLeft !== undefined && tls.daysLeft < 14;
    findings.push({
      id: 'tls',
      tone: !tls.valid ? 'bad' : soon ? 'unsure' : 'good',
      title: !tls.valid
        ? tls.daysLeft !== undefined && tls.daysLeft < 0
          ? 'The security certificate has expired: browsers warn visitors away'
          : !tls.nameMatches
            ? 'The security certificate is for a different name: browsers warn visitors away'
            : 'The security certificate is not trusted: browsers warn visitors away'
        : tls.expires
          ? `The security certificate is valid until ${dateOf(tls.expires)}${soon ? `, only ${tls.daysLeft} days away: renew it soon` : ''}`
          : 'The security certificate is valid',
      detail: [
        tls.subject && `Issued to: ${tls.subject}`,
        tls.issuer && `Issued by: ${tls.issuer}`,
        tls.expires && `Expires: ${tls.expires}`,
        tls.problem && `Problem: ${tls.problem}`,
      ].filter((l): l is string => Boolean(l)),
    });
  }
  const redirected = report.hops.filter((h) => h.location && h.status && h.status >= 300 && h.status < 400);
  if (redirected.length) {
    findings.push({
      id: 'redirects',
      tone: report.failure?.kind === 'too-many-redirects' ? 'bad' : 'good',
      title: `It redirected ${redirected.length === 1 ? 'once' : `${redirected.length} times`}`,
      detail: redirected.map((h) => `${h.status} ${h.url} → ${h.location}`),
    });
  }

  const front = last && detectFront(last.headers);
  const cdn = front?.front.kind === 'cdn' ? front.front : undefined;
  const server = last && detectServer(last.headers);
  if (front) {
    const { name, kind } = front.front;
    tokens.push(`${frontTokenPrefix[kind]}-${front.front.id}`);
    const title = {
      cdn: `${name} sits in front of your site`,
      'load-balancer': `A load balancer sits in front of your site: ${name}`,
      cache: `A cache sits in front of your web server: ${name}`,
    }[kind];
    findings.push({ id: 'front', tone: 'good', title, detail: [`We know from ${front.clue}`] });
    if (cdn) suggest('cdn', 'yes', `${name} answered for your site`);
  }
  // The site's own web server answered with nothing in front: no CDN to ask about.
  if (server && !front) suggest('cdn', 'no', `your own web server, ${server.name}, answered us directly`);
  // A CDN puts its own name in the Server header, or passes on one we cannot be sure of.
  if (server && !cdn) {
    tokens.push(`server-${server.id}`);
    findings.push({ id: 'server', tone: 'good', title: `Your web server is ${server.name}`, detail: [`server: ${last?.headers?.server}`] });
    if (server.id === 'nginx' || server.id === 'apache') suggest('server', server.id, `your server calls itself ${server.name}`);
  }

  const verdict = judge(report, last, tls, front?.front, suggest);
  if (last?.status !== undefined) {
    findings.push({
      id: 'status',
      tone: last.status < 400 ? 'good' : 'bad',
      title: `It answered “${statusLine(last)}”${last.waitMs !== undefined ? ` after ${ms(last.waitMs)}` : ''}`,
      detail: [
        `Whole request: ${ms(last.totalMs)}`,
        ...Object.entries(last.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
        ...(last.truncated ? [`Only the first ${Math.round((last.bytes ?? 0) / 1024)} KB of the page were read`] : []),
      ],
    });
  }
  if (report.failure) {
    findings.push({ id: 'failure', tone: 'bad', title: verdict.verdict, detail: [report.failure.detail] });
  }
  // In the order the wizard asks; the error page already says which web server it is.
  const page = suggestions.find((s) => s.step === 'error-page')?.answer;
  const ordered = questionOrder.flatMap((step) => suggestions.find((s) => s.step === step) ?? []);
  const shown = page === 'nginx' || page === 'apache' ? ordered.filter((s) => s.step !== 'server') : ordered;
  return { ...verdict, findings, suggestions: shown, tokens: [...verdict.tokens, ...tokens] };
}

type Suggest = (step: string, answer: string, because: string) => void;

const questionOrder = ['reach', 'error-page', 'cf-code', 'cdn', 'server'];

function judge(report: CheckReport, last: Hop | undefined, tls: CertificateInfo | undefined, front: Front | undefined, suggest: Suggest) {
  const downForAll = (because: string) => suggest('reach', 'everyone', because);
  const failure = report.failure;
  const result = (tone: Tone, verdict: string, explanation: string, token: string) => ({ tone, verdict, explanation, tokens: [token] });

  if (failure) {
    switch (failure.kind) {
      case 'refused-address':
        return result(
          'unsure',
          report.hops.length > 1 ? 'Your site redirects to a private address, so we stopped' : 'We don’t check private addresses',
          report.hops.length > 1
            ? 'One of the redirects leads into a private network. A visitor’s browser could not follow it either, unless they are inside that network.'
            : 'That address is not on the public internet, so a check from our server would say nothing about what your visitors see.',
          'refused-address',
        );
      case 'no-dns':
        downForAll('the name does not exist for anyone');
        suggest('error-page', 'browser', 'browsers show their own page when a name does not exist');
        return result(
          'bad',
          'Your site’s name doesn’t lead anywhere',
          'Check the spelling first. If it is right, the name’s DNS records (the entries that point the name at your server) are missing, or the domain has expired. Nobody can reach the site until that is fixed.',
          'no-dns',
        );
      case 'dns-error':
        return result(
          'unsure',
          'We couldn’t look up your site’s name just now',
          'The lookup failed without a clear answer. It may be a passing problem on our side: try again in a minute.',
          'dns-error',
        );
      case 'refused':
        downForAll('your server refused our connection too');
        suggest('error-page', 'browser', 'browsers show their own page when a server refuses them');
        return result(
          'bad',
          'Nothing is answering at your site’s address',
          'Your server refused the connection. Its web server has stopped, or a firewall turns visitors away. It is down for everyone, not just you.',
          'refused',
        );
      case 'unreachable':
        downForAll('we could not reach your server either');
        suggest('error-page', 'browser', 'browsers show their own page when a server cannot be reached');
        return result(
          'bad',
          'Your server can’t be reached',
          'There is no route to your server’s address. The server may be switched off, or the name points at an old address.',
          'unreachable',
        );
      case 'timeout':
        downForAll('your server did not take our connection either');
        suggest('error-page', 'browser', 'browsers show their own page when a server does not answer');
        return result(
          'bad',
          'Your site didn’t answer in time',
          'We waited 8 seconds and your server never accepted the connection. A server that is switched off or overloaded does this, and so does a firewall that silently drops connections.',
          'timeout',
        );
      case 'slow':
        // Measured facts: Nginx's proxy_read_timeout and fastcgi_read_timeout default
        // to 60 s and end in its 504; Cloudflare waits 100 s, then shows 524.
        downForAll('your site did not answer us in time either');
        return result(
          'bad',
          'Your server is up, but sent no answer in 8 seconds',
          'Your server accepted the connection, so it is running and reachable: this is not a DNS or network problem. But no answer came in the 8 seconds we wait, so a page is very slow or the server is too busy to start on it. Visitors who wait longer get an error once something in between gives up: Nginx waits 60 seconds for PHP or your app, then shows a 504; Cloudflare waits 100 seconds, then shows its 524 page.',
          'slow',
        );
      case 'reset':
        downForAll('your server hung up on us too');
        return result(
          'bad',
          'Your server hung up without answering',
          'The connection opened, then closed before any answer came. A web server that is crashing or badly set up does this.',
          'reset',
        );
      case 'bad-answer':
        downForAll('your server’s answer was broken for us too');
        return result(
          'bad',
          'Your server’s answer is garbled',
          'Something answered at your site’s address, but not in the form browsers understand. A misconfigured server, or a program other than a web server listening there, does this.',
          'bad-answer',
        );
      case 'tls':
        downForAll('the secure connection failed for us too');
        return result(
          'bad',
          'The secure connection to your site fails',
          'Your server and our check could not agree on a secure (HTTPS) connection. Visitors’ browsers will show a security error rather than your site. The certificate or HTTPS settings need fixing.',
          'tls-error',
        );
      case 'too-many-redirects':
        return result(
          'bad',
          'Your site sends visitors round in circles',
          'It redirected more than 5 times without arriving at a page. Browsers give up and show “too many redirects”. A redirect setting (often between http and https, or www and no www) needs fixing.',
          'redirect-loop',
        );
      case 'bad-redirect':
        return result('bad', 'Your site redirects somewhere we can’t follow', 'One of the redirects does not lead to an ordinary web address.', 'bad-redirect');
    }
  }

  const status = last?.status ?? 0;
  const statusToken = `http-${status}`;
  if (status < 400 && tls && !tls.valid) {
    return result(
      'bad',
      'Visitors see a security warning instead of your site',
      'The page loads for us, but its security certificate is not valid, so browsers stop visitors with a warning. It is not a 502: renewing or fixing the certificate (often in your hosting control panel, under SSL or TLS) is the fix.',
      'cert-invalid',
    );
  }
  if (status >= 300 && status < 400) {
    return result(
      'bad',
      `Your site redirects, but doesn’t say where to`,
      `It answered “${statusLine(last!)}” without the address to go to, so browsers stop there. A redirect setting needs fixing.`,
      statusToken,
    );
  }
  if (status < 400) {
    suggest('reach', 'only-me', 'the site loaded for us');
    return result(
      'good',
      'Your site loads for us',
      'From our server, the page loaded normally. If it still fails for you, the trouble is likely near you: your browser, device or network. If it fails only sometimes, try the check again in a minute.',
      'up',
    );
  }
  if (status < 500) {
    return result(
      'unsure',
      `Your site answered “${statusLine(last!)}”`,
      status === 403 || status === 429
        ? 'The server answered, but refused our check. Many sites block automated visitors, so this says little about what people see. It is not a 502.'
        : 'The server is up and answering, but not with a page at that address. Check the address; it is not a 502.',
      statusToken,
    );
  }

  downForAll(`your site answered us with ${status} too`);
  return serverError(status, last!, front, suggest);
}

/** A 5xx: who wrote the page says which part failed. */
function serverError(status: number, last: Hop, front: Front | undefined, suggest: Suggest) {
  const page = detectErrorPage(last.body);
  const statusToken = `http-${status}`;
  const bad = (verdict: string, explanation: string, pageToken?: string) => ({
    tone: 'bad' as const,
    verdict,
    explanation,
    tokens: pageToken ? [statusToken, `page-${pageToken}`] : [statusToken],
  });
  const onCloudflare = front?.id === 'cloudflare' || page?.name === 'Cloudflare';
  const code = onCloudflare ? cloudflareCode(status) : undefined;
  const askCode = () => code && suggest('cf-code', String(status), `Cloudflare’s page shows ${status}, “${code.name}”`);

  if (page?.id === 'cloudflare-tunnel') {
    suggest('error-page', 'cloudflare-52x', 'Cloudflare sent its “Cloudflare Tunnel error” page (error 1033)');
    askCode();
    return bad(
      'Cloudflare can’t reach the tunnel to your server',
      'Your site reaches Cloudflare through a Cloudflare Tunnel, and Cloudflare says it cannot reach that tunnel (error 1033). The program that keeps the tunnel open from your side, cloudflared, has stopped or cannot reach Cloudflare, or your Cloudflare DNS record points at a tunnel that no longer exists. Start cloudflared again on the machine it runs on and look at its log.',
      page.id,
    );
  }
  if (code) {
    suggest('error-page', 'cloudflare-52x', `Cloudflare sent its own ${status} page`);
    askCode();
    return bad(
      `Cloudflare answers with ${status}: “${code.name}”`,
      `Cloudflare itself is working: it answered for your site, and says ${code.says}.`,
      'cloudflare',
    );
  }
  if (page?.id === 'cloudflare-plain') {
    suggest('error-page', 'cloudflare-plain', `Cloudflare sent a plain ${status} page with only its name on it, without its branding`);
    return bad(
      'Cloudflare itself failed, not your server',
      `The ${status} page came from Cloudflare without its usual branding, which is how Cloudflare shows a failure of its own. Look at cloudflarestatus.com; such a failure usually passes by itself. If it keeps happening on some addresses of your site only, Cloudflare names one cause at your server: broken compression, a gzip-compressed answer sent with the wrong Content-Length.`,
      page.id,
    );
  }
  if (page?.id === 'cloudflare' && (status === 502 || status === 504)) {
    suggest('error-page', 'cloudflare-502', `Cloudflare sent its branded ${status} page`);
    return bad(
      `Your site is down for everyone: your server answers Cloudflare with ${status}`,
      `Cloudflare’s branded page means Cloudflare is working: it reached your server, and your server answered with a ${status} of its own. Most often the web server there ${behind[status]}. The fixes ahead look at your server.`,
      page.id,
    );
  }
  if (page?.errorPage === 'nginx' || page?.errorPage === 'apache' || page?.id === 'litespeed') {
    if (page.errorPage) suggest('error-page', page.errorPage, `the error page is ${page.name}’s own`);
    const through = front ? ` ${front.name} passed the page on from your server.` : '';
    // Measured: Apache shows a stopped backend as 503, where Nginx shows 502.
    const stopped = page.id === 'apache' && status === 503 ? ' On Apache, this usually means that program has stopped.' : '';
    // LiteSpeed's 503, “The server is temporarily busy”, is the one shared hosts show when PHP cannot start.
    const litespeed =
      page.id === 'litespeed' && status === 503
        ? ' On LiteSpeed this usually means it could not start PHP (lsphp): PHP crashed, or the account reached its limit of processes or memory.'
        : '';
    return bad(
      `Your site is down for everyone: ${page.name} ${behind[status] ? 'can’t reach what runs your site' : `answers with ${status}`}`,
      `Your server’s web server, ${page.name}, answered, but ${behind[status] ?? `reported an error (${status})`}.${stopped}${litespeed}${through} The fixes ahead look at that program.`,
      page.id,
    );
  }
  if (page?.id === 'aws-alb' || front?.kind === 'load-balancer') {
    const why: Record<number, string> = {
      502: 'the server behind it closed the connection or sent an answer it could not use. A common cause is an app that closes idle connections sooner than the load balancer: Node.js closes them after 5 seconds by default, the load balancer after 60, so the app’s keep-alive timeout has to be the longer one',
      503: 'it has no healthy server to pass the request to: the health checks of its target group fail, or no server is registered in it',
      504: 'the server behind it did not answer in time, or could not be connected to',
    };
    return bad(
      `Your site is down for everyone: the load balancer in front gets no proper answer from your server`,
      `The answer came from an AWS Application Load Balancer in front of your server, which ${why[status] ? `says ${why[status]}` : `reported an error (${status})`}. The fixes ahead look at the server and app behind it.`,
      page?.id === 'aws-alb' ? page.id : undefined,
    );
  }
  if (page?.id === 'varnish' && front?.kind !== 'cdn') {
    return bad(
      'Your site is down for everyone: Varnish can’t get pages from your web server',
      'The page came from Varnish, a cache that sits in front of your web server (“Backend fetch failed”, “Guru Meditation”). Varnish is running, but the web server behind it did not answer, or answered too slowly or badly. The fixes ahead look at that web server and what runs behind it.',
      page.id,
    );
  }
  if (front?.kind === 'cdn') {
    const branded = page?.id === 'cloudflare';
    const explanation =
      front.id !== 'cloudflare'
        ? `${front.name}’s servers are working and passed on an error from your server. The fault is at your server or between it and ${front.name}, not at ${front.name}.`
        : branded
          ? 'Cloudflare’s branded page means Cloudflare is working: it reached your server and passed on its error.'
          : 'The answer came through Cloudflare, but we couldn’t tell who wrote its page. If the page you see carries Cloudflare’s branding (a Ray ID and three icons), your server answered with the error; if it is a plain page with only “cloudflare” under the heading, Cloudflare itself failed.';
    return bad(`Your site is down for everyone: ${front.name} answers with ${status}`, explanation, branded ? 'cloudflare' : undefined);
  }
  return bad(
    `Your site is down for everyone: it answers with ${status}`,
    `Your server answered with an error (${statusLine(last)}). We could not tell which program wrote the page; the fixes ahead find out.`,
  );
}
