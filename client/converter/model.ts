/**
 * The intermediate document model: what the recognisers found, before it is
 * written as `.strategy` text. It mirrors the language's constructs but
 * holds plain strings, so recognisers never deal with quoting or layout.
 */
import type { Direction } from '../../grammar/index.js';
import type { DocumentKind, Header } from './recognise/header.js';

export interface TimingValue {
  /** The structured form (`by 2009-03`), only where the words make it certain. */
  readonly spec?: string;
  /** The source's own words. */
  readonly words: string;
}

export type Node =
  | { kind: 'priority'; id?: string; title: string; items: Node[] }
  | { kind: 'section'; title: string; items: Node[] }
  | { kind: 'aim'; id?: string; title: string; items: Node[] }
  | { kind: 'commitment'; id?: string; text?: string; items: Node[] }
  | { kind: 'action'; id: string; text: string; items: Node[] }
  | { kind: 'outcome'; title: string; items: Node[] }
  | { kind: 'measure'; indicator?: number; title?: string; items: Node[] }
  | { kind: 'nationalAim'; text: string }
  | { kind: 'target'; direction?: Direction; words: string }
  | { kind: 'owner'; names: string[] }
  | { kind: 'timing'; value: TimingValue }
  | { kind: 'coverage'; text: string }
  | { kind: 'narrative'; title?: string; items: Node[] }
  | { kind: 'paragraph'; text: string }
  | { kind: 'note'; text: string }
  | { kind: 'partners'; title?: string; entries: { name: string; role?: string }[] }
  | { kind: 'glossary'; title?: string; entries: { term: string; meaning: string }[] };

export type NodeKind = Node['kind'];
export type NodeOf<K extends NodeKind> = Extract<Node, { kind: K }>;

export interface DocumentModel {
  readonly kind: DocumentKind;
  readonly header: Header;
  /** Framework id (a framework's own, or the one a strategy answers to). */
  readonly frameworkId?: string;
  readonly items: Node[];
}

/** A framework described inside another document ("the Government's plan sets three priorities…"). */
export interface DescribedFramework {
  readonly id: string;
  readonly title: string;
  readonly priorities: { readonly number?: string; readonly title: string; readonly owners: string[] }[];
}

export function childrenOf(node: Node): Node[] {
  return 'items' in node ? node.items : [];
}

/** Every node, depth first. */
export function* walk(nodes: readonly Node[]): Generator<Node> {
  for (const n of nodes) {
    yield n;
    yield* walk(childrenOf(n));
  }
}
