import { z } from 'zod';
import { platformIds } from '@/platforms/types';

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
    /**
     * The answer buttons' labels, keyed by the machine's answer ids and in
     * its order (the content tests compare both). Questions and fixes have
     * them; endings have none.
     */
    answers: z
      .record(z.string().regex(/^[0-9a-z][0-9a-z.-]*$/, 'an answer id: lower-case letters, digits, dots and dashes'), z.string().min(2).max(90))
      .optional(),
  })
  .strict();

export type GuidanceFrontmatter = z.infer<typeof guidanceFrontmatter>;

/** The shape of content/site.ts, checked when the site is built. */
export const siteSettings = z
  .object({
    productName: z.string().trim().min(2).max(40),
    siteUrl: z
      .url({ protocol: /^https?$/ })
      .refine((url) => new URL(url).pathname === '/', 'an origin only, such as https://help.example.com, with no path')
      .transform((url) => new URL(url).origin)
      .optional(),
    support: z
      .object({
        email: z.email().optional(),
        url: z.url({ protocol: /^https?$/ }).optional(),
        phone: z
          .string()
          .regex(/^\+?[0-9 ()-]{5,25}$/, 'a phone number of digits, spaces, brackets and dashes')
          .optional(),
      })
      .strict()
      .default({}),
    platform: z.enum([...platformIds, 'other-panel', 'other-system']).optional(),
  })
  .strict();

export type SiteSettings = z.infer<typeof siteSettings>;
