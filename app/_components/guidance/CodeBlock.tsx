import type { ComponentProps } from 'react';
import { CopyButton } from './CopyButton';

/**
 * A command or config snippet with a copy button, and a caption when one is
 * given. Wrapped, not scrolled: on a phone the whole command stays in view.
 * Outside the SSH fold, the content tests allow only blocks that say where
 * they are used: `local` on the person's own computer (`data-local`), `panel`
 * typed into the control panel, such as a cron job or a line for `.htaccess`
 * in its file manager (`data-panel`).
 */
export function CodeBlock({ caption, local, panel, children }: { caption?: string; local?: boolean; panel?: boolean; children: React.ReactNode }) {
  const block = (
    <div className="not-prose code-block" data-copy-scope data-local={local || undefined} data-panel={panel || undefined}>
      <pre data-copy className="code">
        {children}
      </pre>
      <CopyButton className="copy-button" />
    </div>
  );
  if (!caption) return block;
  return (
    <figure className="not-prose my-4">
      <figcaption className="mb-1 hint">{caption}</figcaption>
      {block}
    </figure>
  );
}

/** Fenced code blocks in MDX arrive as <pre><code>; give them the same treatment. */
export function Pre({ children }: ComponentProps<'pre'>) {
  return <CodeBlock>{children}</CodeBlock>;
}

export interface CommandProps {
  run?: string;
  systemd?: string;
  service?: string;
  /** Run on the person's own computer (a DNS lookup, a cache flush), not on the server. */
  local?: boolean;
  /** Typed into the control panel (a cron job, a line for `.htaccess`), so usable without SSH. */
  panel?: boolean;
}

/**
 * A shell command. `run` for a single form; `systemd` and `service` for the
 * two ways Linux systems start and stop services.
 */
export function Command({ run, systemd, service, local, panel }: CommandProps) {
  const where = { local, panel };
  return (
    <>
      {run && (
        <CodeBlock {...where}>
          <code>{run}</code>
        </CodeBlock>
      )}
      {systemd && (
        <CodeBlock {...where} caption="With systemd (most servers today)">
          <code>{systemd}</code>
        </CodeBlock>
      )}
      {service && (
        <CodeBlock {...where} caption="On older servers without systemd">
          <code>{service}</code>
        </CodeBlock>
      )}
    </>
  );
}
