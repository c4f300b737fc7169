/** How the report names the things it lists: "Commitment P1.2", "Priority 13.1 › commitment "Include local…"". */
import type { Statement } from '../../grammar/index.js';
import { capitalise, describeNode, type Ancestors } from '../analysis/walk.js';

/** The node's own name, capitalised: `Commitment P1.2`, `Action 36`, `Commitment "Include local…"`. */
export function labelOf(node: Statement): string {
  return capitalise(describeNode(node));
}

/** The node's name within its nearest priority or aim, when it has no id of its own to stand alone. */
export function labelInContext(node: Statement, ancestors: Ancestors): string {
  const own = labelOf(node);
  if ('id' in node && node.id) return own;
  const outer = [...ancestors].reverse().find((a) => a.kind === 'priority' || a.kind === 'aim' || a.kind === 'commitment');
  return outer ? `${labelOf(outer)} › ${describeNode(node)}` : own;
}

export function titleOf(node: Statement): string | null {
  return 'title' in node && node.title ? node.title.value : null;
}
