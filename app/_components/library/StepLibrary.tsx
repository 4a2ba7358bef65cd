import Link from 'next/link';
import { stepHref } from '@/machines/url-state';
import { stepLibrary } from '@/app/steps/library';
import { needsLabels } from '@/content/needs';

/** Every step, grouped by stage, each with its jump-in link. */
export async function StepLibrary({ id }: { id: string }) {
  const groups = await stepLibrary();
  return (
    <div id={id} className="mt-6 space-y-10">
      {groups.map((group) => (
        <section key={group.id} data-library-group aria-labelledby={`stage-${group.id}`}>
          <h2 id={`stage-${group.id}`} className="text-xl font-semibold">
            {group.label}
          </h2>
          <ul className="rows" role="list">
            {group.steps.map((step) => (
              <li key={step.id} data-library-item className="py-3">
                <Link href={stepHref(step.id)} className="link font-medium">
                  {step.title}
                </Link>
                <p className="mt-1 text-slate-700 dark:text-slate-300">{step.summary}</p>
                <p className="mt-1 flex flex-wrap gap-x-4 hint">
                  {step.minutes > 0 && <span>About {step.minutes} min</span>}
                  {step.meta.needs && <span>{needsLabels[step.meta.needs]}</span>}
                  <span>
                    Link: <code className="break-all">{stepHref(step.id)}</code>
                  </span>
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
