import type { MDXComponents } from 'mdx/types';
import { guidanceComponents } from '@/app/_components/guidance';

// Required by @next/mdx. Steps pass the components bound to the person's facts on top of these, which know nothing yet.
export function useMDXComponents(components: MDXComponents): MDXComponents {
  return { ...guidanceComponents({}), ...components };
}
