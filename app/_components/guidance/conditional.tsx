import type { ReactNode } from 'react';
import type { FactName, Facts } from '@/machines/facts';
import { knows } from '@/handoff/known-facts';
import { Command } from './CodeBlock';

const serverNames = { nginx: 'Nginx', apache: 'Apache' } as const;

/**
 * Guidance that depends on what the wizard has learned. Content shows when
 * the fact matches or is not known yet, so nobody misses what may apply.
 */
export function bindConditionals(facts: Facts) {
  function If({ children, ...conditions }: { children: ReactNode } & Partial<Record<FactName, string>>) {
    const fits = (Object.entries(conditions) as [FactName, string][]).every(
      ([fact, values]) => !knows(facts, fact) || values.split(/\s+/).includes(facts[fact] as string),
    );
    return fits ? <>{children}</> : null;
  }

  /** Web-server variants: only the person's own, or all of them, labelled. */
  function ForServer({ name, children }: { name: keyof typeof serverNames; children: ReactNode }) {
    if (knows(facts, 'server')) return facts.server === name ? <>{children}</> : null;
    return (
      // Not a landmark: a page can hold several variants for the same server.
      <div className="my-6 border-l-2 border-slate-300 pl-4 dark:border-slate-700">
        <p className="font-semibold">If your site runs on {serverNames[name]}:</p>
        {children}
      </div>
    );
  }

  /**
   * Commands name PHP 8.2, the version on current Debian; when a log line has
   * told us the person's version, the commands use theirs instead.
   */
  function CommandForThisServer(props: Parameters<typeof Command>[0]) {
    const php = facts.php;
    if (!php) return <Command {...props} />;
    const fit = (s?: string) =>
      s?.replace(/php(-fpm)?8\.2/g, (_, fpm = '') => `php${fpm}${php}`).replace(/\/php\/8\.2\//g, `/php/${php}/`);
    return <Command run={fit(props.run)} systemd={fit(props.systemd)} service={fit(props.service)} />;
  }

  return { If, ForServer, Command: CommandForThisServer };
}
