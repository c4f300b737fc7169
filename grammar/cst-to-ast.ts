/**
 * Builds the typed tree from Chevrotain's CST. Tolerant by design: after
 * error recovery any piece may be missing, and whatever did parse is kept.
 * Value errors a grammar cannot see (a month 13, a 2-digit year) are
 * reported here with the range of the offending text.
 *
 * This runs once per parse over every statement, so it avoids needless
 * allocation: children are read by label, without filtering copies.
 */
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type * as A from './ast.js';
import type { Direction, StatusValue } from './keywords.js';
import { parseDateText } from './dates.js';
import { locationRange, spanRanges, tokenRange } from './positions.js';
import { unquote } from './strings.js';

export interface BuildProblem {
  readonly message: string;
  readonly range: A.Range;
}

type Children = Record<string, CstElement[] | undefined>;

/** Rule names of statements, so children of a block can be told from its braces. */
const STATEMENT_RULES: ReadonlySet<string> = new Set([
  'strategyDecl', 'frameworkStmt', 'priorityDecl', 'sectionDecl', 'aimDecl', 'nationalAimRef', 'commitmentDecl', 'actionDecl',
  'measureDecl', 'targetStmt', 'outcomeDecl', 'narrativeDecl', 'noteStmt', 'ownerStmt', 'timingStmt', 'supportsStmt',
  'coverageStmt', 'areaStmt', 'visionStmt', 'periodStmt', 'statusStmt', 'partnersDecl', 'glossaryDecl', 'paragraph',
]);

function usable(t: IToken): boolean {
  return t.isInsertedInRecovery !== true && !Number.isNaN(t.startOffset);
}

/** The first usable token under `label`. */
function tok(ch: Children, label: string): IToken | undefined {
  const list = ch[label];
  if (!list) return undefined;
  for (const e of list) if (usable(e as IToken)) return e as IToken;
  return undefined;
}

function allTokens(ch: Children, label: string): IToken[] {
  const list = ch[label];
  if (!list) return [];
  const out: IToken[] = [];
  for (const e of list) if (usable(e as IToken)) out.push(e as IToken);
  return out;
}

function node(ch: Children, label: string): CstNode | undefined {
  return ch[label]?.[0] as CstNode | undefined;
}

function startOf(n: CstNode): number {
  const s = n.location?.startOffset;
  return s === undefined || Number.isNaN(s) ? Number.MAX_SAFE_INTEGER : s;
}

/** A run of tokens that cannot start a statement, where one should stand. */
export interface StrayPiece {
  readonly token: IToken;
  readonly inBlock: boolean;
}

export class AstBuilder {
  readonly problems: BuildProblem[] = [];
  /** Stray pieces in source order of discovery (the parser reports them as syntax problems). */
  readonly strays: StrayPiece[] = [];

  constructor(private readonly documentEnd: A.Position) {}

  private rangeOf(n: CstNode, fallback?: IToken): A.Range {
    const loc = n.location;
    if (loc && !Number.isNaN(loc.startOffset) && loc.endOffset !== undefined && !Number.isNaN(loc.endOffset)) return locationRange(loc);
    return fallback ? tokenRange(fallback) : { start: this.documentEnd, end: this.documentEnd };
  }

  private text(t: IToken | undefined): A.Text | undefined {
    return t ? { value: unquote(t.image), range: tokenRange(t) } : undefined;
  }

  private identifier(t: IToken | undefined): A.Identifier | undefined {
    return t ? { value: t.image, range: tokenRange(t) } : undefined;
  }

  private indicator(t: IToken | undefined): A.IndicatorRef | undefined {
    if (!t) return undefined;
    const digits = /\d+/.exec(t.image)?.[0] ?? '0';
    return { code: Number(digits), text: t.image, range: tokenRange(t) };
  }

  private date(n: CstNode | undefined): A.DateValue | undefined {
    if (!n) return undefined;
    const ch = n.children;
    const literal = tok(ch, 'DateLiteral');
    let text: string;
    let range: A.Range;
    if (literal) {
      text = literal.image;
      range = tokenRange(literal);
    } else {
      const numbers = allTokens(ch, 'NumberLiteral');
      if (numbers.length === 0) return undefined;
      const slash = tok(ch, 'Slash');
      text = numbers.length === 2 && slash ? `${numbers[0]!.image}/${numbers[1]!.image}` : numbers[0]!.image;
      range = numbers.length === 2 ? spanRanges(tokenRange(numbers[0]!), tokenRange(numbers[1]!)) : tokenRange(numbers[0]!);
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
    const range = percent ? spanRanges(tokenRange(main), tokenRange(percent)) : tokenRange(main);
    const text = percent ? `${main.image}%` : main.image;
    return main.tokenType.name === 'NumberLiteral'
      ? { text, range, number: Number(main.image), percent: percent !== undefined }
      : { text, range, placeholder: main.image, percent: percent !== undefined };
  }

  /** From the keyword to the end of `last` (the id, usually). */
  private keywordRange(keyword: IToken | undefined, last: IToken | undefined, fallback: A.Range): A.Range {
    if (!keyword) return fallback;
    return last ? spanRanges(tokenRange(keyword), tokenRange(last)) : tokenRange(keyword);
  }

  private block(ch: Children): { items: A.Statement[]; hasBlock: boolean } {
    const b = node(ch, 'block');
    return b ? { items: this.statements(b.children, true), hasBlock: true } : NO_BLOCK;
  }

  /** The statements among `ch`, in source order (the CST groups them by rule). */
  statements(ch: Children, inBlock = false): A.Statement[] {
    const strayRuns = ch['strayRun'] as CstNode[] | undefined;
    if (strayRuns) {
      for (const run of strayRuns) {
        const first = run.children['stray']?.[0] as IToken | undefined;
        if (first && usable(first)) this.strays.push({ token: first, inBlock });
      }
    }
    const strayCloses = ch['strayClose'] as IToken[] | undefined;
    if (strayCloses) for (const t of strayCloses) if (usable(t)) this.strays.push({ token: t, inBlock });
    const found: CstNode[] = [];
    for (const key in ch) {
      if (!STATEMENT_RULES.has(key)) continue;
      for (const e of ch[key]!) found.push(e as CstNode);
    }
    if (found.length > 1) found.sort((a, b) => startOf(a) - startOf(b));
    const out: A.Statement[] = [];
    for (const n of found) {
      const built = this.statement(n);
      if (built) out.push(built);
    }
    return out;
  }

  private statement(n: CstNode): A.Statement | undefined {
    const ch = n.children;
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
        return {
          kind,
          range,
          keywordRange: this.keywordRange(keyword, idToken, range),
          id: this.identifier(idToken),
          title: this.text(tok(ch, 'title')),
          ...this.block(ch),
        };
      }
      case 'frameworkStmt': {
        const ids = allTokens(ch, 'id');
        const title = this.text(tok(ch, 'title'));
        const { items, hasBlock } = this.block(ch);
        const keywordRange = this.keywordRange(keyword, ids[0], range);
        if (!title && !hasBlock) return { kind: 'frameworkRef', range, keywordRange, refs: ids.map((t) => this.identifier(t)!) };
        return { kind: 'framework', range, keywordRange, id: this.identifier(ids[0]), title, items, hasBlock };
      }
      case 'sectionDecl':
      case 'outcomeDecl':
      case 'narrativeDecl':
        return {
          kind: CONTAINER_KIND[n.name] as 'section' | 'outcome' | 'narrative',
          range,
          keywordRange: this.keywordRange(keyword, undefined, range),
          title: this.text(tok(ch, 'title')),
          ...this.block(ch),
        };
      case 'measureDecl': {
        const indicatorToken = tok(ch, 'indicator');
        return {
          kind: 'measure',
          range,
          keywordRange: this.keywordRange(keyword, indicatorToken, range),
          indicator: this.indicator(indicatorToken),
          title: this.text(tok(ch, 'title')),
          ...this.block(ch),
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
          direction: direction ? { value: direction.image as Direction, range: tokenRange(direction) } : undefined,
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
        const names: A.OwnerName[] = [];
        for (const t of allTokens(ch, 'name')) {
          const quoted = t.tokenType.name !== 'Name';
          names.push({ value: quoted ? unquote(t.image) : t.image, quoted, range: tokenRange(t) });
        }
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
        const dates = ch['date'] as CstNode[] | undefined;
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
          valueRange: value ? tokenRange(value) : undefined,
        };
      }
      case 'partnersDecl':
        return {
          kind: 'partners',
          range,
          keywordRange: this.keywordRange(keyword, undefined, range),
          title: this.text(tok(ch, 'title')),
          entries: ((ch['partnerEntry'] ?? []) as CstNode[]).flatMap((e) => {
            const name = this.text(tok(e.children, 'name'));
            return name ? [{ range: this.rangeOf(e), name, role: this.text(tok(e.children, 'role')) }] : [];
          }),
        };
      case 'glossaryDecl':
        return {
          kind: 'glossary',
          range,
          keywordRange: this.keywordRange(keyword, undefined, range),
          title: this.text(tok(ch, 'title')),
          entries: ((ch['glossaryEntry'] ?? []) as CstNode[]).flatMap((e) => {
            const term = tok(e.children, 'term');
            if (!term) return [];
            const quoted = term.tokenType.name === 'StringLiteral' || term.tokenType.name === 'CurlyString' || term.tokenType.name === 'UnterminatedString';
            return [
              {
                range: this.rangeOf(e),
                term: { value: quoted ? unquote(term.image) : term.image, quoted, range: tokenRange(term) },
                meaning: this.text(tok(e.children, 'meaning')),
              },
            ];
          }),
        };
      default:
        return undefined;
    }
  }

  private timing(ch: Children, range: A.Range, keyword: IToken | undefined): A.TimingStmt {
    const keywordRange = this.keywordRange(keyword, undefined, range);
    const words = this.text(tok(ch, 'words'));
    const specNode = node(ch, 'timingSpec');
    if (!specNode) return { kind: 'timing', range, keywordRange, words };
    const sc = specNode.children;
    const dateNodes = (sc['date'] ?? []) as CstNode[];
    const first = this.date(dateNodes[0]);
    const second = this.date(dateNodes[1]);
    let spec: A.TimingSpec | undefined;
    if (sc['Kw_ongoing']) spec = { type: 'ongoing', start: first };
    else if (sc['Kw_by']) spec = first ? { type: 'by', end: first } : undefined;
    else if (first && second) spec = { type: 'between', start: first, end: second };
    else if (sc['Kw_from']) spec = first ? { type: 'from', start: first } : undefined;
    else spec = first ? { type: 'on', date: first } : undefined;
    return { kind: 'timing', range, keywordRange, spec, words };
  }
}

/** Shared by every statement written without a block; never mutated. */
const NO_BLOCK: { items: A.Statement[]; hasBlock: boolean } = Object.freeze({ items: Object.freeze([]) as unknown as A.Statement[], hasBlock: false });

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
