/**
 * Builds the typed tree from Chevrotain's CST. Tolerant by design: after
 * error recovery any piece may be missing, and whatever did parse is kept.
 * Value errors a grammar cannot see (a month 13, a 2-digit year) are
 * reported here with the range of the offending text.
 */
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type * as A from './ast.js';
import { DIRECTIONS, STATUS_VALUES, type Direction, type StatusValue } from './keywords.js';
import { parseDateText } from './dates.js';
import { locationRange, spanRanges, tokenRange } from './positions.js';
import { unquote } from './strings.js';

export interface BuildProblem {
  readonly message: string;
  readonly range: A.Range;
}

type Children = Record<string, CstElement[] | undefined>;

function isToken(e: CstElement): e is IToken {
  return (e as IToken).image !== undefined;
}

function usable(t: IToken): boolean {
  return !t.isInsertedInRecovery && !Number.isNaN(t.startOffset);
}

function tokens(ch: Children, name: string): IToken[] {
  return (ch[name] ?? []).filter((e): e is IToken => isToken(e) && usable(e));
}

function tok(ch: Children, name: string): IToken | undefined {
  return tokens(ch, name)[0];
}

function nodes(ch: Children, name: string): CstNode[] {
  return (ch[name] ?? []).filter((e): e is CstNode => !isToken(e));
}

function node(ch: Children, name: string): CstNode | undefined {
  return nodes(ch, name)[0];
}

function firstTokenOf(n: CstNode): IToken | undefined {
  let best: IToken | undefined;
  for (const list of Object.values(n.children)) {
    for (const e of list ?? []) {
      const t = isToken(e) ? (usable(e) ? e : undefined) : firstTokenOf(e);
      if (t && (!best || t.startOffset < best.startOffset)) best = t;
    }
  }
  return best;
}

export class AstBuilder {
  readonly problems: BuildProblem[] = [];

  constructor(private readonly documentEnd: A.Position) {}

  private rangeOf(n: CstNode): A.Range {
    const loc = n.location;
    if (loc && !Number.isNaN(loc.startOffset) && loc.endOffset !== undefined && !Number.isNaN(loc.endOffset)) {
      return locationRange(loc);
    }
    const first = firstTokenOf(n);
    return first ? tokenRange(first) : { start: this.documentEnd, end: this.documentEnd };
  }

  private text(t: IToken | undefined): A.Text | undefined {
    return t ? { value: unquote(t.image), range: tokenRange(t) } : undefined;
  }

  private identifier(n: CstNode | undefined): A.Identifier | undefined {
    if (!n) return undefined;
    const t = tok(n.children, 'Name') ?? tok(n.children, 'NumberLiteral');
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
    const all = [...tokens(ch, 'DateLiteral'), ...tokens(ch, 'NumberLiteral'), ...tokens(ch, 'Slash')].sort((a, b) => a.startOffset - b.startOffset);
    if (all.length === 0) return undefined;
    const text = all.map((t) => t.image).join('');
    const range = spanRanges(tokenRange(all[0]!), tokenRange(all[all.length - 1]!));
    const parsed = parseDateText(text);
    if (!parsed.ok) {
      this.problems.push({ message: parsed.message, range });
      return undefined;
    }
    return { text, range, ...parsed.span };
  }

  private quantity(n: CstNode | undefined): A.Quantity | undefined {
    if (!n) return undefined;
    const ch = n.children;
    const num = tok(ch, 'NumberLiteral');
    const placeholder = tok(ch, 'Placeholder') ?? tok(ch, 'Tbc');
    const percent = tok(ch, 'Percent');
    const main = num ?? placeholder;
    if (!main) return undefined;
    const range = percent ? spanRanges(tokenRange(main), tokenRange(percent)) : tokenRange(main);
    const text = main.image + (percent ? '%' : '');
    return num
      ? { text, range, number: Number(num.image), percent: Boolean(percent) }
      : { text, range, placeholder: main.image, percent: Boolean(percent) };
  }

  private keywordRange(first: IToken | undefined, last: IToken | A.Identifier | undefined, fallback: A.Range): A.Range {
    if (!first) return fallback;
    const start = tokenRange(first);
    if (!last) return start;
    const end = 'image' in last ? tokenRange(last) : last.range;
    return spanRanges(start, end);
  }

  private block(ch: Children): { items: A.Statement[]; hasBlock: boolean } {
    const b = node(ch, 'block');
    if (!b) return { items: [], hasBlock: false };
    return { items: this.statements(b.children), hasBlock: true };
  }

  statements(ch: Children): A.Statement[] {
    const out: A.Statement[] = [];
    for (const s of nodes(ch, 'statement')) {
      const inner = Object.values(s.children)
        .flat()
        .find((e): e is CstNode => e !== undefined && !isToken(e));
      if (!inner) continue;
      const built = this.statement(inner);
      if (built) out.push(built);
    }
    return out;
  }

  private statement(n: CstNode): A.Statement | undefined {
    const ch = n.children;
    const range = this.rangeOf(n);
    switch (n.name) {
      case 'strategyDecl':
      case 'priorityDecl':
      case 'aimDecl':
      case 'commitmentDecl': {
        const kwName = { strategyDecl: 'Kw_strategy', priorityDecl: 'Kw_priority', aimDecl: 'Kw_aim', commitmentDecl: 'Kw_commitment' }[n.name];
        const kind = { strategyDecl: 'strategy', priorityDecl: 'priority', aimDecl: 'aim', commitmentDecl: 'commitment' }[n.name] as
          | 'strategy'
          | 'priority'
          | 'aim'
          | 'commitment';
        const id = this.identifier(node(ch, 'id'));
        return {
          kind,
          range,
          keywordRange: this.keywordRange(tok(ch, kwName), id, range),
          id,
          title: this.text(tok(ch, 'StringLiteral')),
          ...this.block(ch),
        };
      }
      case 'frameworkStmt': {
        const ids = nodes(ch, 'id')
          .map((i) => this.identifier(i))
          .filter((i): i is A.Identifier => i !== undefined);
        const title = this.text(tok(ch, 'StringLiteral'));
        const { items, hasBlock } = this.block(ch);
        const keywordRange = this.keywordRange(tok(ch, 'Kw_framework'), ids[0], range);
        if (!title && !hasBlock) return { kind: 'frameworkRef', range, keywordRange, refs: ids };
        return { kind: 'framework', range, keywordRange, id: ids[0], title, items, hasBlock };
      }
      case 'sectionDecl':
      case 'outcomeDecl':
      case 'narrativeDecl': {
        const kind = { sectionDecl: 'section', outcomeDecl: 'outcome', narrativeDecl: 'narrative' }[n.name] as 'section' | 'outcome' | 'narrative';
        return {
          kind,
          range,
          keywordRange: this.keywordRange(tok(ch, `Kw_${kind}`), undefined, range),
          title: this.text(tok(ch, 'StringLiteral')),
          ...this.block(ch),
        };
      }
      case 'actionDecl': {
        const num = tok(ch, 'NumberLiteral');
        const id = num ? { value: num.image, range: tokenRange(num) } : undefined;
        return {
          kind: 'action',
          range,
          keywordRange: this.keywordRange(tok(ch, 'Kw_action'), id, range),
          id,
          title: this.text(tok(ch, 'StringLiteral')),
          ...this.block(ch),
        };
      }
      case 'measureDecl': {
        const indicator = this.indicator(tok(ch, 'IndicatorCode'));
        const kw = tok(ch, 'Kw_measure');
        return {
          kind: 'measure',
          range,
          keywordRange: indicator && kw ? spanRanges(tokenRange(kw), indicator.range) : this.keywordRange(kw, undefined, range),
          indicator,
          title: this.text(tok(ch, 'StringLiteral')),
          ...this.block(ch),
        };
      }
      case 'nationalAimRef': {
        const id = this.identifier(node(ch, 'id'));
        return {
          kind: 'nationalAim',
          range,
          keywordRange: this.keywordRange(tok(ch, 'Kw_national'), tok(ch, 'Kw_aim'), range),
          id,
          title: this.text(tok(ch, 'StringLiteral')),
        };
      }
      case 'targetStmt':
        return this.target(ch, range);
      case 'timingStmt':
        return this.timing(ch, range);
      case 'ownerStmt': {
        const names: A.OwnerName[] = [];
        for (const o of nodes(ch, 'ownerName')) {
          const s = tok(o.children, 'StringLiteral');
          const nm = tok(o.children, 'Name');
          if (s) names.push({ value: unquote(s.image), quoted: true, range: tokenRange(s) });
          else if (nm) names.push({ value: nm.image, quoted: false, range: tokenRange(nm) });
        }
        return { kind: 'owner', range, keywordRange: this.keywordRange(tok(ch, 'Kw_owner'), undefined, range), names };
      }
      case 'supportsStmt': {
        const isAction = tok(ch, 'Kw_action') !== undefined;
        const refs: A.Identifier[] = isAction
          ? tokens(ch, 'NumberLiteral').map((t) => ({ value: t.image, range: tokenRange(t) }))
          : nodes(ch, 'id')
              .map((i) => this.identifier(i))
              .filter((i): i is A.Identifier => i !== undefined);
        return {
          kind: 'supports',
          range,
          keywordRange: this.keywordRange(tok(ch, 'Kw_supports'), tok(ch, isAction ? 'Kw_action' : 'Kw_aim'), range),
          target: isAction ? 'action' : 'aim',
          refs,
        };
      }
      case 'noteStmt':
      case 'coverageStmt':
      case 'areaStmt':
      case 'visionStmt': {
        const kind = { noteStmt: 'note', coverageStmt: 'coverage', areaStmt: 'area', visionStmt: 'vision' }[n.name] as 'note' | 'coverage' | 'area' | 'vision';
        return { kind, range, keywordRange: this.keywordRange(tok(ch, `Kw_${kind}`), undefined, range), text: this.text(tok(ch, 'StringLiteral')) };
      }
      case 'paragraph': {
        const text = this.text(tok(ch, 'StringLiteral'));
        return text ? { kind: 'paragraph', range, keywordRange: text.range, text } : undefined;
      }
      case 'periodStmt': {
        const dates = nodes(ch, 'date');
        return {
          kind: 'period',
          range,
          keywordRange: this.keywordRange(tok(ch, 'Kw_period'), undefined, range),
          start: this.date(dates[0]),
          end: this.date(dates[1]),
        };
      }
      case 'statusStmt': {
        const valueToken = STATUS_VALUES.map((v) => tok(ch, `Kw_${v}`)).find((t) => t !== undefined);
        return {
          kind: 'status',
          range,
          keywordRange: this.keywordRange(tok(ch, 'Kw_status'), undefined, range),
          value: valueToken?.image as StatusValue | undefined,
          valueRange: valueToken ? tokenRange(valueToken) : undefined,
        };
      }
      case 'partnersDecl':
        return {
          kind: 'partners',
          range,
          keywordRange: this.keywordRange(tok(ch, 'Kw_partners'), undefined, range),
          title: this.text(tok(ch, 'StringLiteral')),
          entries: nodes(ch, 'partnerEntry').flatMap((e) => {
            const [name, role] = tokens(e.children, 'StringLiteral');
            return name ? [{ range: this.rangeOf(e), name: this.text(name)!, role: this.text(role) }] : [];
          }),
        };
      case 'glossaryDecl':
        return {
          kind: 'glossary',
          range,
          keywordRange: this.keywordRange(tok(ch, 'Kw_glossary'), undefined, range),
          title: this.text(tok(ch, 'StringLiteral')),
          entries: nodes(ch, 'glossaryEntry').flatMap((e) => this.glossaryEntry(e)),
        };
      default:
        return undefined;
    }
  }

  private glossaryEntry(e: CstNode): A.GlossaryEntry[] {
    const ch = e.children;
    const strings = tokens(ch, 'StringLiteral');
    const bare = tok(ch, 'Name') ?? tok(ch, 'Placeholder') ?? tok(ch, 'Tbc');
    let term: A.OwnerName | undefined;
    let meaningToken: IToken | undefined;
    if (bare) {
      term = { value: bare.image, quoted: false, range: tokenRange(bare) };
      meaningToken = strings[0];
    } else if (strings[0]) {
      term = { value: unquote(strings[0].image), quoted: true, range: tokenRange(strings[0]) };
      meaningToken = strings[1];
    }
    return term ? [{ range: this.rangeOf(e), term, meaning: this.text(meaningToken) }] : [];
  }

  private target(ch: Children, range: A.Range): A.TargetStmt {
    const fromToken = tok(ch, 'Kw_from');
    const quantities = nodes(ch, 'quantity');
    const isBaseline = (q: CstNode): boolean => fromToken !== undefined && (firstTokenOf(q)?.startOffset ?? -1) > fromToken.startOffset;
    const directionNode = node(ch, 'direction');
    const directionToken = directionNode ? DIRECTIONS.map((d) => tok(directionNode.children, `Kw_${d}`)).find((t) => t !== undefined) : undefined;
    return {
      kind: 'target',
      range,
      keywordRange: this.keywordRange(tok(ch, 'Kw_target'), undefined, range),
      direction: directionToken ? { value: directionToken.image as Direction, range: tokenRange(directionToken) } : undefined,
      value: this.quantity(quantities.find((q) => !isBaseline(q))),
      indicator: this.indicator(tok(ch, 'IndicatorCode')),
      baseline: this.quantity(quantities.find(isBaseline)),
      deadline: this.date(node(ch, 'date')),
      words: this.text(tok(ch, 'StringLiteral')),
    };
  }

  private timing(ch: Children, range: A.Range): A.TimingStmt {
    const keywordRange = this.keywordRange(tok(ch, 'Kw_timing'), undefined, range);
    const words = this.text(tok(ch, 'StringLiteral'));
    const specNode = node(ch, 'timingSpec');
    if (!specNode) return { kind: 'timing', range, keywordRange, words };
    const sc = specNode.children;
    const dates = nodes(sc, 'date').map((d) => this.date(d));
    let spec: A.TimingSpec | undefined;
    if (tok(sc, 'Kw_ongoing')) spec = { type: 'ongoing', start: dates[0] };
    else if (tok(sc, 'Kw_by')) spec = dates[0] ? { type: 'by', end: dates[0] } : undefined;
    else if (dates[0] && dates[1]) spec = { type: 'between', start: dates[0], end: dates[1] };
    else if (tok(sc, 'Kw_from')) spec = dates[0] ? { type: 'from', start: dates[0] } : undefined;
    else spec = dates[0] ? { type: 'on', date: dates[0] } : undefined;
    return { kind: 'timing', range, keywordRange, spec, words };
  }
}
