import type { MDXContent } from 'mdx/types';
import { guidanceFrontmatter, type GuidanceFrontmatter } from './schema';

export interface Guidance {
  Content: MDXContent;
  frontmatter: GuidanceFrontmatter;
}

/**
 * Loads a step's guidance from content/steps/. The frontmatter is checked
 * here, so a bad file stops the build instead of reaching a reader.
 */
export async function loadGuidance(name: string): Promise<Guidance> {
  const mod = await import(`./steps/${name}.mdx`);
  const checked = guidanceFrontmatter.safeParse(mod.frontmatter);
  if (!checked.success) {
    throw new Error(`content/steps/${name}.mdx has invalid frontmatter: ${checked.error.message}`);
  }
  return { Content: mod.default, frontmatter: checked.data };
}

export async function loadTitle(name: string): Promise<string> {
  return (await loadGuidance(name)).frontmatter.title;
}
