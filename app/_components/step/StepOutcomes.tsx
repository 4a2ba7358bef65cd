import { canonicalHref, type WizardState } from '@/machines/url-state';
import { outcomesEnabled, type Settings } from '@/outcomes/enabled';
import { Outcomes } from './Outcomes';

/**
 * What a step page carries for outcomes (README "Outcomes"). It reads only
 * the step's own state and the OUTCOMES setting where the page is rendered
 * (at build time for most step pages), never the request, so each link stays
 * one cached page.
 */
export function outcomeParts(state: WizardState, env: Settings = process.env): { path: string; count: boolean; ask: boolean } {
  const on = outcomesEnabled(env);
  return { path: canonicalHref(state), count: on, ask: on && state.meta.kind === 'ending' };
}

/** The beacon with JavaScript; without it, a pixel. A browser running scripts never loads what is inside <noscript>, so nothing counts twice. */
export function CountView({ path }: { path: string }) {
  return (
    <>
      <Outcomes path={path} />
      <noscript>
        {/* biome-ignore lint/performance/noImgElement: a 1×1 counting pixel for pages without JavaScript, not a picture to optimise */}
        <img src={`/api/outcomes/pixel?p=${encodeURIComponent(path)}`} alt="" width={1} height={1} className="absolute" />
      </noscript>
    </>
  );
}
