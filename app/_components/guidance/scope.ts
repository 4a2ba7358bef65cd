import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react';

/** Marks the components whose variants a `ForPlatform` around them narrows (names don't survive minifying). */
const takesScope = Symbol('takes scope');
type Marked = { [takesScope]?: true };

/** Marks components as narrowed by a `ForPlatform` around them. */
export function markScoped(...components: object[]): void {
  for (const component of components) (component as Marked)[takesScope] = true;
}

/**
 * Children with `scope` (platform ids) given to every platform-aware element
 * inside, however deep: MDX has already built the elements, so the scope
 * travels as a prop rather than through context, which server components lack.
 */
export function scoped(children: ReactNode, scope: readonly string[]): ReactNode {
  // A lone child stays alone: components that read their child (a fenced block's `<code>`) expect one, not an array.
  if (isValidElement(children)) return scopedOne(children, scope);
  return Children.map(children, (child) => scopedOne(child, scope));
}

function scopedOne(child: ReactNode, scope: readonly string[]): ReactNode {
  if (!isValidElement(child)) return child;
  const el = child as ReactElement<{ children?: ReactNode; scope?: readonly string[] }>;
  // Text stays as it is: `Code` fills a string child, not an array of one.
  const hasElements = Children.toArray(el.props.children).some(isValidElement);
  const inner = hasElements ? { children: scoped(el.props.children, scope) } : {};
  if (typeof el.type === 'function' && (el.type as Marked)[takesScope]) {
    const narrowed = el.props.scope ? el.props.scope.filter((id) => scope.includes(id)) : scope;
    return cloneElement(el, { ...inner, scope: narrowed });
  }
  return Object.keys(inner).length ? cloneElement(el, inner) : el;
}
