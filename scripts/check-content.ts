import { readdirSync } from 'node:fs';
import { evaluateGuidance } from '@/tests/mdx-compile';
for (const f of readdirSync('content/steps').filter((f) => f.endsWith('.mdx'))) {
  try {
    const { frontmatter } = await evaluateGuidance(`content/steps/${f}`);
    console.log('ok', f, frontmatter.title);
  } catch (e) {
    console.log('FAIL', f, (e as Error).message);
  }
}
