/** How the report names the things it lists: "Commitment P1.2", "Priority 13.1 › commitment "Include local…"". */
import type { Statement } from '../../grammar/index.js';
import { capitalise, describeNode, type Ancestors } from '../analysis/walk.js';

/** `describeNode`'s noun for each kind, capitalised: asked for every commitment in every section. */
const NOUNS = new Map<Statement['kind'], string>();

function nounOf(kind: Statement['kind']): string {
  let noun = NOUNS.get(kind);
  if (noun === undefined) {
    noun = capitalise(kind === 'nationalAim' ? 'national aim' : kind);
    NOUNS.set(kind, noun);
  }
  return noun;
}

/** The node's own name, capitalised: `Commitment P1.2`, `Action 36`, `Commitment "Include local…"`. */
export function labelOf(node: Statement): string {
  // What `describeNode` says of a node with an id, without its intermediate strings; the rest as it says.
  const id = 'id' in node && node.id ? node.id.value : undefined;
  return id ? `${nounOf(node.kind)} ${id}` : capitalise(describeNode(node));
}

/**
 * The node's name within its nearest priority or aim, when it has no id of its own to stand alone.
 * `depth`: how many of `ancestors` (outermost first) enclose the node; all of them by default.
 */
export function labelInContext(node: Statement, ancestors: Ancestors, depth = ancestors.length): string {
  if ('id' in node && node.id) return labelOf(node);
  for (let i = depth - 1; i >= 0; i--) {
    const a = ancestors[i]!;
    if (a.kind === 'priority' || a.kind === 'aim' || a.kind === 'commitment') return `${labelOf(a)} › ${describeNode(node)}`;
  }
  return labelOf(node);
}

/** The nearest of `ancestors` (outermost first) whose kind passes `test`, without copying them. */
export function nearest(ancestors: Ancestors, test: (kind: Statement['kind']) => boolean): Statement | undefined {
  for (let i = ancestors.length - 1; i >= 0; i--) if (test(ancestors[i]!.kind)) return ancestors[i];
  return undefined;
}

export function titleOf(node: Statement): string | null {
  return 'title' in node && node.title ? node.title.value : null;
}
