import { fronts, pageWriters, webServers, type Front, type HeaderClue, type PageWriter, type WebServer } from '@/evidence/senders';

/**
 * Reading the sender tables (evidence/senders.ts) against one answer: the
 * service in front, the web server, and who wrote an error page.
 */

type Headers = Record<string, string>;

/** The header that told us, in words for the report's detail. */
function clueIn(headers: Headers, { header, pattern }: HeaderClue): string | undefined {
  if (!Object.hasOwn(headers, header)) return undefined;
  if (!pattern) return `the ${header} header`;
  return pattern.test(headers[header]) ? `${header}: ${headers[header]}` : undefined;
}

export function detectFront(headers: Headers = {}): { front: Front; clue: string } | undefined {
  for (const front of fronts) {
    for (const c of front.clues) {
      const clue = clueIn(headers, c);
      if (clue) return { front, clue };
    }
  }
  return undefined;
}

export function detectServer(headers: Headers = {}): WebServer | undefined {
  return webServers.find((s) => s.pattern.test(headers.server ?? ''));
}

export function detectErrorPage(body = ''): PageWriter | undefined {
  return pageWriters.find((w) => w.pattern.test(body));
}
