import type { CertificateInfo, CheckReport, Hop } from './report';
import { detectCdn, detectErrorPage, detectServer } from './signatures';

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

/**
 * Cloudflare's own codes: the name its page gives (Node knows them only as
 * “unknown”) and what each says about your server.
 */
const cloudflareCodes: Record<number, { name: string; says: string }> = {
  520: { name: 'Web server returned an unknown error', says: 'your server sent Cloudflare an answer it could not understand (520)' },
  521: { name: 'Web server is down', says: 'your server refused Cloudflare’s connection: the web server is down or a firewall blocks Cloudflare (521)' },
  522: { name: 'Connection timed out', says: 'Cloudflare’s connection to your server timed out: the server is overloaded, offline, or a firewall drops Cloudflare (522)' },
  523: { name: 'Origin is unreachable', says: 'Cloudflare could not find a route to your server: its address in Cloudflare’s DNS settings may be wrong (523)' },
  524: { name: 'A timeout occurred', says: 'your server accepted Cloudflare’s connection but took too long to answer (524)' },
  525: { name: 'SSL handshake failed', says: 'the secure connection between Cloudflare and your server failed (525)' },
  526: { name: 'Invalid SSL certificate', says: 'your server’s security certificate is not valid in Cloudflare’s eyes (526)' },
  530: { name: 'Origin error', says: 'Cloudflare could not reach your server; a second code on the page says why (530)' },
};

const behind: Record<number, string> = {
  502: 'could not get a proper answer from the program behind it (usually PHP-FPM or your app)',
  503: 'says the program behind it is unavailable',
  504: 'waited for the program behind it, and gave up because it took too long',
};

const statusLine = (hop: Hop) => `${hop.status} ${cloudflareCodes[hop.status ?? 0]?.name ?? hop.statusText ?? ''}`.trim();

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

  const cdn = last && detectCdn(last.headers);
  const server = last && detectServer(last.headers);
  if (cdn) {
    tokens.push(`cdn-${cdn.cdn.id}`);
    findings.push({ id: 'cdn', tone: 'good', title: `${cdn.cdn.name} sits in front of your site`, detail: [`We know from ${cdn.clue}`] });
    suggest('cdn', 'yes', `${cdn.cdn.name} answered for your site`);
  }
  if (server && !cdn) {
    tokens.push(`server-${server.id}`);
    findings.push({ id: 'server', tone: 'good', title: `Your web server is ${server.name}`, detail: [`server: ${last?.headers?.server}`] });
    if (server.id === 'nginx' || server.id === 'apache') suggest('server', server.id, `your server calls itself ${server.name}`);
  }

  const verdict = judge(report, last, tls, cdn?.cdn, suggest);
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

const questionOrder = ['reach', 'error-page', 'cdn', 'server'];

function judge(report: CheckReport, last: Hop | undefined, tls: CertificateInfo | undefined, cdn: { id: string; name: string } | undefined, suggest: Suggest) {
  const downForAll = (because: string) => suggest('reach', 'everyone', because);
  const failure = report.failure;
  const result = (tone: Tone, verdict: string, explanation: string, token: string) => ({ tone, verdict, explanation, tokens: [token] });

  if (failure) {
    switch (failure.kind) {
      case 'refused-address':
        return result('unsure', report.hops.length > 1 ? 'Your site redirects to a private address, so we stopped' : 'We don’t check private addresses', report.hops.length > 1 ? 'One of the redirects leads into a private network. A visitor’s browser could not follow it either, unless they are inside that network.' : 'That address is not on the public internet, so a check from our server would say nothing about what your visitors see.', 'refused-address');
      case 'no-dns':
        downForAll('the name does not exist for anyone');
        suggest('error-page', 'browser', 'browsers show their own page when a name does not exist');
        return result('bad', 'Your site’s name doesn’t lead anywhere', 'Check the spelling first. If it is right, the name’s DNS records (the entries that point the name at your server) are missing, or the domain has expired. Nobody can reach the site until that is fixed.', 'no-dns');
      case 'dns-error':
        return result('unsure', 'We couldn’t look up your site’s name just now', 'The lookup failed without a clear answer. It may be a passing problem on our side: try again in a minute.', 'dns-error');
      case 'refused':
        downForAll('your server refused our connection too');
        suggest('error-page', 'browser', 'browsers show their own page when a server refuses them');
        return result('bad', 'Nothing is answering at your site’s address', 'Your server refused the connection. Its web server has stopped, or a firewall turns visitors away. It is down for everyone, not just you.', 'refused');
      case 'unreachable':
        downForAll('we could not reach your server either');
        suggest('error-page', 'browser', 'browsers show their own page when a server cannot be reached');
        return result('bad', 'Your server can’t be reached', 'There is no route to your server’s address. The server may be switched off, or the name points at an old address.', 'unreachable');
      case 'timeout':
        if (last?.status === undefined) {
          downForAll('your site did not answer us in time either');
          suggest('error-page', 'browser', 'browsers show their own page when a site does not answer');
        }
        return result('bad', 'Your site didn’t answer in time', 'We waited 8 seconds without getting a complete answer. An overloaded or stuck server does this, and so does a firewall that silently drops connections.', 'timeout');
      case 'reset':
        downForAll('your server hung up on us too');
        return result('bad', 'Your server hung up without answering', 'The connection opened, then closed before any answer came. A web server that is crashing or badly set up does this.', 'reset');
      case 'bad-answer':
        downForAll('your server’s answer was broken for us too');
        return result('bad', 'Your server’s answer is garbled', 'Something answered at your site’s address, but not in the form browsers understand. A misconfigured server, or a program other than a web server listening there, does this.', 'bad-answer');
      case 'tls':
        downForAll('the secure connection failed for us too');
        return result('bad', 'The secure connection to your site fails', 'Your server and our check could not agree on a secure (HTTPS) connection. Visitors’ browsers will show a security error rather than your site. The certificate or HTTPS settings need fixing.', 'tls-error');
      case 'too-many-redirects':
        return result('bad', 'Your site sends visitors round in circles', 'It redirected more than 5 times without arriving at a page. Browsers give up and show “too many redirects”. A redirect setting (often between http and https, or www and no www) needs fixing.', 'redirect-loop');
      case 'bad-redirect':
        return result('bad', 'Your site redirects somewhere we can’t follow', 'One of the redirects does not lead to an ordinary web address.', 'bad-redirect');
    }
  }

  const status = last?.status ?? 0;
  const statusToken = `http-${status}`;
  if (status < 400 && tls && !tls.valid) {
    return result('bad', 'Visitors see a security warning instead of your site', 'The page loads for us, but its security certificate is not valid, so browsers stop visitors with a warning. It is not a 502: renewing or fixing the certificate (often in your hosting control panel, under SSL or TLS) is the fix.', 'cert-invalid');
  }
  if (status >= 300 && status < 400) {
    return result('bad', `Your site redirects, but doesn’t say where to`, `It answered “${statusLine(last!)}” without the address to go to, so browsers stop there. A redirect setting needs fixing.`, statusToken);
  }
  if (status < 400) {
    suggest('reach', 'only-me', 'the site loaded for us');
    return result('good', 'Your site loads for us', 'From our server, the page loaded normally. If it still fails for you, the trouble is likely near you: your browser, device or network. If it fails only sometimes, try the check again in a minute.', 'up');
  }
  if (status < 500) {
    return result('unsure', `Your site answered “${statusLine(last!)}”`, status === 403 || status === 429 ? 'The server answered, but refused our check. Many sites block automated visitors, so this says little about what people see. It is not a 502.' : 'The server is up and answering, but not with a page at that address. Check the address; it is not a 502.', statusToken);
  }

  downForAll(`your site answered us with ${status} too`);
  const page = detectErrorPage(last?.body);
  const tokens = [statusToken];
  if (cdn?.id === 'cloudflare' && cloudflareCodes[status]) {
    suggest('error-page', 'cloudflare-52x', `Cloudflare sent a ${status} page`);
    return { tone: 'bad' as const, verdict: 'Cloudflare is working, but it can’t reach your server', explanation: `Cloudflare answered for your site, and says ${cloudflareCodes[status].says}. The fix is at your server, not at Cloudflare.`, tokens: [...tokens, 'page-cloudflare'] };
  }
  if (page?.id === 'nginx' || page?.id === 'apache') {
    suggest('error-page', page.id, `the error page is ${page.name}’s own`);
    const through = cdn ? ` ${cdn.name} passed the page on from your server.` : '';
    // Measured: Apache shows a stopped backend as 503, where Nginx shows 502.
    const stopped = page.id === 'apache' && status === 503 ? ' On Apache, this usually means that program has stopped.' : '';
    return {
      tone: 'bad' as const,
      verdict: `Your site is down for everyone: ${page.name} ${behind[status] ? 'can’t reach what runs your site' : `answers with ${status}`}`,
      explanation: `Your server’s web server, ${page.name}, answered, but ${behind[status] ?? `reported an error (${status})`}.${stopped}${through} The fixes ahead look at that program.`,
      tokens: [...tokens, `page-${page.id}`],
    };
  }
  if (cdn) {
    const branded = page?.id === 'cloudflare';
    if (cdn.id === 'cloudflare' && (status === 502 || status === 504)) suggest('error-page', 'cloudflare-502', `Cloudflare sent a ${status} page`);
    return {
      tone: 'bad' as const,
      verdict: `Your site is down for everyone: ${cdn.name} answers with ${status}`,
      explanation: branded || cdn.id !== 'cloudflare'
        ? `${cdn.name}’s servers are working and passed on an error from your server. The fault is at your server or between it and ${cdn.name}, not at ${cdn.name}.`
        : `The answer came from ${cdn.name}’s servers, without your server’s own error page. Most often your server answered ${cdn.name} badly or not at all; the fault is rarely ${cdn.name}’s own.`,
      tokens: [...tokens, ...(branded ? ['page-cloudflare'] : cdn.id === 'cloudflare' ? ['page-edge'] : [])],
    };
  }
  return {
    tone: 'bad' as const,
    verdict: `Your site is down for everyone: it answers with ${status}`,
    explanation: `Your server answered with an error (${statusLine(last!)}). We could not tell which program wrote the page; the fixes ahead find out.`,
    tokens,
  };
}
