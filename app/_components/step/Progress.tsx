import { stages, type Stage } from '../../../machines/meta';

/** Where the person is in the journey, as the five stages. */
export function Progress({ stage, stepNumber }: { stage: Stage; stepNumber: number }) {
  const current = stages.findIndex((s) => s.id === stage);
  return (
    <div role="group" aria-label="Progress" className="mb-6">
      <p className="mb-2 hint">
        Step {stepNumber} · {stages[current].label}
      </p>
      <ol className="flex gap-1" role="list">
        {stages.map((s, i) => (
          <li key={s.id} className="flex-1" aria-current={i === current ? 'step' : undefined}>
            <span
              aria-hidden="true"
              className={`block h-1.5 rounded-full ${i <= current ? 'bg-blue-700 dark:bg-blue-400' : 'bg-slate-200 dark:bg-slate-800'}`}
            />
            <span className="sr-only">
              {s.label}
              {i < current ? ' (done)' : i === current ? ' (current)' : ''}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
