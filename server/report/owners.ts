/**
 * Owners: commitments (a framework's actions) per owner, and those with
 * none. An owner stated on a priority, section, aim or outcome is shared by
 * what it holds, as `missing-owner` reads it.
 */
import type { OwnerStmt, Statement } from '../../grammar/index.js';
import type { Ancestors } from '../analysis/walk.js';
import { containerLevelItems } from '../rules/support/ancestry.js';
import { labelInContext } from './labels.js';
import { locate } from './locations.js';
import type { Owners, Supporter } from './report-model.js';
import type { SectionVisitor, SectionWalker } from './section-walk.js';

const SHARING: ReadonlySet<Statement['kind']> = new Set(['priority', 'section', 'aim', 'outcome']);

/** The names of the owner statements among `items`, in order. */
function namesIn(items: readonly Statement[], into: string[]): void {
  for (const s of items) if (s.kind === 'owner') for (const n of (s as OwnerStmt).names) into.push(n.value);
}

function ownerNames(node: Statement, ancestors: Ancestors): string[] {
  const names: string[] = [];
  if ('items' in node) namesIn(node.items, names);
  if (names.length > 0) return names;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const a = ancestors[i]!;
    if (!SHARING.has(a.kind)) continue;
    namesIn(containerLevelItems(a), names);
    if (names.length > 0) return names;
  }
  return names;
}

/** Owners, gathered during the sections' walk. */
export function ownersSection(file: string): SectionWalker & { owners: () => Owners } {
  const byOwner = new Map<string, Supporter[]>();
  const unowned: Supporter[] = [];
  const visit: SectionVisitor = (node, ancestors) => {
    if (node.kind !== 'commitment' && node.kind !== 'action') return;
    const item: Supporter = { label: labelInContext(node, ancestors), location: locate(file, node.keywordRange) };
    const named = ownerNames(node, ancestors);
    const names = named.length > 1 ? [...new Set(named)] : named;
    if (names.length === 0) unowned.push(item);
    for (const name of names) {
      const list = byOwner.get(name);
      if (list) list.push(item);
      else byOwner.set(name, [item]);
    }
  };
  const owners = (): Owners => ({
    owners: [...byOwner.entries()].map(([name, items]) => ({ name, items })).sort((a, b) => b.items.length - a.items.length || a.name.localeCompare(b.name)),
    unowned,
  });
  return { kinds: ['commitment', 'action'], visit, owners };
}
