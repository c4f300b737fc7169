/** Questions rules ask about a statement's surroundings. */
import type { ContainerStatement, Statement, TargetStmt } from '../../../grammar/index.js';
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

/** What a commitment or action needs, and may take from what encloses it. */
export type Facet = 'owner' | 'target' | 'measure' | 'timing';

/** Text that is missing or only blanks (`owner ""`) says nothing. */
export function isBlank(text: { readonly value: string } | undefined): boolean {
  return text === undefined || text.value.trim() === '';
}

function targetSaysSomething(t: TargetStmt): boolean {
  return t.direction !== undefined || t.value !== undefined || t.indicator !== undefined || t.baseline !== undefined || t.deadline !== undefined || !isBlank(t.words);
}

/**
 * Whether a statement gives `facet`: an owner with a name that is not blank,
 * a target that says something (a measure's own target too), a measure with
 * an indicator or a name (or a target naming an indicator), a timing with a
 * date or words. Empty values count as missing, for every rule.
 */
export function provides(s: Statement, facet: Facet): boolean {
  switch (facet) {
    case 'owner':
      return s.kind === 'owner' && s.names.some((n) => !isBlank(n));
    case 'target':
      return (s.kind === 'target' && targetSaysSomething(s)) || (s.kind === 'measure' && s.items.some((t) => t.kind === 'target' && targetSaysSomething(t)));
    case 'measure':
      return (s.kind === 'measure' && (s.indicator !== undefined || !isBlank(s.title))) || (s.kind === 'target' && s.indicator !== undefined);
    case 'timing':
      return s.kind === 'timing' && (s.spec !== undefined || !isBlank(s.words));
  }
}

/**
 * Whether `node` has `facet`, itself or from what encloses it: the same
 * inheritance for every rule. A priority, section, aim or outcome it sits in
 * (a priority's sections included: a "Local Targets" or "LAA Indicators"
 * section speaks for the priority) or the document's header (`strategy { owner … }`)
 * gives it to everything inside.
 */
export function hasOwnOrInherited(node: ContainerStatement, ancestors: Ancestors, facet: Facet, header?: ContainerStatement): boolean {
  if (node.items.some((s) => provides(s, facet))) return true;
  if (ancestors.some((a) => SHARING.has(a.kind) && containerLevelItems(a).some((s) => provides(s, facet)))) return true;
  return header !== undefined && header.items.some((s) => provides(s, facet));
}

export function isTargetBearing(s: Statement): boolean {
  return provides(s, 'target');
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
