import { z } from 'zod';

/**
 * The frontmatter every guidance file in content/steps/ must have.
 * Checked when the site is built and by the content tests.
 */
export const guidanceFrontmatter = z
  .object({
    /** The step's heading: the question asked, or the action to take. */
    title: z.string().min(3).max(80),
    /** One plain sentence saying what this step is for. */
    summary: z.string().min(10).max(160),
    /** Roughly how long the step takes, in minutes (0 for a question). */
    minutes: z.number().int().min(0).max(120),
    /** What could go wrong: none, low, medium or high. */
    risk: z.enum(['none', 'low', 'medium', 'high']),
  })
  .strict();

export type GuidanceFrontmatter = z.infer<typeof guidanceFrontmatter>;
