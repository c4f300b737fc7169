/** Tree walking shared by the analysis: one walk, ancestors passed down. */
import { childrenOf, type Statement, type StrategyDocument } from '../../grammar/index.js';

export type Ancestors = readonly Statement[];

/** Calls `visit` for every statement in document order, with its ancestors (outermost first). */
export function walkStatements(doc: StrategyDocument, visit: (node: Statement, ancestors: Ancestors) => void): void {
  const stack: Statement[] = [];
  // Indexed: every analysis walks every statement, and an array iterator per block was garbage.
  const go = (items: readonly Statement[]): void => {
    for (let i = 0; i < items.length; i++) {
      const s = items[i]!;
      visit(s, stack);
      const children = childrenOf(s);
      if (children.length > 0) {
        stack.push(s);
        go(children);
        stack.pop();
      }
    }
  };
  go(doc.items);
}

/** Short readable name of a construct for messages: `commitment P1.2`, or its first words. */
export function describeNode(node: Statement): string {
  const noun = node.kind === 'nationalAim' ? 'national aim' : node.kind;
  const id = 'id' in node && node.id ? node.id.value : undefined;
  if (id) return `${noun} ${id}`;
  const title = 'title' in node && node.title ? node.title.value : undefined;
  if (title) return `${noun} "${title.length > 50 ? `${title.slice(0, 47).trimEnd()}…` : title}"`;
  return noun;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
