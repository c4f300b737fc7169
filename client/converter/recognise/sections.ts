/**
 * The outline to the document model. Each section becomes what its heading
 * and content make it:
 *
 * - a heading that names a construct ("Key Priority 2", "COMMITMENT 3",
 *   "Glossary", "Board members") opens it;
 * - a section holding structure (lists under known labels, action tables,
 *   commitment headings) becomes a priority at the top level, a section
 *   inside a priority;
 * - a section whose structure lies only in its subsections stays prose and
 *   its subsections stand on their own;
 * - everything else is narrative.
 *
 * Placement rules of the language (a glossary only at the top level, no
 * commitment inside a narrative…) are enforced afterwards by `legalise`, so
 * this module says what things are, not where the grammar lets them stand.
 */
import type { Block, ListBlock, ListItem, TableBlock } from '../layout/blocks.js';
import type { Node, NodeOf } from '../model.js';
import { itemNode, partnerFrom, targetFrom } from './entries.js';
import { glossaryFromList, glossaryFromParagraph, glossaryFromTable } from './glossary.js';
import type { DocumentKind } from './header.js';
import type { BodyBlock, LabelBlock, Section } from './outline.js';
import { continuedTitle, readStructuredTable, recogniseTable, type ColumnRole } from './tables.js';
import { cardField, cardFields, cardNode, propertyFrom, splitInlineProperties, type CardField } from './properties.js';
import { inlineNotes, isListMode, NUMBER_WORDS, numberValue, type ListMode } from './vocabulary.js';

export interface SectionContext {
  readonly kind: DocumentKind;
  readonly unplaced: (text: string, line?: number) => void;
  /** Text removed as layout by the user's `ignore` headings. */
  readonly ignored: (text: string) => void;
  /** The user's column rules (`converter.columns`), tried before the built-in ones. */
  readonly columns?: readonly [ColumnRole, RegExp][];
}

type Where = 'top' | 'priority' | 'section' | 'narrative' | 'work';
type Item = BodyBlock | Section;

/** A sentence that recommends: "It is recommended that …", "We recommend …", "Officers, it is suggested that …". */
const RECOMMENDS = /^(?:[^.;]{0,160}?,\s*)?(?:it is (?:also |further |therefore |strongly )?(?:recommended|suggested|proposed) that|we (?:also |would |strongly |therefore )?recommend\b|(?:the|this) (?:report|review|assessment|audit|evaluation|group|panel|board) (?:also |therefore )?recommends\b)/i;

/** A paragraph that starts with its number ("5. Services …", "10.In order …"), not a section number ("1.6 Key"). */
const NUMBERED_PARAGRAPH = /^(\d{1,2})\.(?!\d)\s*(?=\p{Lu})/u;

/**
 * A paragraph its label names as one piece of work, with its number:
 * "Recommendation 2: Develop …", "Commitment 3 – Reduce …", "Action 1.1
 * Commission …". The label says what it is, wherever it stands. Case is
 * spelled out, not ignored: the words after it must start with a capital
 * ("Action 3 of the national plan" is prose).
 */
const LABELLED_WORK_PARAGRAPH =
  /^(?:[Rr]ecommendation|RECOMMENDATION|[Cc]ommitment|COMMITMENT|[Pp]ledge|PLEDGE|[Pp]romise|PROMISE|[Aa]ction|ACTION)\s+(\d{1,3}(?:\.\d{1,3})*)(?:\s*[:.)–—-]\s*|\s+)(?=[\p{Lu}\p{N}“"‘'(])/u;

/** A numbered recommendation: its first sentence names it, the rest explains it; its number is its id. */
function numberedRecommendation(number: string, text: string): Node {
  const [first = text, ...rest] = sentences(text);
  return { kind: 'commitment', id: number, text: first, items: rest.length ? [{ kind: 'paragraph', text: rest.join(' ') }] : [] };
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[\p{Lu}“"‘'(])/u).filter(Boolean);
}

function recommends(text: string): boolean {
  return sentences(text).some((t) => RECOMMENDS.test(t));
}

/** Whether a section (or a subsection that is not a construct of its own) holds recommending sentences. */
function recommendsWithin(section: Section): boolean {
  return section.body.some((b) => (b.kind === 'paragraph' && recommends(b.text)) || (isSection(b) && !b.heading?.construct && recommendsWithin(b)));
}

/** The lines of a card ("What: …", "Who: …", "When: …") from `at`: each card's fields, and where the run ends. */
function cardRun(body: readonly Item[], at: number): { cards: CardField[][]; end: number } | undefined {
  const lines: CardField[] = [];
  let end = at;
  for (; end < body.length; end++) {
    const b = body[end]!;
    const texts = b.kind === 'paragraph' ? [b.text] : b.kind === 'list' ? b.items.map((it) => it.text) : undefined;
    const fields = texts?.map(cardFields);
    if (!fields || fields.some((f) => !f)) break;
    for (const f of fields) lines.push(...f!);
  }
  const cards = cardsOf(lines);
  return cards ? { cards, end } : undefined;
}

/**
 * A heading over one card ("Action 1.1 Deliver awareness sessions" over
 * "What: … / Who: … / When: …"): the card, what stands before it (notes
 * only) and what follows it (lines of text only). Undefined when the
 * section holds more than that, as a chapter of cards does.
 */
function soleCard(section: Section): { card: CardField[]; before: Item[]; after: Item[] } | undefined {
  const body = section.body;
  const at = body.findIndex((b) => b.kind !== 'note');
  if (at < 0) return undefined;
  const run = cardRun(body, at);
  if (!run || run.cards.length !== 1) return undefined;
  const after = body.slice(run.end);
  if (after.some((b) => b.kind !== 'paragraph' && b.kind !== 'note')) return undefined;
  return { card: run.cards[0]!, before: body.slice(0, at), after };
}

/**
 * The commitment a heading and its one card make: the heading's words are
 * its words (its number its id) and the card's own "What" stays inside as
 * what it means; a heading that is only a number ("Action 3") takes the
 * card's words.
 */
function cardCommitment(section: Section, sole: NonNullable<ReturnType<typeof soleCard>>, ctx: SectionContext): Node | undefined {
  const node = cardNode(sole.card);
  if (node?.kind !== 'commitment') return undefined;
  const id = idFromHeading(section);
  const words = headingRemainder(titleOf(section, id));
  const items = [...convertBody(sole.before, 'work', ctx), ...node.items, ...convertBody(sole.after, 'work', ctx)];
  if (!words) return { ...node, ...(id ? { id } : {}), items };
  const meaning: Node[] = node.text ? [{ kind: 'paragraph', text: node.text }] : [];
  return { kind: 'commitment', ...(id ? { id } : {}), text: words, items: [...meaning, ...items] };
}

/** Fields in the order read into cards: a new card where a field comes again ("What" after a card's "When"); undefined unless each card is complete. */
function cardsOf(lines: readonly CardField[]): CardField[][] | undefined {
  const cards: CardField[][] = [];
  for (const f of lines) {
    const card = cards[cards.length - 1];
    if (!card || card.some((g) => g.field === f.field)) cards.push([f]);
    else card.push(f);
  }
  return cards.length > 0 && cards.every((c) => c.some((f) => f.field === 'work') && c.length >= 2) ? cards : undefined;
}

/**
 * A card set out as a table of two columns, the field's name in the first
 * ("What | Launch a safe spaces scheme", "Who | Community Safety
 * Partnership", "When | By December 2024"): Word strategies draw their
 * cards so. Its cards, or undefined unless every row is a card's field.
 */
export function cardTable(table: TableBlock): CardField[][] | undefined {
  const lines: CardField[] = [];
  for (const row of table.rows) {
    const cells = row.cells.map((c) => c.text.trim()).filter(Boolean);
    if (cells.length !== 2) return undefined;
    const field = cardField(`${cells[0]!.replace(/\s*[:?]$/, '')}: ${cells[1]}`);
    if (!field) return undefined;
    lines.push(field);
  }
  return cardsOf(lines);
}

function hasCards(section: Section): boolean {
  return section.body.some((_, k) => cardRun(section.body, k) !== undefined);
}

/** A paragraph that says what the authors will do. */
const WE_WILL = /^(?:we|the partnership|the board|the council|partners) will\b/i;
const PLACEHOLDER = /^(?:tbc|tbd|to be confirmed|to be determined|x{1,4}\s*%?)[.!]?$/i;
const STRUCTURED_MODES: ReadonlySet<ListMode> = new Set(['nationalAims', 'commitments', 'actions', 'aims', 'measures', 'targets']);
const WORK_CONSTRUCTS: ReadonlySet<string> = new Set(['priority', 'commitment', 'action', 'aim', 'outcome']);

function isSection(item: Item): item is Section {
  return item.kind === 'section';
}

type UserColumns = readonly [ColumnRole, RegExp][];

function structuredTable(block: Item, columns: UserColumns = []): boolean {
  return block.kind === 'table' && recogniseTable(block, columns) !== undefined;
}

function headingMode(section: Section): ListMode | undefined {
  const c = section.heading?.construct;
  return c && isListMode(c) && STRUCTURED_MODES.has(c) ? c : undefined;
}

/** Structure in the section's own body (not counting titled groups, which stand on their own). */
function ownStructure(section: Section, columns: UserColumns = []): boolean {
  if (headingMode(section) && section.body.some((b) => b.kind === 'list' || b.kind === 'table')) return true;
  if (introducesWork(headingMode(section)) && section.body.some((b) => isSection(b) && (isWorkHeading(b) || groupsWork(b)))) return true;
  if (introducesWork(headingMode(section)) && recommendsWithin(section)) return true;
  if (hasCards(section) || section.body.some((b) => b.kind === 'table' && cardTable(b) !== undefined)) return true;
  if (section.body.some((b) => b.kind === 'paragraph' && LABELLED_WORK_PARAGRAPH.test(b.text))) return true;
  return section.body.some(
    (b) =>
      (b.kind === 'label' && STRUCTURED_MODES.has(b.mode) && !b.titled) ||
      structuredTable(b, columns) ||
      (isSection(b) && b.heading?.construct !== undefined && WORK_CONSTRUCTS.has(b.heading.construct) && b.heading.construct !== 'priority'),
  );
}

function hasStructure(section: Section, inherited?: ListMode, columns: UserColumns = []): boolean {
  const c = section.heading?.construct;
  if (c && WORK_CONSTRUCTS.has(c)) return true;
  if (ownStructure(section, columns)) return true;
  if (introducesWork(headingMode(section) ?? inherited) && recommendsWithin(section)) return true;
  if (introducesWork(headingMode(section) ?? inherited) && groupsWork(section)) return true;
  return section.body.some((b) => (b.kind === 'label' && STRUCTURED_MODES.has(b.mode)) || (isSection(b) && hasStructure(b, undefined, columns)));
}

const LABELLED = new RegExp(
  `^((?:[A-Za-z]+\\s+){0,2}?)(priority|theme|work ?area|pillar|strand|objective|ambition|goal|aim|commitment|pledge|promise|recommendation|action)\\s+(\\d+(?:\\.\\d+)*|[A-H]|${NUMBER_WORDS.join('|')})\\b`,
  'i',
);
const WORK_NOUNS: ReadonlySet<string> = new Set(['commitment', 'pledge', 'promise', 'recommendation', 'action']);

/** "Key Priority 1 – …" → KP1; "13.1 Protecting …" → 13.1; "COMMITMENT 3" → 3; "Action 1.2 …" → 1.2. */
function idFromHeading(section: Section): string | undefined {
  const h = section.heading!;
  if (h.number) return h.number;
  const m = LABELLED.exec(h.text);
  if (!m) return undefined;
  const number = numberValue(m[3]!);
  if (WORK_NOUNS.has(m[2]!.toLowerCase())) return number;
  const words = [...m[1]!.trim().split(/\s+/), ...m[2]!.split(/\s+/)].filter(Boolean);
  return `${words.map((w) => w.charAt(0).toUpperCase()).join('')}${number}`;
}

/** The text a commitment heading carries after its number ("Commitment 3: Reduce harm"). */
function headingRemainder(text: string): string {
  return text.replace(new RegExp(`^(?:[A-Za-z]+\\s+){0,2}?(?:commitment|pledge|promise|recommendation|action)\\s+(?:\\d+(?:\\.\\d+)*|${NUMBER_WORDS.join('|')})\\s*[:.–—-]?\\s*`, 'i'), '').trim();
}

/** `mode`: what the document's title introduces ("Recommendations"), for the sections at its top level. */
export function convertOutline(root: Section, ctx: SectionContext, mode?: ListMode): Node[] {
  return convertBody(root.body, 'top', ctx, mode);
}

function introducesWork(mode: ListMode | undefined): boolean {
  return mode === 'commitments' || mode === 'actions';
}

/**
 * A heading under "Recommendations" or "What we will do" that is one of them:
 * numbered ("3. Publish a common set of features"), or a sentence.
 */
function isWorkHeading(section: Section): boolean {
  const h = section.heading;
  if (!h || h.construct) return false;
  // "6.1 Commissioning" over "6.1.1 Commissioners should …": a group of them, its subsections the work.
  if (groupsWork(section)) return false;
  // A sentence, not a title in capitals ("APPENDIX - EVIDENCE SOURCE - STATEMENTS").
  const capitals = h.text === h.text.toUpperCase();
  return h.number !== undefined || (h.text.split(/\s+/).length >= 6 && !capitals);
}

/** A numbered heading whose numbered subsections go deeper ("6.1" over "6.1.1" and "6.1.2"), each of them work. */
function groupsWork(section: Section): boolean {
  const number = section.heading?.number;
  if (number === undefined) return false;
  const subsections = section.body.filter(isSection);
  return subsections.length > 0 && subsections.every((b) => b.heading?.number?.startsWith(`${number}.`) === true && isWorkHeading(b));
}

/** A heading as a title: without the trailing colon of a lead-in, nor the number its id already carries. */
function titleOf(section: Section, id?: string): string {
  const h = section.heading!;
  let text = h.text.replace(/\s*:$/, '');
  if (id !== undefined && h.number === id) text = text.slice(h.number.length).replace(/^[.)]?\s+/, '');
  return text || h.text;
}

function convertSection(section: Section, where: Where, ctx: SectionContext, parentMode?: ListMode): Node[] {
  const h = section.heading!;
  const title = titleOf(section);
  const c = h.construct;
  if (introducesWork(parentMode) && isWorkHeading(section)) return [workSection(section, parentMode === 'actions' ? 'action' : 'commitment', ctx)];
  switch (c) {
    case 'ignore':
      ctx.ignored(title);
      return [];
    case 'glossary':
      return glossarySection(section, ctx);
    case 'partners':
      return partnersSection(section, ctx);
    case 'commitment':
    case 'action': {
      const sole = ctx.kind === 'strategy' ? soleCard(section) : undefined;
      const carded = sole && cardCommitment(section, sole, ctx);
      if (carded) return [carded];
      // "Commitment one" over strategic aims of its own: a chapter that groups commitments, not one of them.
      if (hasStructure({ kind: 'section', body: section.body }, undefined, ctx.columns)) {
        const id = idFromHeading(section);
        return [{ kind: 'priority', ...(id ? { id: `C${id}` } : {}), title: titleOf(section), items: convertBody(section.body, 'priority', ctx) }];
      }
      return [workSection(section, c, ctx)];
    }
    case 'aim':
    case 'outcome': {
      const items = convertBody(section.body, 'section', ctx);
      const id = idFromHeading(section);
      return [c === 'aim' ? { kind: 'aim', ...(id ? { id } : {}), title, items } : { kind: 'outcome', title, items }];
    }
    case 'narrative':
      return [{ kind: 'narrative', title, items: convertBody(section.body, 'narrative', ctx) }];
    default:
      break;
  }
  // Under a priority, a heading of its own over one card is that card's commitment, not a section around it.
  if (!c && (where === 'priority' || where === 'section') && ctx.kind === 'strategy') {
    const sole = soleCard(section);
    const carded = sole && cardCommitment(section, sole, ctx);
    if (carded) return [carded];
  }
  // Under "Recommendations", a topic's subsection ("Physical health") recommends too.
  const mode = headingMode(section) ?? (introducesWork(parentMode) ? parentMode : undefined);
  if (!hasStructure(section, mode, ctx.columns)) return [{ kind: 'narrative', title, items: convertBody(section.body, 'narrative', ctx) }];
  const explicitPriority = c === 'priority';
  if (where === 'top' || where === 'narrative') {
    if (explicitPriority || ownStructure(section, ctx.columns) || c === 'section') {
      const id = idFromHeading(section);
      return [{ kind: 'priority', ...(id ? { id } : {}), title: titleOf(section, id), items: convertBody(section.body, 'priority', ctx, mode) }];
    }
    // The structure is in the subsections: this heading stays prose, they stand on their own.
    return [{ kind: 'narrative', title, items: convertBody(section.body, 'narrative', ctx) }];
  }
  if (where === 'priority') return [{ kind: 'section', title, items: convertBody(section.body, 'section', ctx, mode) }];
  // No sections inside sections: the heading becomes a line of text before its content.
  return [{ kind: 'paragraph', text: title }, ...convertBody(section.body, where, ctx, mode)];
}

function workSection(section: Section, construct: 'commitment' | 'action', ctx: SectionContext): Node {
  const h = section.heading!;
  const id = idFromHeading(section);
  const body = [...section.body];
  // "3. Publish a common set of features": the number is the id, the rest the words.
  let text = headingRemainder(h.number !== undefined && h.number === id ? titleOf(section, id) : h.text);
  if (!text) {
    const first = body.findIndex((b) => b.kind === 'paragraph');
    if (first >= 0 && body.slice(0, first).every((b) => b.kind === 'note')) {
      text = (body[first] as Extract<Block, { kind: 'paragraph' }>).text;
      body.splice(first, 1);
    }
  }
  const items = convertBody(body, 'work', ctx);
  if (ctx.kind === 'framework' && construct === 'action' && id) return { kind: 'action', id, text: text || h.text, items };
  if (ctx.kind === 'framework') return { kind: 'aim', ...(id ? { id } : {}), title: text || h.text, items };
  // A heading that is only a number ("Commitment one:") keeps its own words as the commitment's.
  return { kind: 'commitment', ...(id ? { id } : {}), text: text || titleOf(section), items };
}

function glossarySection(section: Section, ctx: SectionContext): Node[] {
  const glossary: NodeOf<'glossary'> = { kind: 'glossary', title: section.heading!.text, entries: [] };
  const rest: Item[] = [];
  for (const b of section.body) {
    if (b.kind === 'table') {
      const entries = glossaryFromTable(b);
      if (entries) {
        glossary.entries.push(...entries);
        continue;
      }
    } else if (b.kind === 'list') {
      const { entries, rest: others } = glossaryFromList(b);
      glossary.entries.push(...entries);
      if (others.length > 0) rest.push({ ...b, items: b.items.filter((it) => others.includes(it.text)) });
      continue;
    } else if (b.kind === 'paragraph') {
      const entry = glossaryFromParagraph(b);
      if (entry) {
        glossary.entries.push(entry);
        continue;
      }
    }
    rest.push(b);
  }
  const prose = convertBody(rest, 'narrative', ctx);
  // What follows the entries is prose of the surrounding text; with no entries, the section is prose.
  return glossary.entries.length > 0 ? [glossary, ...prose] : [{ kind: 'narrative', title: section.heading!.text, items: prose }];
}

function partnersSection(section: Section, ctx: SectionContext): Node[] {
  const partners: NodeOf<'partners'> = { kind: 'partners', title: section.heading!.text, entries: [] };
  const rest: Item[] = [];
  for (const b of section.body) {
    if (b.kind === 'list') partners.entries.push(...b.items.map((it) => partnerFrom(it.text)));
    else if (b.kind === 'table' && !structuredTable(b, ctx.columns)) partners.entries.push(...b.rows.map((r) => partnerFrom(r.cells.map((c) => c.text).filter(Boolean).join(', '))));
    else rest.push(b);
  }
  const prose = convertBody(rest, 'narrative', ctx);
  if (partners.entries.length === 0) return [{ kind: 'narrative', title: section.heading!.text, items: prose }];
  return [...prose, partners];
}

/**
 * A list item that says who does it or by when ("Expand the walking
 * programme – Lead: Leisure Services – Timescale: 2024/25"): work, whatever
 * heading it stands under. Fields name what a line is as a label does.
 */
function assignedWork(text: string, number: string | undefined): Node | undefined {
  const split = splitInlineProperties(text);
  if (!split.properties.some((p) => p.kind === 'owner' || p.kind === 'timing')) return undefined;
  return { kind: 'commitment', ...(number ? { id: number } : {}), text: split.text, items: split.properties };
}

/**
 * The items at a list's own level, each with what the source nested under
 * it as lines of text (in order, field lines as the fields they name), so
 * that a sub-bullet is not read as a commitment of its own.
 */
function withNestedDetail(items: readonly ListItem[]): { it: ListItem; detail: Node[] }[] {
  // A loop, not Math.min(...): a list can hold more items than a call takes arguments.
  let top = Infinity;
  for (const x of items) top = Math.min(top, x.depth ?? 0);
  const out: { it: ListItem; detail: Node[] }[] = [];
  for (const x of items) {
    const last = out[out.length - 1];
    if ((x.depth ?? 0) > top && last) last.detail.push(propertyFrom(x.text) ?? { kind: 'paragraph', text: x.text });
    else out.push({ it: x, detail: [] });
  }
  return out;
}

/** The number of a numbered list's first item, if `block` is one. */
function firstNumberOf(block: Item | undefined): string | undefined {
  return block?.kind === 'list' && block.ordered ? block.items[0]?.number : undefined;
}

/** A title, not a sentence: a few words with no closing stop ("Commissioning", "Children and young people"). */
function isGroupTitle(text: string): boolean {
  return text.split(/\s+/).length <= 8 && !/[.;:!?,]$/.test(text.trim());
}

/** A list with no label: its items are prose, numbered as the source numbered them. */
function listAsParagraphs(list: ListBlock): Node[] {
  return list.items.map((it) => ({ kind: 'paragraph', text: it.number ? `${it.number}. ${it.text}` : it.text }));
}

/** A table that holds no recognised structure: one paragraph per row, cells separated as the page separated them. */
function tableAsParagraphs(table: TableBlock): Node[] {
  return table.rows
    .map((r) => r.cells.map((c) => c.text).filter(Boolean).join(' | '))
    .filter(Boolean)
    .map((text) => ({ kind: 'paragraph', text }));
}

interface Group {
  readonly mode: ListMode;
  /** Where the group's items go; undefined = into the body being built. */
  readonly node?: NodeOf<'priority'> | NodeOf<'section'> | NodeOf<'partners'> | NodeOf<'glossary'>;
}

function startGroup(label: LabelBlock, where: Where, out: Node[]): Group {
  if (label.mode === 'partners') {
    const node: NodeOf<'partners'> = { kind: 'partners', title: label.text.replace(/:$/, ''), entries: [] };
    out.push(node);
    return { mode: label.mode, node };
  }
  if (label.mode === 'glossary') {
    const node: NodeOf<'glossary'> = { kind: 'glossary', title: label.text.replace(/:$/, ''), entries: [] };
    out.push(node);
    return { mode: label.mode, node };
  }
  if (label.mode === 'notes') {
    out.push({ kind: 'note', text: label.text });
    return { mode: label.mode };
  }
  const title = label.text.replace(/:$/, '');
  if (label.titled && (where === 'top' || where === 'narrative')) {
    const node: NodeOf<'priority'> = { kind: 'priority', title, items: [] };
    out.push(node);
    return { mode: label.mode, node };
  }
  if (where === 'priority') {
    const node: NodeOf<'section'> = { kind: 'section', title, items: [] };
    out.push(node);
    return { mode: label.mode, node };
  }
  out.push({ kind: 'paragraph', text: title });
  return { mode: label.mode };
}

function addToGroup(group: Group, node: Node, out: Node[]): void {
  if (group.node && 'items' in group.node) group.node.items.push(node);
  else out.push(node);
}

/**
 * A field line ("Lead: …") belongs to the commitment or action just before
 * it, else to the container, if the container can hold it (the top level
 * cannot: there it stays a line of text). Returns whether it was placed.
 */
function attachProperty(property: Node, group: Group | undefined, out: Node[], where: Where, lastWork: Node | undefined): boolean {
  const list = group?.node && 'items' in group.node ? group.node.items : out;
  const last = list[list.length - 1];
  if (last && last === lastWork && (last.kind === 'commitment' || last.kind === 'action' || (last.kind === 'measure' && property.kind === 'target'))) {
    last.items.push(property);
    return true;
  }
  if (where === 'top' && list === out) return false;
  list.push(property);
  return true;
}

/** A commitment or action written with its fields inline: "Do X (Lead: Y; Timescale: 2025)". */
function withInlineProperties(node: Node): Node {
  if (node.kind !== 'commitment' && node.kind !== 'action') return node;
  const text = node.text;
  if (text === undefined) return node;
  const split = splitInlineProperties(text);
  if (split.properties.length === 0) return node;
  return { ...node, text: split.text, items: [...node.items, ...split.properties] };
}

function convertBody(body: readonly Item[], where: Where, ctx: SectionContext, initialMode?: ListMode): Node[] {
  const out: Node[] = [];
  let group: Group | undefined = initialMode ? { mode: initialMode } : undefined;
  // Inside a numbered group of the work ("6.1 Commissioning" over 6.1.1, 6.1.2): its number, and the group around it.
  let numbered: { prefix: string; outer: Group } | undefined;
  // Under a heading that introduces recommendations, in a strategy's own text (not a narrative): where numbered items and recommending sentences are the work.
  const recommendationsHere = introducesWork(initialMode) && where !== 'narrative' && ctx.kind === 'strategy';
  // The item a following "Lead: …" line describes: one just read from a list or a field line, never a table's.
  let lastWork: Node | undefined;
  const lastOf = (): Node | undefined => {
    const list = group?.node && 'items' in group.node ? group.node.items : out;
    return list[list.length - 1];
  };
  for (let index = 0; index < body.length; index++) {
    const item = body[index]!;
    const next = body[index + 1];
    // "1. Adopt a value-based healthcare approach" over "We will prioritise …": a commitment and what it means.
    if (item.kind === 'list' && where !== 'narrative' && ctx.kind === 'strategy' && next?.kind === 'paragraph' && WE_WILL.test(next.text) && group?.mode !== 'glossary' && group?.mode !== 'partners') {
      const last = item.items[item.items.length - 1]!;
      if (item.items.length > 1) out.push(...convertBody([{ ...item, items: item.items.slice(0, -1) }], where, ctx, group?.mode));
      const commitment: Node = { kind: 'commitment', ...(last.number && item.ordered ? { id: last.number } : {}), text: last.text, items: [{ kind: 'paragraph', text: next.text }] };
      addToGroup(group ?? { mode: 'commitments' }, commitment, out);
      lastWork = commitment;
      index++;
      continue;
    }
    // "What: … / Who: … / When: …": one commitment per card, its fields in any order.
    const cards = where !== 'narrative' && ctx.kind === 'strategy' && (item.kind === 'paragraph' || item.kind === 'list') ? cardRun(body, index) : undefined;
    if (cards) {
      for (const card of cards.cards) {
        const node = cardNode(card);
        if (node) addToGroup(group ?? { mode: 'commitments' }, node, out);
        lastWork = node;
      }
      index = cards.end - 1;
      continue;
    }
    switch (item.kind) {
      case 'section':
        out.push(...convertSection(item, where, ctx, initialMode));
        group = undefined;
        lastWork = undefined;
        break;
      case 'label':
        group = startGroup(item, where, out);
        numbered = undefined;
        lastWork = undefined;
        break;
      case 'note':
        // A placeholder under a targets label ("TBC") is the target the draft has not set yet.
        if (group?.mode === 'targets' && PLACEHOLDER.test(item.text)) addToGroup(group, targetFrom(item.text), out);
        else if (group) addToGroup(group, { kind: 'note', text: item.text }, out);
        else out.push({ kind: 'note', text: item.text });
        break;
      case 'list':
        if (!group && item.ordered && recommendationsHere) {
          // A numbered list under a heading that introduces recommendations: each item is one, what is nested in it its detail.
          for (const { it, detail } of withNestedDetail(item.items)) {
            const node: Node = it.number ? numberedRecommendation(it.number, it.text) : { kind: 'commitment', text: it.text, items: [] };
            if (node.kind === 'commitment') node.items.push(...detail);
            out.push(node);
          }
          lastWork = lastOf();
          break;
        }
        if (!group) {
          for (const [k, it] of item.items.entries()) {
            const property = where !== 'narrative' ? propertyFrom(it.text) : undefined;
            if (property && attachProperty(property, undefined, out, where, lastWork)) continue;
            const work = where !== 'narrative' && ctx.kind === 'strategy' ? assignedWork(it.text, it.number && item.ordered ? it.number : undefined) : undefined;
            if (work) {
              out.push(work);
              lastWork = work;
              continue;
            }
            out.push(...listAsParagraphs({ ...item, items: [item.items[k]!] }));
          }
          break;
        }
        if (group.mode === 'partners' && group.node?.kind === 'partners') {
          group.node.entries.push(...item.items.map((it) => partnerFrom(it.text)));
          break;
        }
        if (group.mode === 'glossary' && group.node?.kind === 'glossary') {
          const { entries, rest } = glossaryFromList(item);
          group.node.entries.push(...entries);
          out.push(...rest.map((text): Node => ({ kind: 'paragraph', text })));
          break;
        }
        const entries = introducesWork(group.mode) ? withNestedDetail(item.items) : item.items.map((x) => ({ it: x, detail: [] as Node[] }));
        for (let e = 0; e < entries.length; e++) {
          const { it, detail } = entries[e]!;
          if (numbered && !(item.ordered && it.number?.startsWith(`${numbered.prefix}.`))) {
            group = numbered.outer;
            numbered = undefined;
          }
          const following = entries[e + 1] ? (item.ordered ? entries[e + 1]!.it.number : undefined) : firstNumberOf(body[index + 1]);
          const canGroup = !group.node && (where === 'top' || where === 'priority');
          if (canGroup && introducesWork(group.mode) && item.ordered && it.number && !numbered && following?.startsWith(`${it.number}.`) && isGroupTitle(it.text) && detail.length === 0) {
            // "6.1 Commissioning" over "6.1.1 …": not one of them, the group they are numbered in (a priority at the top, a section in one).
            const title = `${it.number} ${it.text}`;
            const node: NodeOf<'priority'> | NodeOf<'section'> = where === 'top' ? { kind: 'priority', title, items: [] } : { kind: 'section', title, items: [] };
            addToGroup(group, node, out);
            numbered = { prefix: it.number, outer: group };
            group = { mode: group.mode, node };
            lastWork = undefined;
            continue;
          }
          const property = propertyFrom(it.text);
          if (property && (group.mode === 'commitments' || group.mode === 'actions') && attachProperty(property, group, out, where, lastWork)) continue;
          const node = itemNode({ text: it.text, ...(it.number && item.ordered ? { number: it.number } : {}) }, group.mode, ctx.kind);
          const built = node ? withInlineProperties(node) : { kind: 'paragraph' as const, text: it.text };
          // What the source nested under a commitment says more of it: its detail, inside it.
          const holds = built.kind === 'commitment' || built.kind === 'action';
          if (holds) built.items.push(...detail);
          addToGroup(group, built, out);
          lastWork = lastOf();
          if (!holds) for (const d of detail) addToGroup(group, d, out);
        }
        break;
      case 'table': {
        lastWork = undefined;
        if (group?.mode === 'glossary' && group.node?.kind === 'glossary') {
          const entries = glossaryFromTable(item);
          if (entries) {
            group.node.entries.push(...entries);
            break;
          }
        }
        const cards = where !== 'narrative' && ctx.kind === 'strategy' ? cardTable(item) : undefined;
        if (cards) {
          for (const card of cards) {
            const node = cardNode(card);
            if (node) addToGroup(group ?? { mode: 'commitments' }, node, out);
          }
          break;
        }
        const columns = recogniseTable(item, ctx.columns);
        if (columns) {
          const tableWhere = where === 'priority' ? 'priority' : where === 'top' || where === 'narrative' ? 'top' : 'section';
          appendContinuing(out, readStructuredTable(item, columns, { kind: ctx.kind, where: tableWhere, unplaced: ctx.unplaced }));
        } else {
          out.push(...tableAsParagraphs(item));
        }
        group = undefined;
        break;
      }
      case 'paragraph': {
        const property = where !== 'narrative' ? propertyFrom(item.text) : undefined;
        if (property && attachProperty(property, group, out, where, lastWork)) break;
        lastWork = undefined;
        if (group && group.mode === 'targets' && item.text.split(/\s+/).length <= 40) {
          addToGroup(group, targetFrom(item.text), out);
          break;
        }
        if (group && group.mode === 'notes') {
          out.push({ kind: 'note', text: item.text });
          break;
        }
        const labelled = where !== 'narrative' && ctx.kind === 'strategy' ? LABELLED_WORK_PARAGRAPH.exec(item.text) : null;
        if (labelled) {
          // "Recommendation 2: Develop …": its label says it is one, under whatever heading; "Lead: …" after its words are its fields.
          const split = splitInlineProperties(item.text.slice(labelled[0].length));
          const commitment = numberedRecommendation(labelled[1]!, split.text);
          if (commitment.kind === 'commitment') commitment.items.push(...split.properties);
          addToGroup(group ?? { mode: 'commitments' }, commitment, out);
          lastWork = commitment;
          break;
        }
        const numbered = NUMBERED_PARAGRAPH.exec(item.text);
        if (numbered && recommendationsHere) {
          // Under a heading that introduces recommendations, a numbered paragraph ("5. Services should …",
          // "10.In order to …") is one of them, however it is worded.
          const commitment = numberedRecommendation(numbered[1]!, item.text.slice(numbered[0].length));
          out.push(commitment);
          lastWork = commitment;
          group = undefined;
          break;
        }
        if (recommendationsHere && recommends(item.text)) {
          // Under a heading that introduces recommendations, each recommending sentence is one; the rest stays prose.
          let prose: string[] = [];
          const flushProse = (): void => {
            if (prose.length) out.push({ kind: 'paragraph', text: prose.join(' ') });
            prose = [];
          };
          for (const sentence of sentences(item.text)) {
            if (!RECOMMENDS.test(sentence)) {
              prose.push(sentence);
              continue;
            }
            flushProse();
            const commitment: Node = { kind: 'commitment', text: sentence, items: [] };
            out.push(commitment);
            lastWork = commitment;
          }
          flushProse();
          group = undefined;
          break;
        }
        group = undefined;
        out.push({ kind: 'paragraph', text: item.text });
        // Notes a drafter left inside the prose are kept in it, and listed as notes too so the linter reports them.
        for (const note of inlineNotes(item.text)) out.push({ kind: 'note', text: note });
        break;
      }
      case 'break':
        break;
    }
  }
  return out;
}

/**
 * Appends a table's nodes; when the table opens with the group the last
 * table ended in ("CYP THERAPEUTIC SERVICE" on the next page), that group
 * carries on rather than starting again.
 */
function appendContinuing(out: Node[], nodes: Node[]): void {
  const first = nodes[0];
  const last = [...out].reverse().find((n) => n.kind === 'priority' || n.kind === 'section');
  const bare = (t: string): string => continuedTitle(t).toLowerCase();
  if (
    first &&
    last &&
    out[out.length - 1] === last &&
    (first.kind === 'priority' || first.kind === 'section') &&
    first.kind === last.kind &&
    bare(first.title) === bare(last.title) &&
    'items' in last
  ) {
    last.items.push(...first.items);
    out.push(...nodes.slice(1));
    return;
  }
  out.push(...nodes);
}
