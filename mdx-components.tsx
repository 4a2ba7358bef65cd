import type { MDXComponents } from 'mdx/types';
import { staticComponents } from '@/app/_components/guidance';

// Required by @next/mdx. Steps pass the fact-aware components on top of these.
export function useMDXComponents(components: MDXComponents): MDXComponents {
  return { ...staticComponents, ...components };
}
