import type { FactName } from './facts';

/** Where a step sits in the journey; the progress bar shows these in order. */
export const stages = [
  { id: 'finding-out', label: 'Finding out' },
  { id: 'quick-fixes', label: 'Quick fixes' },
  { id: 'server-fixes', label: 'Server fixes' },
  { id: 'advanced', label: 'Advanced' },
  { id: 'ending', label: 'Done' },
] as const;

export type Stage = (typeof stages)[number]['id'];

/** An answer as the machine knows it; its words live in the step's MDX frontmatter. */
export interface AnswerMeta {
  /** Appears in URLs (`step=answer`), so keep it short, lowercase and stable. */
  id: string;
  /** Given by a tool's result link (the live check, the log explainer), not offered as a button. */
  fromTool?: true;
}

/** The metadata every state of the machine carries. */
export interface StepMeta {
  kind: 'question' | 'fix' | 'ending';
  stage: Stage;
  /** File name under content/steps/, without `.mdx`. */
  guidance: string;
  /** For questions: the fact the answer sets (the answer id is its value). */
  fact?: FactName;
  /** Answers shown as pictures (the error-page question). */
  pictures?: boolean;
  /** Access the step asks for; fixes that need it offer "I can't do this" (switching a firewall back on does not). */
  needs?: 'panel' | 'server' | 'ssh' | 'domain' | 'device';
  answers: AnswerMeta[];
  /**
   * The answer a replay takes for this step when the link answers later
   * questions but not this one: links made before the step existed, and
   * support agents' links with known context, keep working.
   */
  skipWith?: string;
}
