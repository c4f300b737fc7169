/**
 * Puts every node where the language lets it stand (docs/language.md,
 * "Stands in"): a glossary, partner list or priority found inside prose
 * moves out to the top level, right after the prose around it, which is
 * split there so that reading order is kept; a national action in a local
 * strategy becomes a commitment; an owner or timing with nothing to hold it
 * becomes a line of text. The recognisers say what things are; this says
 * where they go.
 */
import type { Node, NodeKind } from '../model.js';
import type { DocumentKind } from '../recognise/header.js';

type Parent = 'document' | Extract<NodeKind, 'priority' | 'section' | 'aim' | 'commitment' | 'action' | 'outcome' | 'measure' | 'narrative'>;

const BODY: readonly NodeKind[] = ['aim', 'nationalAim', 'commitment', 'action', 'measure', 'target', 'outcome', 'narrative', 'note', 'paragraph', 'owner', 'timing', 'coverage'];

const ALLOWED: Record<Parent, ReadonlySet<NodeKind>> = {
  document: new Set<NodeKind>(['priority', 'section', 'aim', 'nationalAim', 'commitment', 'action', 'measure', 'target', 'outcome', 'narrative', 'note', 'paragraph', 'partners', 'glossary']),
  priority: new Set<NodeKind>([...BODY, 'section']),
  section: new Set<NodeKind>(BODY),
  aim: new Set<NodeKind>(BODY),
  outcome: new Set<NodeKind>(BODY),
  commitment: new Set<NodeKind>(['owner', 'timing', 'target', 'measure', 'outcome', 'coverage', 'note', 'paragraph', 'nationalAim']),
  action: new Set<NodeKind>(['owner', 'timing', 'target', 'measure', 'outcome', 'coverage', 'note', 'paragraph']),
  measure: new Set<NodeKind>(['target', 'note', 'owner', 'timing', 'paragraph']),
  narrative: new Set<NodeKind>(['paragraph', 'narrative', 'note']),
};

/** Properties that mean nothing away from their holder: kept as text. */
function asText(node: Node): Node | undefined {
  switch (node.kind) {
    case 'owner':
      return { kind: 'paragraph', text: node.names.join(', ') };
    case 'timing':
      return { kind: 'paragraph', text: node.value.words };
    case 'coverage':
      return { kind: 'paragraph', text: node.text };
    default:
      return undefined;
  }
}

function adapt(node: Node, kind: DocumentKind): Node {
  if (node.kind === 'action' && kind === 'strategy') return { kind: 'commitment', id: node.id, text: node.text, items: node.items };
  return node;
}

interface Placed {
  readonly inside: Node[];
  readonly escaped: Node[];
}

function placeAll(nodes: readonly Node[], parent: Parent, kind: DocumentKind): Placed {
  const inside: Node[] = [];
  const escaped: Node[] = [];
  for (const n of nodes) {
    for (const m of placeOne(adapt(n, kind), kind)) {
      if (ALLOWED[parent].has(m.kind)) inside.push(m);
      else if (parent !== 'narrative' && asText(m)) inside.push(asText(m)!);
      else escaped.push(m);
    }
  }
  return { inside, escaped };
}

/** The node with its children placed, followed by what had to leave it. */
function placeOne(node: Node, kind: DocumentKind): Node[] {
  if (!('items' in node)) return [node];
  if (node.kind === 'narrative') {
    // Prose is split where something leaves it, so that what left stands where it was read.
    const sequence: Node[] = [];
    let segment: Node & { kind: 'narrative' } = { ...node, items: [] };
    for (const child of node.items) {
      const r = placeAll([child], 'narrative', kind);
      segment.items.push(...r.inside);
      if (r.escaped.length > 0) {
        // The first segment keeps its title even when empty: it is the heading the rest was read under.
        if (segment.items.length > 0 || sequence.length === 0) sequence.push(segment);
        sequence.push(...r.escaped);
        segment = { kind: 'narrative', items: [] };
      }
    }
    if (segment.items.length > 0 || sequence.length === 0) sequence.push(segment);
    return sequence;
  }
  const r = placeAll(node.items, node.kind as Parent, kind);
  return [{ ...node, items: r.inside } as Node, ...r.escaped];
}

/** The document's top-level nodes, each standing where the language allows. */
export function legalise(nodes: readonly Node[], kind: DocumentKind): Node[] {
  const r = placeAll(nodes, 'document', kind);
  // Nothing is refused at the top level except bare properties, which placeAll turned into text.
  return [...r.inside, ...r.escaped.map((n) => asText(n) ?? n)];
}
