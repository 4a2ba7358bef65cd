import { readFile } from 'node:fs/promises';
import { evaluate } from '@mdx-js/mdx';
import type { MDXContent } from 'mdx/types';
import * as runtime from 'react/jsx-runtime';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdxFrontmatter from 'remark-mdx-frontmatter';
import { guidanceFrontmatter, type GuidanceFrontmatter } from '@/content/schema';

/** Compiles one guidance file with the site's plugins; returns its content and checked frontmatter. */
export async function evaluateGuidance(file: string): Promise<{ Content: MDXContent; frontmatter: GuidanceFrontmatter }> {
  const source = await readFile(file, 'utf8');
  const mod = await evaluate(source, {
    ...runtime,
    remarkPlugins: [remarkFrontmatter, [remarkMdxFrontmatter, { name: 'frontmatter' }]],
  });
  return { Content: mod.default, frontmatter: guidanceFrontmatter.parse(mod.frontmatter) };
}
