/**
 * Builds the typed tree from the parser's tree (`ParseNode`, children in
 * source order under their labels). Tolerant by design: after error recovery
 * any piece may be missing, and whatever did parse is kept. Value errors a
 * grammar cannot see (a month 13, a 2-digit year) are reported here with the
 * range of the offending text.
 *
 * This runs once per parse over every statement, so it avoids needless
 * allocation: children are read by label, without filtering copies.
 */
import type { IToken } from 'chevrotain';
import type * as A from './ast.js';
import type { Direction, StatusValue } from './keywords.js';
import { parseDateText } from './dates.js';
import { STATEMENT_RULES, type ParseNode, type StatementBuilder } from './parser.js';
import type { TokenPositions } from './positions.js';
import { unquote } from './strings.js';
import { StructureCheck } from './structure.js';
import { CurlyString, Name, NumberLiteral, StringLiteral, UnterminatedString } from './tokens.js';

export interface BuildProblem {
  readonly message: string;
  readonly range: A.Range;
}

function usable(t: IToken): boolean {
  return t.isInsertedInRecovery !== true && !Number.isNaN(t.startOffset);
}

/** The first usable token under `label` (`items` holds label and child in turn). */
function tok(n: ParseNode, label: string): IToken | undefined {
  const items = n.items;
  for (let i = 0; i < n.size; i += 2) {
    if (items[i] === label && usable(items[i + 1] as IToken)) return items[i + 1] as IToken;
  }
  return undefined;
}

/**
 * Gathers the elements of one array of the tree and makes it at its exact
 * length. An array grown by `push` from empty gets room for 16 elements on
 * its first push, and the tree keeps that room: a block's few statements, an
 * owner's one or two names, a `supports`' references (arrays grown by push
 * were a sixth of the parse's allocation, measured with the sampling heap
 * profiler). One gatherer per kind of array, used by one function at a time.
 */
class Gather<T> {
  private readonly items: T[] = [];
  private count = 0;

  start(): void {
    this.count = 0;
  }

  add(item: T): void {
    this.items[this.count++] = item;
  }

  /**
   * The gathered elements as a new array of their number. The gatherer's own
   * array is used again, emptied: it must not keep a document's tree (or, through
   * a token's text, the document's text) alive after its parse.
   */
  done(): T[] {
    const items = this.items;
    const out = items.slice(0, this.count);
    // A loop, not `fill`: the builtin's call cost more than the few stores (a tenth of the builder's own time, profiled).
    for (let i = 0; i < this.count; i++) items[i] = undefined as T;
    this.count = 0;
    return out;
  }
}

/** The tokens of `allTokens`, gathered (it calls nothing that gathers). */
const gatheredTokens = new Gather<IToken>();

/** Every usable token under `label`, in order, as an array of their number. */
function allTokens(n: ParseNode, label: string): IToken[] {
  const out = gatheredTokens;
  out.start();
  const items = n.items;
  for (let i = 0; i < n.size; i += 2) {
    if (items[i] === label && usable(items[i + 1] as IToken)) out.add(items[i + 1] as IToken);
  }
  return out.done();
}

/** The first node under `label`. */
function node(n: ParseNode, label: string): ParseNode | undefined {
  const items = n.items;
  for (let i = 0; i < n.size; i += 2) if (items[i] === label) return items[i + 1] as ParseNode;
  return undefined;
}

function nodes(n: ParseNode, label: string): ParseNode[] {
  const out: ParseNode[] = [];
  const items = n.items;
  for (let i = 0; i < n.size; i += 2) if (items[i] === label) out.push(items[i + 1] as ParseNode);
  return out;
}

/** The first node under `label` after `previous` (one of them). */
function nodeAfter(n: ParseNode, label: string, previous: ParseNode): ParseNode | undefined {
  const items = n.items;
  let seen = false;
  for (let i = 0; i < n.size; i += 2) {
    if (items[i] !== label) continue;
    if (seen) return items[i + 1] as ParseNode;
    if (items[i + 1] === previous) seen = true;
  }
  return undefined;
}

/** The number of the first run of digits in `s` (0 if none), as `Number(/\d+/.exec(s)[0])`, without the match's arrays. */
function firstNumber(s: string): number {
  let i = 0;
  while (i < s.length && (s.charCodeAt(i) < 48 || s.charCodeAt(i) > 57)) i++;
  let j = i;
  while (j < s.length && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
  return i === j ? 0 : Number(s.slice(i, j));
}

/** Whether anything (even a token made up in recovery) stands under `label`. */
function has(n: ParseNode, label: string): boolean {
  const items = n.items;
  for (let i = 0; i < n.size; i += 2) if (items[i] === label) return true;
  return false;
}

/** How many token ranges the builder keeps (a power of two). */
const RANGE_CACHE_SIZE = 16;

/** A run of tokens that cannot start a statement, where one should stand. */
export interface StrayPiece {
  readonly token: IToken;
  readonly inBlock: boolean;
}

export class AstBuilder implements StatementBuilder {
  readonly problems: BuildProblem[] = [];
  /** Stray pieces in source order of discovery (the parser reports them as syntax problems). */
  readonly strays: StrayPiece[] = [];
  /** Which statement may stand where, checked block by block as the containers are built. */
  readonly structure = new StructureCheck();

  /**
   * The ranges and positions of the last tokens seen, by their offset modulo
   * the size: a token's range is asked for by its node and by the statement
   * around it (its range, its keyword range), and they share the Position
   * objects instead of each making its own (a third of the tree's
   * positions). A token whose start or end alone is in the tree (a keyword
   * before an id, a closing `}`) gets only that position, not a range and
   * the other position as garbage.
   */
  private readonly cachedTokens: (IToken | undefined)[] = new Array<IToken | undefined>(RANGE_CACHE_SIZE).fill(undefined);
  private readonly cachedRanges: (A.Range | undefined)[] = new Array<A.Range | undefined>(RANGE_CACHE_SIZE).fill(undefined);
  private readonly cachedStarts: (A.Position | undefined)[] = new Array<A.Position | undefined>(RANGE_CACHE_SIZE).fill(undefined);
  private readonly cachedEnds: (A.Position | undefined)[] = new Array<A.Position | undefined>(RANGE_CACHE_SIZE).fill(undefined);
  private readonly gatheredStatements = new Gather<A.Statement>();

  constructor(
    private readonly documentEnd: A.Position,
    private readonly positions: TokenPositions,
  ) {}

  /** The cache slot of `t`, emptied first if it held another token. */
  private slotOf(t: IToken): number {
    const slot = t.startOffset & (RANGE_CACHE_SIZE - 1);
    if (this.cachedTokens[slot] !== t) {
      this.cachedTokens[slot] = t;
      this.cachedRanges[slot] = undefined;
      this.cachedStarts[slot] = undefined;
      this.cachedEnds[slot] = undefined;
    }
    return slot;
  }

  private startOf(t: IToken): A.Position {
    const slot = this.slotOf(t);
    return (this.cachedStarts[slot] ??= this.positions.tokenStart(t));
  }

  private endOf(t: IToken): A.Position {
    const slot = this.slotOf(t);
    return (this.cachedEnds[slot] ??= this.positions.tokenEnd(t));
  }

  private tokenRange(t: IToken): A.Range {
    const slot = this.slotOf(t);
    let range = this.cachedRanges[slot];
    if (range === undefined) {
      range = { start: (this.cachedStarts[slot] ??= this.positions.tokenStart(t)), end: (this.cachedEnds[slot] ??= this.positions.tokenEnd(t)) };
      this.cachedRanges[slot] = range;
    }
    return range;
  }

  /** From the start of `first` to the end of `last`. */
  private span(first: IToken, last: IToken): A.Range {
    return { start: this.startOf(first), end: this.endOf(last) };
  }

  private rangeOf(n: ParseNode, fallback?: IToken): A.Range {
    const { start, end } = n;
    if (!Number.isNaN(start.startOffset) && end.endOffset !== undefined && !Number.isNaN(end.endOffset)) {
      // Chevrotain's location of the node: the start of its first token, the end of its last.
      return this.span(start, end);
    }
    return fallback ? this.tokenRange(fallback) : { start: this.documentEnd, end: this.documentEnd };
  }

  private text(t: IToken | undefined): A.Text | undefined {
    return t ? { value: unquote(t.image), range: this.tokenRange(t) } : undefined;
  }

  private identifier(t: IToken | undefined): A.Identifier | undefined {
    return t ? { value: t.image, range: this.tokenRange(t) } : undefined;
  }

  private indicator(t: IToken | undefined): A.IndicatorRef | undefined {
    if (!t) return undefined;
    return { code: firstNumber(t.image), text: t.image, range: this.tokenRange(t) };
  }

  private date(n: ParseNode | undefined): A.DateValue | undefined {
    if (!n) return undefined;
    const ch = n;
    const literal = tok(ch, 'DateLiteral');
    let text: string;
    let range: A.Range;
    if (literal) {
      text = literal.image;
      range = this.tokenRange(literal);
    } else {
      // The date's one or two numbers (`2010`, `2010/11`), without an array per date.
      let first: IToken | undefined;
      let second: IToken | undefined;
      for (let i = 0; i < ch.size; i += 2) {
        if (ch.items[i] !== 'NumberLiteral' || !usable(ch.items[i + 1] as IToken)) continue;
        if (first === undefined) first = ch.items[i + 1] as IToken;
        else if (second === undefined) second = ch.items[i + 1] as IToken;
        else {
          second = undefined;
          break;
        }
      }
      if (first === undefined) return undefined;
      const slash = second !== undefined && tok(ch, 'Slash') !== undefined;
      text = slash ? `${first.image}/${second!.image}` : first.image;
      range = second !== undefined ? this.span(first, second) : this.tokenRange(first);
    }
    const parsed = parseDateText(text);
    if (!parsed.ok) {
      this.problems.push({ message: parsed.message, range });
      return undefined;
    }
    return { text, range, precision: parsed.span.precision, first: parsed.span.first, last: parsed.span.last };
  }

  private quantity(main: IToken | undefined, percent: IToken | undefined): A.Quantity | undefined {
    if (!main) return undefined;
    const range = percent ? this.span(main, percent) : this.tokenRange(main);
    const text = percent ? `${main.image}%` : main.image;
    return main.tokenType === NumberLiteral
      ? { text, range, number: Number(main.image), percent: percent !== undefined }
      : { text, range, placeholder: main.image, percent: percent !== undefined };
  }

  /** From the keyword to the end of `last` (the id, usually). */
  private keywordRange(keyword: IToken | undefined, last: IToken | undefined, fallback: A.Range): A.Range {
    if (!keyword) return fallback;
    return last ? this.span(keyword, last) : this.tokenRange(keyword);
  }

  /** The statements in the block of a statement of `kind` (NO_BLOCK if it has none), their places checked. */
  private block(ch: ParseNode, kind: A.ContainerStatement['kind']): A.Statement[] {
    const b = node(ch, 'block');
    if (!b) return NO_BLOCK;
    const items = this.statements(b, true);
    if (items.length > 0) this.structure.block(items, kind);
    return items;
  }

  /**
   * The statements `n` holds, in source order (the parser has built each one
   * already); its stray pieces (runs first, then stray `}`) are noted.
   */
  statements(n: ParseNode, inBlock = false): A.Statement[] {
    const items = n.items;
    let strayCloses: IToken[] | undefined;
    const out = this.gatheredStatements;
    out.start();
    for (let i = 0; i < n.size; i += 2) {
      const label = items[i] as string;
      if (label === 'strayRun') {
        const run = items[i + 1] as ParseNode;
        const first = run.size > 1 ? (run.items[1] as IToken) : undefined;
        if (first && usable(first)) this.strays.push({ token: first, inBlock });
      } else if (label === 'strayClose') {
        const t = items[i + 1] as IToken;
        if (usable(t)) (strayCloses ??= []).push(t);
      } else if (STATEMENT_RULES.has(label)) {
        const built = items[i + 1] as A.Statement | undefined;
        if (built) out.add(built);
      }
    }
    if (strayCloses) for (const t of strayCloses) this.strays.push({ token: t, inBlock });
    return out.done();
  }

  /** One statement from its complete parse node (its block's statements are built already). */
  statement(n: ParseNode): A.Statement | undefined {
    const ch = n;
    const keyword = tok(ch, 'keyword');
    const range = this.rangeOf(n, keyword);
    switch (n.name) {
      case 'strategyDecl':
      case 'priorityDecl':
      case 'aimDecl':
      case 'commitmentDecl':
      case 'actionDecl': {
        const kind = CONTAINER_KIND[n.name]!;
        const idToken = tok(ch, 'id');
        const keywordRange = this.keywordRange(keyword, idToken, range);
        const id = this.identifier(idToken);
        const title = this.text(tok(ch, 'title'));
        const block = this.block(ch, kind);
        return {
          kind,
          range,
          keywordRange,
          id,
          title,
          items: block,
          hasBlock: block !== NO_BLOCK,
        };
      }
      case 'frameworkStmt': {
        const ids = allTokens(ch, 'id');
        const title = this.text(tok(ch, 'title'));
        const b = node(ch, 'block');
        const items = b ? this.statements(b, true) : NO_BLOCK;
        const hasBlock = b !== undefined;
        const keywordRange = this.keywordRange(keyword, ids[0], range);
        if (!title && !hasBlock) return { kind: 'frameworkRef', range, keywordRange, refs: ids.map((t) => this.identifier(t)!) };
        // Only a framework declared with a block is a container (a reference holds nothing to check).
        if (items.length > 0) this.structure.block(items, 'framework');
        return { kind: 'framework', range, keywordRange, id: this.identifier(ids[0]), title, items, hasBlock };
      }
      case 'sectionDecl':
      case 'outcomeDecl':
      case 'narrativeDecl': {
        const kind = CONTAINER_KIND[n.name] as 'section' | 'outcome' | 'narrative';
        const keywordRange = this.keywordRange(keyword, undefined, range);
        const title = this.text(tok(ch, 'title'));
        const block = this.block(ch, kind);
        return {
          kind,
          range,
          keywordRange,
          title,
          items: block,
          hasBlock: block !== NO_BLOCK,
        };
      }
      case 'measureDecl': {
        const indicatorToken = tok(ch, 'indicator');
        const keywordRange = this.keywordRange(keyword, indicatorToken, range);
        const indicator = this.indicator(indicatorToken);
        const title = this.text(tok(ch, 'title'));
        const block = this.block(ch, 'measure');
        return {
          kind: 'measure',
          range,
          keywordRange,
          indicator,
          title,
          items: block,
          hasBlock: block !== NO_BLOCK,
        };
      }
      case 'nationalAimRef':
        return {
          kind: 'nationalAim',
          range,
          keywordRange: this.keywordRange(keyword, tok(ch, 'keywordEnd'), range),
          id: this.identifier(tok(ch, 'id')),
          title: this.text(tok(ch, 'title')),
        };
      case 'targetStmt': {
        const direction = tok(ch, 'direction');
        return {
          kind: 'target',
          range,
          keywordRange: this.keywordRange(keyword, undefined, range),
          direction: direction ? { value: direction.image as Direction, range: this.tokenRange(direction) } : undefined,
          value: this.quantity(tok(ch, 'value'), tok(ch, 'valuePercent')),
          indicator: this.indicator(tok(ch, 'indicator')),
          baseline: this.quantity(tok(ch, 'baseline'), tok(ch, 'baselinePercent')),
          deadline: this.date(node(ch, 'date')),
          words: this.text(tok(ch, 'words')),
        };
      }
      case 'timingStmt':
        return this.timing(ch, range, keyword);
      case 'ownerStmt': {
        const names = allTokens(ch, 'name').map((t): A.OwnerName => {
          const quoted = t.tokenType !== Name;
          return { value: quoted ? unquote(t.image) : t.image, quoted, range: this.tokenRange(t) };
        });
        return { kind: 'owner', range, keywordRange: this.keywordRange(keyword, undefined, range), names };
      }
      case 'supportsStmt': {
        const end = tok(ch, 'keywordEnd');
        return {
          kind: 'supports',
          range,
          keywordRange: this.keywordRange(keyword, end, range),
          target: end?.image === 'aim' ? 'aim' : 'action',
          refs: allTokens(ch, 'ref').map((t) => this.identifier(t)!),
        };
      }
      case 'noteStmt':
      case 'coverageStmt':
      case 'areaStmt':
      case 'visionStmt':
        return {
          kind: TEXT_KIND[n.name]!,
          range,
          keywordRange: this.keywordRange(keyword, undefined, range),
          text: this.text(tok(ch, 'text')),
        };
      case 'paragraph': {
        const text = this.text(tok(ch, 'text'));
        return text ? { kind: 'paragraph', range, keywordRange: text.range, text } : undefined;
      }
      case 'periodStmt': {
        const dates = nodes(ch, 'date');
        return {
          kind: 'period',
          range,
          keywordRange: this.keywordRange(keyword, undefined, range),
          start: this.date(dates?.[0]),
          end: this.date(dates?.[1]),
        };
      }
      case 'statusStmt': {
        const value = tok(ch, 'value');
        return {
          kind: 'status',
          range,
          keywordRange: this.keywordRange(keyword, undefined, range),
          value: value?.image as StatusValue | undefined,
          valueRange: value ? this.tokenRange(value) : undefined,
        };
      }
      case 'partnersDecl':
        return {
          kind: 'partners',
          range,
          keywordRange: this.keywordRange(keyword, undefined, range),
          title: this.text(tok(ch, 'title')),
          entries: nodes(ch, 'partnerEntry').flatMap((e) => {
            const name = this.text(tok(e, 'name'));
            return name ? [{ range: this.rangeOf(e), name, role: this.text(tok(e, 'role')) }] : [];
          }),
        };
      case 'glossaryDecl':
        return {
          kind: 'glossary',
          range,
          keywordRange: this.keywordRange(keyword, undefined, range),
          title: this.text(tok(ch, 'title')),
          entries: nodes(ch, 'glossaryEntry').flatMap((e) => {
            const term = tok(e, 'term');
            if (!term) return [];
            const quoted = term.tokenType === StringLiteral || term.tokenType === CurlyString || term.tokenType === UnterminatedString;
            return [
              {
                range: this.rangeOf(e),
                term: { value: quoted ? unquote(term.image) : term.image, quoted, range: this.tokenRange(term) },
                meaning: this.text(tok(e, 'meaning')),
              },
            ];
          }),
        };
      default:
        return undefined;
    }
  }

  private timing(ch: ParseNode, range: A.Range, keyword: IToken | undefined): A.TimingStmt {
    const keywordRange = this.keywordRange(keyword, undefined, range);
    const words = this.text(tok(ch, 'words'));
    const specNode = node(ch, 'timingSpec');
    if (!specNode) return { kind: 'timing', range, keywordRange, words };
    const sc = specNode;
    const firstDate = node(sc, 'date');
    const first = this.date(firstDate);
    const second = firstDate === undefined ? undefined : this.date(nodeAfter(sc, 'date', firstDate));
    let spec: A.TimingSpec | undefined;
    if (has(sc, 'Kw_ongoing')) spec = { type: 'ongoing', start: first };
    else if (has(sc, 'Kw_by')) spec = first ? { type: 'by', end: first } : undefined;
    else if (first && second) spec = { type: 'between', start: first, end: second };
    else if (has(sc, 'Kw_from')) spec = first ? { type: 'from', start: first } : undefined;
    else spec = first ? { type: 'on', date: first } : undefined;
    return { kind: 'timing', range, keywordRange, spec, words };
  }
}

/** The items of every statement written without a block (told from an empty block by identity); never mutated. */
const NO_BLOCK: A.Statement[] = Object.freeze([]) as unknown as A.Statement[];

const CONTAINER_KIND: Record<string, 'strategy' | 'priority' | 'aim' | 'commitment' | 'action' | 'section' | 'outcome' | 'narrative'> = {
  strategyDecl: 'strategy',
  priorityDecl: 'priority',
  aimDecl: 'aim',
  commitmentDecl: 'commitment',
  actionDecl: 'action',
  sectionDecl: 'section',
  outcomeDecl: 'outcome',
  narrativeDecl: 'narrative',
};

const TEXT_KIND: Record<string, 'note' | 'coverage' | 'area' | 'vision'> = {
  noteStmt: 'note',
  coverageStmt: 'coverage',
  areaStmt: 'area',
  visionStmt: 'vision',
};
