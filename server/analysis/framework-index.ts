/** What a framework offers local strategies: its actions, aims, glossary and departments. */
import type { ActionDecl, AimDecl, PriorityDecl } from '../../grammar/index.js';
import type { AnalysedDocument } from './document-model.js';
import { walkStatements } from './walk.js';

export interface NationalAction {
  readonly number: string;
  readonly node: ActionDecl;
  readonly aim?: AimDecl;
  readonly priority?: PriorityDecl;
}

export interface NationalAim {
  readonly code: string;
  readonly node: AimDecl;
  readonly priority?: PriorityDecl;
}

export interface FrameworkIndex {
  readonly document: AnalysedDocument;
  readonly id: string;
  readonly title: string | undefined;
  readonly actions: ReadonlyMap<string, NationalAction>;
  readonly aims: ReadonlyMap<string, NationalAim>;
  readonly priorities: readonly PriorityDecl[];
  /** Owners named on the framework's actions (departments), in first-seen order. */
  readonly departments: readonly string[];
}

const cache = new WeakMap<AnalysedDocument, FrameworkIndex>();

export function frameworkIndexOf(doc: AnalysedDocument): FrameworkIndex | undefined {
  if (doc.kind !== 'framework' || !doc.frameworkId) return undefined;
  const cached = cache.get(doc);
  if (cached) return cached;
  const actions = new Map<string, NationalAction>();
  const aims = new Map<string, NationalAim>();
  const priorities: PriorityDecl[] = [];
  const departments = new Set<string>();
  walkStatements(doc.parsed.document, (node, ancestors) => {
    const priority = ancestors.find((a): a is PriorityDecl => a.kind === 'priority');
    if (node.kind === 'priority') priorities.push(node);
    if (node.kind === 'aim' && node.id && !aims.has(node.id.value)) aims.set(node.id.value, { code: node.id.value, node, priority });
    if (node.kind === 'action' && node.id && !actions.has(node.id.value)) {
      const aim = [...ancestors].reverse().find((a): a is AimDecl => a.kind === 'aim');
      actions.set(node.id.value, { number: node.id.value, node, aim, priority });
    }
    if (node.kind === 'owner') for (const n of node.names) departments.add(n.value);
  });
  const header = doc.header;
  const index: FrameworkIndex = {
    document: doc,
    id: doc.frameworkId,
    title: header?.kind === 'framework' ? header.title?.value : undefined,
    actions,
    aims,
    priorities,
    departments: [...departments],
  };
  cache.set(doc, index);
  return index;
}
