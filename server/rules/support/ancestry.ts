/** Questions rules ask about a statement's surroundings. */
import type { ContainerStatement, Statement } from '../../../grammar/index.js';
import type { Ancestors } from '../../analysis/walk.js';

/** Containers whose owner, measures or targets a commitment inside them shares. */
const SHARING: ReadonlySet<Statement['kind']> = new Set(['priority', 'section', 'aim', 'outcome']);

export function directItems(node: ContainerStatement): readonly Statement[] {
  return node.items;
}

export function hasDirect(node: ContainerStatement, kind: Statement['kind']): boolean {
  return node.items.some((s) => s.kind === kind);
}

/** Whether `node`, or a container it sits in, has a statement of `kind`. */
export function hasOwnOrInherited(node: ContainerStatement, ancestors: Ancestors, kind: Statement['kind'], sharing = SHARING): boolean {
  if (hasDirect(node, kind)) return true;
  return ancestors.some((a) => sharing.has(a.kind) && 'items' in a && a.items.some((s) => s.kind === kind));
}

export function isTargetBearing(s: Statement): boolean {
  return s.kind === 'target' || (s.kind === 'measure' && s.items.some((t) => t.kind === 'target'));
}
