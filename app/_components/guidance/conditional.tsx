import type { ReactNode } from 'react';
import type { FactName, Facts } from '@/machines/facts';
import { knows } from '@/handoff/known-facts';
import { platformOf } from '@/platforms';
import { Details } from './Details';

const serverNames = { nginx: 'Nginx', apache: 'Apache' } as const;

/** The label of the fold that holds server commands for people who may not have SSH. */
export const sshFoldLabel = 'If you also have SSH (a command line on the server)';

/**
 * Guidance that depends on what the wizard has learned. Content shows when
 * the fact matches or is not known yet, so nobody misses what may apply.
 *
 * The components close over the facts because guidance renders as a server
 * component, where React context isn't available, and MDX passes authors'
 * props only. They hold no state and call no hooks, so a new identity per
 * render costs nothing (hence the biome-ignore comments below).
 */
export function bindConditionals(facts: Facts) {
  // biome-ignore lint/correctness/noComponentHookFactories: bound to the facts, see above
  function If({ children, ...conditions }: { children: ReactNode } & Partial<Record<FactName, string>>) {
    const fits = (Object.entries(conditions) as [FactName, string][]).every(
      ([fact, values]) => !knows(facts, fact) || values.split(/\s+/).includes(facts[fact] as string),
    );
    return fits ? children : null;
  }

  /** Web-server variants: only the person's own, or all of them, labelled. */
  // biome-ignore lint/correctness/noComponentHookFactories: bound to the facts, see above
  function ForServer({ name, children }: { name: keyof typeof serverNames; children: ReactNode }) {
    if (knows(facts, 'server')) return facts.server === name ? children : null;
    return (
      // Not a landmark: a page can hold several variants for the same server.
      <div className="my-6 border-l-2 border-slate-300 pl-4 dark:border-slate-700">
        <p className="font-semibold">If your site runs on {serverNames[name]}:</p>
        {children}
      </div>
    );
  }

  /**
   * Server commands. Someone with SSH sees them in place (inside a fold of
   * their own when `summary` is given). Someone with only a control panel,
   * or who hasn't said, finds them folded under one label that says who they
   * are for, so a panel user never mistakes a command for their next step.
   * Someone with no access at all doesn't see them.
   */
  // biome-ignore lint/correctness/noComponentHookFactories: bound to the facts, see above
  function Ssh({ summary, children }: { summary?: string; children: ReactNode }) {
    if (facts.access === 'none') return null;
    // A platform with no command line of its own (hPanel): nothing here would run.
    const known = platformOf(facts);
    if (known && !known.php && !known.nginx && !known.apache && !known.litespeed) return null;
    if (facts.access === 'ssh') return summary ? <Details summary={summary}>{children}</Details> : children;
    const label = summary ? (
      <>
        {sshFoldLabel}
        <span className="block text-sm font-normal text-slate-700 dark:text-slate-300">{summary}</span>
      </>
    ) : (
      sshFoldLabel
    );
    return (
      <Details summary={label} fold="ssh">
        {children}
      </Details>
    );
  }

  return { If, ForServer, Ssh };
}
