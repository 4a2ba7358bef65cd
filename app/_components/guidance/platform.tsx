import { Children, Fragment, isValidElement, type ComponentProps, type ReactElement, type ReactNode } from 'react';
import type { Facts } from '@/machines/facts';
import { likelyPlatforms, platformOf, platformTags } from '@/platforms';
import { fill, hasPlaceholders, variants, type Variant } from '@/platforms/fill';
import type { Crumb, PanelFacts, PanelTask, Platform } from '@/platforms/types';
import { Warning } from './Callout';
import { CodeBlock, Command, type CommandProps } from './CodeBlock';
import { markScoped, scoped } from './scope';

/** Short names for a group of platforms: a whole family by its family name. */
const familyNames: Record<string, string> = { debian: 'Debian/Ubuntu' };

export function groupLabel(group: readonly Platform[], all: readonly Platform[]): string {
  const names: string[] = [];
  for (const p of group) {
    const family = all.filter((q) => q.family === p.family);
    const whole = familyNames[p.family] && family.length > 1 && family.every((q) => group.includes(q));
    const name = whole ? familyNames[p.family] : p.label;
    if (!names.includes(name)) names.push(name);
  }
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names[0];
}

/** Which side of a panel a person works on: the administrator's when they said so or have SSH. */
function crumbFor(panel: PanelFacts, task: PanelTask, access: Facts['access']): { crumb: Crumb; root: string } | undefined {
  const admin = panel.admin[task] && { crumb: panel.admin[task], root: panel.adminName ?? panel.name };
  const account = panel.account[task] && { crumb: panel.account[task], root: panel.name };
  if (access === 'server-panel' || access === 'ssh') return admin ?? account;
  if (access === 'panel') return account;
  return account ?? admin;
}

/** A note in brackets mid-sentence: "Only on…" becomes "only on…"; names such as WHM keep their capitals. */
const bracketed = (note: string) => note.replace(/\.$/, '').replace(/^[A-Z](?=[a-z']*\b)/, (c) => c.toLowerCase());

function CrumbText({ crumb, root }: { crumb: Crumb; root: string }) {
  return (
    <>
      <strong>{[root, ...crumb.path].join(' » ')}</strong>
      {crumb.note && ` (${bracketed(crumb.note)})`}
    </>
  );
}

/** Filled-in text as code blocks: one plain block when every platform reads the same, else one labelled block each. */
function VariantBlocks({
  all,
  likely,
  className,
  local,
  panel,
}: {
  all: Variant[];
  likely: readonly Platform[];
  className?: string;
  local?: boolean;
  panel?: boolean;
}) {
  if (all.length === 1)
    return (
      <CodeBlock local={local} panel={panel}>
        <code className={className}>{all[0].text}</code>
      </CodeBlock>
    );
  return (
    <div data-variants>
      {all.map((v) => (
        <CodeBlock key={v.text} caption={`${groupLabel(v.platforms, likely)}:`} local={local} panel={panel}>
          <code className={className}>{v.text}</code>
        </CodeBlock>
      ))}
    </div>
  );
}

/** The text of a fenced block's `<code>`, when it is plain text. */
function codeText(children: ReactNode): { text: string; props: ComponentProps<'code'> } | undefined {
  const only = Children.toArray(children);
  if (only.length !== 1 || !isValidElement(only[0])) return undefined;
  const props = (only[0] as ReactElement<ComponentProps<'code'>>).props;
  return typeof props.children === 'string' ? { text: props.children, props } : undefined;
}

/**
 * Guidance for the person's own platform (platforms/): their commands and
 * paths, their panel's screens. When they haven't named one, the variants
 * they may be on, each labelled, the way `ForServer` does for web servers.
 */
export function bindPlatform(facts: Facts) {
  const known = platformOf(facts);
  const likely = likelyPlatforms(facts);
  /** The platforms a block is for: those of the `ForPlatform` around it, or every likely one. */
  const within = (scope?: readonly string[]) => (scope ? likely.filter((p) => scope.includes(p.id)) : likely);
  const variantsOf = (text: string, scope?: readonly string[]): Variant[] => (known ? [] : variants(text, within(scope), facts.php));

  /**
   * Blocks for some platforms: `is` lists the tags a platform must have one
   * of, `not` those it must have none of (see `platformTags`).
   */
  // biome-ignore lint/correctness/noComponentHookFactories: bound to the facts, see conditional.tsx
  function ForPlatform({ is, not, scope, children }: { is?: string; not?: string; scope?: readonly string[]; children: ReactNode }) {
    const wanted = is?.split(/\s+/);
    const unwanted = not?.split(/\s+/) ?? [];
    const fits = (p: Platform) => {
      const tags = platformTags(p);
      return (!wanted || tags.some((tag) => wanted.includes(tag))) && !tags.some((tag) => unwanted.includes(tag));
    };
    if (known) return fits(known) ? children : null;
    const around = within(scope);
    const group = around.filter(fits);
    if (!group.length) return null;
    const inner = scoped(
      children,
      group.map((p) => p.id),
    );
    // Every platform the block around it is for: its label already says so.
    if (group.length === around.length) return inner;
    return (
      <div className="my-6 border-l-2 border-slate-300 pl-4 dark:border-slate-700" data-platforms={group.map((p) => p.id).join(' ')}>
        <p className="font-semibold">If your server runs {groupLabel(group, likely)}:</p>
        {inner}
      </div>
    );
  }

  /** Where a panel keeps a screen, as its breadcrumb: the person's panel, or every likely one. */
  // biome-ignore lint/correctness/noComponentHookFactories: bound to the facts, see conditional.tsx
  function PanelPath({ to, scope }: { to: PanelTask; scope?: readonly string[] }) {
    if (known?.panel) {
      const found = crumbFor(known.panel, to, facts.access);
      if (found) return <CrumbText {...found} />;
      // An administrator is the host: there is nobody to ask.
      const admin = facts.access === 'server-panel' || facts.access === 'ssh';
      return <>{admin ? `${known.panel.name} has no screen for it` : `${known.panel.name} has no screen for it, so ask your host`}</>;
    }
    const panels: { id: string; name: string; crumb: Crumb; root: string }[] = [];
    for (const p of within(scope)) {
      const found = p.panel && crumbFor(p.panel, to, facts.access);
      // CloudLinux servers run cPanel: one mention of each panel's screen.
      if (found && !panels.some((q) => q.name === p.panel!.name)) panels.push({ id: p.id, name: p.panel!.name, ...found });
    }
    if (!panels.length) return <>your control panel (ask your host where)</>;
    // Each crumb starts with its panel's name, so the list needs no more words.
    return (
      <>
        {panels.map((p, i) => (
          <Fragment key={p.id}>
            {i > 0 && (i === panels.length - 1 ? ' or ' : '; ')}
            <CrumbText crumb={p.crumb} root={p.root} />
          </Fragment>
        ))}
      </>
    );
  }

  /** The name of the person's panel ("cPanel", or "WHM" on its administrator's side), or a general one. */
  // biome-ignore lint/correctness/noComponentHookFactories: bound to the facts, see conditional.tsx
  function Panel() {
    const panel = known?.panel;
    if (!panel) return <>your control panel</>;
    return <>{facts.access === 'server-panel' && panel.adminName ? panel.adminName : panel.name}</>;
  }

  /** A command, filled in for the platform; one labelled block per variant when the platform is unknown. */
  // biome-ignore lint/correctness/noComponentHookFactories: bound to the facts, see conditional.tsx
  function PlatformCommand({ scope, ...props }: CommandProps & { scope?: readonly string[] }) {
    const text = [props.run, props.systemd, props.service].filter(Boolean).join('\n');
    if (!hasPlaceholders(text)) return <Command {...props} />;
    const filled = (s: string | undefined, p: Platform) => (s === undefined ? undefined : fill(s, p, facts.php));
    if (known) {
      const run = filled(props.run, known);
      const systemd = filled(props.systemd, known);
      if (run === undefined && systemd === undefined) return <p>We know of no such command on {known.label}: ask your host.</p>;
      return <Command {...props} run={run} systemd={systemd} service={filled(props.service, known)} />;
    }
    // Variants: the systemd form only (every current release has it), grouped where platforms read the same.
    return <VariantBlocks all={variantsOf(props.run ?? props.systemd ?? '', scope)} likely={likely} local={props.local} panel={props.panel} />;
  }

  /** Fenced blocks, filled in like commands. */
  // biome-ignore lint/correctness/noComponentHookFactories: bound to the facts, see conditional.tsx
  function Pre({ children, scope }: ComponentProps<'pre'> & { scope?: readonly string[] }) {
    const code = codeText(children);
    if (!code || !hasPlaceholders(code.text)) return <CodeBlock>{children}</CodeBlock>;
    if (known) {
      const text = fill(code.text, known, facts.php);
      return text === undefined ? null : (
        <CodeBlock>
          <code className={code.props.className}>{text}</code>
        </CodeBlock>
      );
    }
    return <VariantBlocks all={variantsOf(code.text, scope)} likely={likely} className={code.props.className} />;
  }

  /** Inline code: the person's value, or each likely one with its platforms. */
  // biome-ignore lint/correctness/noComponentHookFactories: bound to the facts, see conditional.tsx
  function Code({ children, scope, ...props }: ComponentProps<'code'> & { scope?: readonly string[] }) {
    if (typeof children !== 'string' || !hasPlaceholders(children)) return <code {...props}>{children}</code>;
    if (known) return <code {...props}>{fill(children, known, facts.php) ?? '(ask your host)'}</code>;
    const all = variantsOf(children, scope);
    if (all.length === 1) return <code {...props}>{all[0].text}</code>;
    return (
      <>
        {all.map((v, i) => (
          <Fragment key={v.text}>
            {i > 0 && (i === all.length - 1 ? ' or ' : ', ')}
            <code {...props}>{v.text}</code> ({groupLabel(v.platforms, likely)})
          </Fragment>
        ))}
      </>
    );
  }

  /** Where a panel writes PHP-FPM's pool files itself: the warning, with where a lasting change goes instead. */
  // biome-ignore lint/correctness/noComponentHookFactories: bound to the facts, see conditional.tsx
  function PanelWritesPools({ scope }: { scope?: readonly string[] }) {
    const said = new Map<string, Platform[]>();
    for (const p of within(scope)) if (p.php?.generatedBy) said.set(p.php.generatedBy, [...(said.get(p.php.generatedBy) ?? []), p]);
    if (!said.size) return null;
    return (
      <Warning title="The panel rewrites PHP-FPM’s pool files">
        {[...said].map(([sentence, group]) => (
          <p key={sentence}>
            {known ? '' : `On ${groupLabel(group, likely)}: `}
            {sentence}
          </p>
        ))}
      </Warning>
    );
  }

  markScoped(ForPlatform, PanelPath, PanelWritesPools, PlatformCommand, Pre, Code);
  return { ForPlatform, PanelPath, Panel, PanelWritesPools, Command: PlatformCommand, pre: Pre, code: Code };
}
