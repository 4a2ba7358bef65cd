import { evaluateGuidance } from '@/tests/mdx-compile';

/** The heading a step shows, read from its guidance file. */
export async function titleOf(step: string): Promise<string> {
  return (await evaluateGuidance(`content/steps/${step}.mdx`)).frontmatter.title;
}
