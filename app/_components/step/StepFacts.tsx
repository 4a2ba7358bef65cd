import type { GuidanceFrontmatter } from '@/content/schema';
import type { StepMeta } from '@/machines/meta';
import { needsLabels } from '@/content/needs';

const risks: Record<GuidanceFrontmatter['risk'], string | null> = {
  none: null,
  low: 'Low risk',
  medium: 'Some risk: read it through first',
  high: 'Risky: back up first',
};

/** Time, risk and access at a glance, before someone commits to a step. */
export function StepFacts({ meta, frontmatter }: { meta: StepMeta; frontmatter: GuidanceFrontmatter }) {
  const items = [
    frontmatter.minutes > 0 ? `About ${frontmatter.minutes} min` : null,
    risks[frontmatter.risk],
    meta.needs ? needsLabels[meta.needs] : null,
  ].filter(Boolean);
  if (!items.length) return null;
  return (
    <ul className="mt-4 flex flex-wrap gap-2 text-sm" role="list" aria-label="About this step">
      {items.map((item) => (
        <li key={item} className="chip">
          {item}
        </li>
      ))}
    </ul>
  );
}
