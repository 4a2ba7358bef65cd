import type { ComponentProps } from 'react';
import { CopyButton } from './CopyButton';

/**
 * A command or config snippet with a copy button, and a caption when one is
 * given. Wrapped, not scrolled: on a phone the whole command stays in view.
 */
export function CodeBlock({ caption, children }: { caption?: string; children: React.ReactNode }) {
  const block = (
    <div className="not-prose code-block" data-copy-scope>
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

/**
 * A shell command. `run` for a single form; `systemd` and `service` for the
 * two ways Linux systems start and stop services.
 */
export function Command({ run, systemd, service }: { run?: string; systemd?: string; service?: string }) {
  return (
    <>
      {run && <CodeBlock><code>{run}</code></CodeBlock>}
      {systemd && <CodeBlock caption="With systemd (most servers today)"><code>{systemd}</code></CodeBlock>}
      {service && <CodeBlock caption="On older servers without systemd"><code>{service}</code></CodeBlock>}
    </>
  );
}
