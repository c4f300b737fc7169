/**
 * "Link to national action…": which of its framework's actions a local
 * commitment most likely serves, ranked by BM25 similarity between the
 * commitment's words (its title and text, its priority's title, the national
 * aims it names) and each action's (its text, outcome and aim). Acronyms are
 * read with their glossary meanings, so "DIP" meets "Drug Interventions
 * Programme".
 */
import type { CommitmentDecl, PriorityDecl, Statement } from '../../grammar/index.js';
import { findAcronyms } from '../rules/support/acronyms.js';
import type { AnalysedDocument } from './document-model.js';
import type { FrameworkIndex, NationalAction, NationalAim } from './framework-index.js';
import { Bm25Index, type Ranked, type WeightedText } from './text-similarity.js';

const indexes = new WeakMap<FrameworkIndex, Bm25Index<NationalAction>>();
const aimIndexes = new WeakMap<FrameworkIndex, Bm25Index<NationalAim>>();

/** `text` followed by the meanings of the acronyms it uses. */
function withMeanings(text: string, meanings: ReadonlyMap<string, string>): string {
  const extra = findAcronyms(text)
    .map((u) => meanings.get(u.acronym))
    .filter((m): m is string => m !== undefined);
  return extra.length > 0 ? `${text} ${extra.join(' ')}` : text;
}

function glossaryMeanings(...docs: AnalysedDocument[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of docs) for (const [term, entry] of d.glossary) if (entry.meaning && !out.has(term)) out.set(term, entry.meaning.value);
  return out;
}

function textOfStatements(items: readonly Statement[], out: string[] = []): string[] {
  // Into one list, not spread: a block may hold more statements than a call may take arguments.
  for (const s of items) {
    if (s.kind === 'note' || s.kind === 'supports') continue;
    if ('title' in s && s.title) out.push(s.title.value);
    if ('words' in s && s.words) out.push(s.words.value);
    if ('text' in s && s.text) out.push(s.text.value);
    if ('items' in s) textOfStatements(s.items, out);
  }
  return out;
}

function actionIndex(framework: FrameworkIndex): Bm25Index<NationalAction> {
  let index = indexes.get(framework);
  if (!index) {
    const meanings = glossaryMeanings(framework.document);
    index = new Bm25Index([...framework.actions.values()], (a) =>
      withMeanings([a.node.title?.value ?? '', ...textOfStatements(a.node.items), a.aim?.title?.value ?? ''].join(' '), meanings),
    );
    indexes.set(framework, index);
  }
  return index;
}

/** The numbers of the actions a commitment already supports. */
export function supportedActions(commitment: CommitmentDecl): Set<string> {
  return new Set(commitment.items.flatMap((s) => (s.kind === 'supports' && s.target === 'action' ? s.refs.map((r) => r.value) : [])));
}

/** The framework's actions best matching `commitment`, best first, leaving out those it already supports. */
export function rankActionsFor(
  commitment: CommitmentDecl,
  ancestors: readonly Statement[],
  doc: AnalysedDocument,
  framework: FrameworkIndex,
  count: number,
): Ranked<NationalAction>[] {
  const priority = [...ancestors].reverse().find((a): a is PriorityDecl => a.kind === 'priority');
  const aimTitles = [...ancestors, commitment]
    .flatMap((a) => ('items' in a ? a.items : []))
    .flatMap((s) => (s.kind === 'nationalAim' ? [s.title?.value ?? framework.aims.get(s.id?.value ?? '')?.node.title?.value ?? ''] : []));
  const meanings = glossaryMeanings(doc, framework.document);
  // The commitment's own words decide; the national aims it answers to and its priority's title break ties.
  const query: WeightedText[] = [
    { text: withMeanings([commitment.title?.value ?? '', ...textOfStatements(commitment.items)].join(' '), meanings), weight: 1 },
    { text: withMeanings(aimTitles.join(' '), meanings), weight: 0.5 },
    { text: withMeanings(priority?.title?.value ?? '', meanings), weight: 0.25 },
  ];
  const already = supportedActions(commitment);
  return actionIndex(framework)
    .rank(query)
    .filter((r) => !already.has(r.item.number))
    .slice(0, count);
}

function aimIndex(framework: FrameworkIndex): Bm25Index<NationalAim> {
  let index = aimIndexes.get(framework);
  if (!index) {
    const meanings = glossaryMeanings(framework.document);
    // An aim is known by its title and by what its actions say.
    index = new Bm25Index([...framework.aims.values()], (a) => withMeanings([a.node.title?.value ?? '', ...textOfStatements(a.node.items)].join(' '), meanings));
    aimIndexes.set(framework, index);
  }
  return index;
}

/**
 * The words a statement inside `block` (a commitment or priority, with its
 * ancestors) is about: the block's own title and text first, its priority's
 * title after, as a weighted BM25 query.
 */
function queryFor(block: Statement | undefined, ancestors: readonly Statement[], meanings: ReadonlyMap<string, string>): WeightedText[] {
  const priority = [...ancestors].reverse().find((a): a is PriorityDecl => a.kind === 'priority');
  const own = block && 'items' in block ? [('title' in block && block.title ? block.title.value : ''), ...textOfStatements(block.items)] : [];
  return [
    { text: withMeanings(own.join(' '), meanings), weight: 1 },
    { text: withMeanings(priority && priority !== block ? (priority.title?.value ?? '') : '', meanings), weight: 0.25 },
  ];
}

/**
 * For completion: every action (or aim) of the framework in the order of how
 * well it matches the commitment or priority the cursor is in, those that
 * match no word after them in framework order. Scores come with the items.
 */
export function rankFrameworkItems<K extends 'action' | 'aim'>(
  kind: K,
  block: Statement | undefined,
  ancestors: readonly Statement[],
  doc: AnalysedDocument,
  framework: FrameworkIndex,
): { item: K extends 'action' ? NationalAction : NationalAim; score: number }[] {
  const meanings = glossaryMeanings(doc, framework.document);
  const query = queryFor(block, ancestors, meanings);
  const all: (NationalAction | NationalAim)[] = kind === 'action' ? [...framework.actions.values()] : [...framework.aims.values()];
  const ranked: Ranked<NationalAction | NationalAim>[] = kind === 'action' ? actionIndex(framework).rank(query) : aimIndex(framework).rank(query);
  const scored = new Set(ranked.map((r) => r.item));
  const rest = all.filter((a) => !scored.has(a)).map((item) => ({ item, score: 0 }));
  return [...ranked, ...rest] as { item: K extends 'action' ? NationalAction : NationalAim; score: number }[];
}
