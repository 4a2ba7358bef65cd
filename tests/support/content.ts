import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { guidanceComponents } from '@/app/_components/guidance';
import type { Facts } from '@/machines/facts';
import { evaluateGuidance } from '@/tests/mdx-compile';

/** The heading a step shows, read from its guidance file. */
export async function titleOf(step: string): Promise<string> {
  return (await evaluateGuidance(`content/steps/${step}.mdx`)).frontmatter.title;
}

/** A step's guidance as the step page renders it for someone in this situation. */
export async function renderStep(step: string, facts: Facts): Promise<string> {
  const { Content } = await evaluateGuidance(`content/steps/${step}.mdx`);
  return renderToStaticMarkup(createElement(Content, { components: guidanceComponents(facts) }));
}

/**
 * The markup with every `<tag …>` element whose opening tag contains `attribute`
 * taken out, nested elements of the same tag included. Rendered markup
 * from React is well formed, so counting opening and closing tags is enough.
 */
export function withoutElements(html: string, tag: string, attribute: string): string {
  const escaped = attribute.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const open = new RegExp(`<${tag}\\b[^>]*\\s${escaped}(?=[\\s=>/])[^>]*>`);
  const any = new RegExp(`<${tag}\\b[^>]*>|</${tag}>`, 'g');
  let out = '';
  let from = 0;
  for (let start = html.slice(from).search(open); start !== -1; start = html.slice(from).search(open)) {
    const at = from + start;
    out += html.slice(from, at);
    any.lastIndex = at;
    let depth = 0;
    let end = html.length;
    for (let m = any.exec(html); m; m = any.exec(html)) {
      depth += m[0].startsWith('</') ? -1 : 1;
      if (depth === 0) {
        end = m.index + m[0].length;
        break;
      }
    }
    from = end;
  }
  return out + html.slice(from);
}

/** The SSH folds (`data-fold="ssh"`), as the markup a panel user sees without opening them is left. */
export function outsideSshFolds(html: string): string {
  return withoutElements(html, 'details', 'data-fold="ssh"');
}

/** Commands marked as run on the person's own computer (`<Command local>`), removed. */
export function withoutLocalCommands(html: string): string {
  return withoutElements(html, 'div', 'data-local');
}

/**
 * Visible text, without tags, with the few entities React writes decoded.
 * Tags go without a trace, so "with <code>sudo</code>." reads "with sudo.".
 */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Blocks marked as typed into the control panel (`<Command panel>`), removed. */
export function withoutPanelCommands(html: string): string {
  return withoutElements(html, 'div', 'data-panel');
}

/**
 * Server commands in rendered guidance: code blocks, `sudo …` anywhere in the
 * text, and inline code that starts with a command only run on a server.
 * Commands marked `local` (run on the person's own computer) never count;
 * with `{ panel: true }`, blocks marked `panel` (typed into the control panel) don't either.
 */
export function serverCommandsIn(html: string, { panel = false }: { panel?: boolean } = {}): string[] {
  const rest = withoutLocalCommands(panel ? withoutPanelCommands(html) : html);
  const found: string[] = [];
  for (const m of rest.matchAll(/<pre\b[^>]*>([\s\S]*?)<\/pre>/g))
    found.push(
      `code block: ${textOf(m[1] ?? '')
        .trim()
        .slice(0, 60)}`,
    );
  for (const m of textOf(rest).matchAll(/\bsudo [^\n]{0,40}/g)) found.push(`text: ${m[0]}`);
  const serverOnly =
    /<code>((?:sudo|systemctl|journalctl|apachectl|csf|ufw|firewall-cmd|fail2ban-client|wp|tail|lsof|truncate|service|iptables|ss|du|df|free|top|uptime) [^<]+|nginx -t[^<]*|php-fpm[\d.]* -[^<]*)<\/code>/g;
  for (const m of rest.matchAll(serverOnly)) found.push(`inline code: ${m[1]}`);
  return found;
}
