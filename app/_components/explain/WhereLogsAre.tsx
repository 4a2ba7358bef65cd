import { bindPlatform } from '@/app/_components/guidance/platform';
import type { Facts } from '@/machines/facts';
import { platformOf } from '@/platforms';

/** Where the error logs are, on the person's platform (or each likely one), from the platform table. */
export function WhereLogsAre({ facts }: { facts: Facts }) {
  const { PanelPath, code: Code } = bindPlatform(facts);
  const known = platformOf(facts);
  return (
    <ul className="list-disc space-y-1 pl-5">
      {(!known || known.panel) && (
        <li>
          In a control panel: <PanelPath to="error-log" />.
        </li>
      )}
      <li>
        Nginx: <Code>{'{{nginx-error-log}}'}</Code>. Apache: <Code>{'{{apache-error-log}}'}</Code>.
      </li>
      <li>
        PHP-FPM: <Code>{'{{php-log}}'}</Code>, or <Code>{'journalctl -u {{php-unit}}'}</Code>.
      </li>
      <li>
        The system: <code>journalctl -k</code> or <code>dmesg</code> for “Out of memory” lines.
      </li>
    </ul>
  );
}
