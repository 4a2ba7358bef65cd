import type { MDXComponents } from 'mdx/types';
import { site } from '@/content/site';
import type { Facts } from '@/machines/facts';
import { Warning, Note } from './Callout';
import { Browser, Details } from './Details';
import { Command, Pre } from './CodeBlock';
import { DidItWork } from './DidItWork';
import { bindConditionals } from './conditional';

/** The hosting panel named in the site settings, or a generic name. */
function Panel() {
  return <>{site.hostingPanel ?? 'your hosting control panel'}</>;
}

/**
 * Everything guidance authors can use in content/steps/*.mdx that doesn't
 * depend on the person's situation. `If`, `ForServer` and `Ssh` do, so they
 * come from `guidanceComponents(facts)`.
 */
export const staticComponents = { Warning, Note, Details, Browser, Command, DidItWork, Panel, pre: Pre } satisfies MDXComponents;

export function guidanceComponents(facts: Facts): MDXComponents {
  return { ...staticComponents, ...bindConditionals(facts) };
}
