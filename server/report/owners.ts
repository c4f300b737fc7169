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
import type { SectionVisitor } from './section-walk.js';

const SHARING: ReadonlySet<Statement['kind']> = new Set(['priority', 'section', 'aim', 'outcome']);

function ownerNames(node: Statement, ancestors: Ancestors): string[] {
  const direct = 'items' in node ? node.items.filter((s): s is OwnerStmt => s.kind === 'owner') : [];
  if (direct.length > 0) return direct.flatMap((o) => o.names.map((n) => n.value));
  for (const a of [...ancestors].reverse()) {
    if (!SHARING.has(a.kind)) continue;
    const shared = containerLevelItems(a).filter((s): s is OwnerStmt => s.kind === 'owner');
    if (shared.length > 0) return shared.flatMap((o) => o.names.map((n) => n.value));
  }
  return [];
}

/** Owners, gathered during the sections' walk. */
export function ownersSection(file: string): { visit: SectionVisitor; owners: () => Owners } {
  const byOwner = new Map<string, Supporter[]>();
  const unowned: Supporter[] = [];
  const visit: SectionVisitor = (node, ancestors) => {
    if (node.kind !== 'commitment' && node.kind !== 'action') return;
    const item: Supporter = { label: labelInContext(node, ancestors), location: locate(file, node.keywordRange) };
    const names = [...new Set(ownerNames(node, ancestors))];
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
  return { visit, owners };
}
