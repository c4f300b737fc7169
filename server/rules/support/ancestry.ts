/** Questions rules ask about a statement's surroundings. */
import type { ContainerStatement, Statement } from '../../../grammar/index.js';
import type { Ancestors } from '../../analysis/walk.js';
import { describeNode } from '../../analysis/walk.js';

/** Containers whose owner, measures or targets a commitment inside them shares. */
const SHARING: ReadonlySet<Statement['kind']> = new Set(['priority', 'section', 'aim', 'outcome']);

export function hasDirect(node: ContainerStatement, kind: Statement['kind']): boolean {
  return node.items.some((s) => s.kind === kind);
}

/**
 * The statements that speak for a whole container: its own items and, for a
 * priority, the items of its sections (a "LAA Indicators" section lists the
 * measures of the priority, not of the section alone).
 */
export function containerLevelItems(container: Statement): Statement[] {
  if (!('items' in container)) return [];
  const out: Statement[] = [];
  const add = (items: readonly Statement[]): void => {
    for (const s of items) {
      out.push(s);
      if (s.kind === 'section' && container.kind === 'priority') add(s.items);
    }
  };
  add(container.items);
  return out;
}

/** Whether `node`, or a container it sits in, has a statement of `kind` (a priority's sections included). */
export function hasOwnOrInherited(node: ContainerStatement, ancestors: Ancestors, kind: Statement['kind'], sharing = SHARING): boolean {
  if (hasDirect(node, kind)) return true;
  return ancestors.some((a) => sharing.has(a.kind) && containerLevelItems(a).some((s) => s.kind === kind));
}

export function isTargetBearing(s: Statement): boolean {
  return s.kind === 'target' || (s.kind === 'measure' && s.items.some((t) => t.kind === 'target'));
}

/** "priority 13.1" or, through a section, `priority 13.1 › section "Local Targets"`: who a statement belongs to. */
export function describeOwner(ancestors: Ancestors): string | undefined {
  const nearest = ancestors[ancestors.length - 1];
  if (!nearest) return undefined;
  if (nearest.kind !== 'section') return describeNode(nearest);
  const outer = [...ancestors].reverse().find((a) => a.kind !== 'section');
  return outer ? `${describeNode(outer)} › ${describeNode(nearest)}` : describeNode(nearest);
}

export function quoteShort(text: string, max = 50): string {
  return `"${text.length > max ? `${text.slice(0, max - 3).trimEnd()}…` : text}"`;
}
