/**
 * The hand-off message: everything a host's support agent needs, in plain
 * text a person can paste into a ticket, an email or a chat.
 */

export interface HandoffInput {
  facts: { name: string; value: string }[];
  tried: { title: string; outcome: string }[];
  /** Recognised error-log lines, as meanings. */
  findings?: { title: string; meaning: string }[];
  /** What a live check of the site saw. */
  liveCheck?: string;
  siteAddress?: string;
  since?: string;
  /** Cloudflare's reference for one failed request, which its error page shows. */
  rayId?: string;
  progressUrl: string;
}

export interface HandoffMessage {
  subject: string;
  body: string;
}

export function composeHandoff({ facts, tried, findings = [], liveCheck, siteAddress, since, rayId, progressUrl }: HandoffInput): HandoffMessage {
  const lines = [
    'Hello,',
    '',
    'My website shows “502 Bad Gateway”. I have worked through the fixes I can do myself, and it is still broken. Could you look into it, please?',
  ];
  if (siteAddress || since || rayId) lines.push('');
  if (siteAddress) lines.push(`Website: ${siteAddress}`);
  if (since) lines.push(`Started: ${since}`);
  if (rayId) lines.push(`Cloudflare Ray ID: ${rayId}`);
  if (facts.length) {
    lines.push('', 'What I know about the setup:', ...facts.map((f) => `- ${f.name}: ${f.value}`));
  }
  if (liveCheck) {
    lines.push('', 'What a live check of the site from outside saw:', `- ${liveCheck}`);
  }
  if (findings.length) {
    lines.push('', 'What my error log shows:', ...findings.map((f) => `- ${f.title}: ${f.meaning}`));
  }
  lines.push('', 'What I tried, in order:');
  lines.push(...(tried.length ? tried.map((t, i) => `${i + 1}. ${t.title}: ${t.outcome}`) : ['Nothing yet.']));
  lines.push(
    '',
    'Every step and answer, to open in a browser:',
    progressUrl,
    '',
    'The server’s error logs from around the time it started would tell us most.',
    '',
    'Thank you.',
  );
  return {
    subject: `502 Bad Gateway on ${siteAddress ? hostOf(siteAddress) : 'my website'}: what I’ve tried`,
    body: lines.join('\n'),
  };
}

function hostOf(address: string): string {
  try {
    return new URL(address).host;
  } catch {
    return address;
  }
}

/** A `mailto:` link with the message; email clients want CRLF line breaks. */
export function mailtoHref(message: HandoffMessage, to = ''): string {
  const enc = (s: string) => encodeURIComponent(s.replace(/\r?\n/g, '\r\n'));
  return `mailto:${encodeURIComponent(to).replace(/%40/g, '@')}?subject=${enc(message.subject)}&body=${enc(message.body)}`;
}

/** A download link that needs no server round trip and no JavaScript. */
export function textFileHref(message: HandoffMessage): string {
  return `data:text/plain;charset=utf-8,${encodeURIComponent(message.body)}`;
}

const maxAddress = 200;
const maxSince = 120;

export type FieldResult = { value?: string; error?: string; raw: string };

/** Accepts what people type for a site (a bare domain is fine); says clearly what is wrong otherwise. */
export function parseSiteAddress(input: unknown): FieldResult {
  const raw = typeof input === 'string' ? clean(input).slice(0, maxAddress * 2) : '';
  if (!raw) return { raw };
  if (raw.length > maxAddress) return { raw, error: `That address is longer than ${maxAddress} characters. Paste just the site’s address, like example.com.` };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { raw, error: `“${raw}” doesn’t look like a web address. Try something like example.com.` };
  }
  if (!['http:', 'https:'].includes(url.protocol)) {
    return { raw, error: 'Only web addresses starting with http:// or https:// work here.' };
  }
  if (!/^(?:[a-z0-9-]+\.)+[a-z0-9-]{2,}\.?$|^\[[0-9a-f:.]+\]$|^\d{1,3}(?:\.\d{1,3}){3}$/i.test(url.hostname)) {
    return { raw, error: `“${raw}” doesn’t look like a web address. Try something like example.com.` };
  }
  return { raw, value: `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}` };
}

/** When it started: free text, kept short and on one line. */
export function parseSince(input: unknown): FieldResult {
  const raw = typeof input === 'string' ? clean(input) : '';
  if (!raw) return { raw };
  if (raw.length > maxSince) return { raw: raw.slice(0, maxSince * 2), error: `Please keep this under ${maxSince} characters, e.g. “today at 9:30, UK time”.` };
  return { raw, value: raw };
}

/** A Ray ID is 16 hexadecimal characters, sometimes followed by a data centre code (…-LHR). */
export function parseRayId(input: unknown): FieldResult {
  const raw = typeof input === 'string' ? clean(input).slice(0, 80) : '';
  if (!raw) return { raw };
  const match = /^(?:ray id:?\s*)?([0-9a-f]{16})(?:-([a-z]{3}))?$/i.exec(raw);
  if (!match)
    return { raw, error: 'A Ray ID looks like 8c1f2e3d4b5a6978, sometimes with a code like -LHR after it. Copy it from the bottom of the error page.' };
  return { raw, value: match[2] ? `${match[1].toLowerCase()}-${match[2].toUpperCase()}` : match[1].toLowerCase() };
}

/** One line of printable text: control characters become spaces. */
function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}
