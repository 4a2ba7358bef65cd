import { stages, type Stage } from '@/machines/meta';

/** Where the person is in the journey, as the five stages: one bar each, named for screen readers. */
export function Progress({ stage, stepNumber }: { stage: Stage; stepNumber: number }) {
  const current = stages.findIndex((s) => s.id === stage);
  return (
    <div role="group" aria-label="Progress" className="mb-6">
      <p className="mb-2 hint">{`Step ${stepNumber} · ${stages[current].label}`}</p>
      <ol className="progress" role="list">
        {stages.map((s, i) => (
          <li key={s.id} data-reached={i <= current || undefined} aria-current={i === current ? 'step' : undefined}>
            <span className="sr-only">{`${s.label}${i < current ? ' (done)' : i === current ? ' (current)' : ''}`}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
