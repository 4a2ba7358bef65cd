import type { MDXComponents } from 'mdx/types';
import type { Facts } from '@/machines/facts';
import { Warning, Note } from './Callout';
import { Browser, Details } from './Details';
import { DidItWork } from './DidItWork';
import { bindConditionals } from './conditional';
import { bindPlatform } from './platform';

/**
 * Everything guidance authors can use in content/steps/*.mdx that doesn't
 * depend on the person's situation. The rest (`If`, `ForServer`, `Ssh`,
 * `ForPlatform`, `PanelPath`, `Panel`, and commands and code filled in for
 * the person's platform) comes from `guidanceComponents(facts)`.
 */
export const staticComponents = { Warning, Note, Details, Browser, DidItWork } satisfies MDXComponents;

export function guidanceComponents(facts: Facts): MDXComponents {
  return { ...staticComponents, ...bindConditionals(facts), ...bindPlatform(facts) };
}
