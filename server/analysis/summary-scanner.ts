/**
 * The summary of a file from its tokens alone, for indexing files nobody has
 * open. Every statement of the language starts with a keyword and every
 * block is braced, so declarations and references can be read off the token
 * stream without building a tree: this is several times faster than `parse`
 * (the lexer is most of its cost), which is what lets a workspace of a
 * thousand files be indexed in a second or two.
 *
 * It must agree with `summariseDocument` on every well-formed file (a test
 * holds the two to it on the fixtures and seeds); on broken files either may
 * differ, and the tree wins as soon as the file is opened.
 */
import type { IToken } from 'chevrotain';
import { LineIndex, unquote } from '../../grammar/index.js';
import { TokenPositions } from '../../grammar/positions.js';
import { lexOffsets } from '../../grammar/lexer.js';
import { SummaryBuilder, type CompactRange, type DocumentSummary, type FrameworkName, type ReferenceTarget, type ReferenceVia, type SummarySymbolKind } from './document-summary.js';

const STRING_TYPES: ReadonlySet<string> = new Set(['StringLiteral', 'UnterminatedString', 'CurlyString']);
const ID_TYPES: ReadonlySet<string> = new Set(['Name', 'NumberLiteral']);
const DIRECTION_TYPES: ReadonlySet<string> = new Set(['Kw_increase', 'Kw_reduce', 'Kw_maintain']);
const QUANTITY_TYPES: ReadonlySet<string> = new Set(['NumberLiteral', 'Placeholder', 'Tbc']);


interface Frame {
  /** Index of the declaration that opened the block, or -1 for other blocks (measure, outcome, glossary…). */
  readonly symbol: number;
  readonly isHeader: boolean;
}

export function scanSummary(key: string, text: string): DocumentSummary {
  // The parse's lexer (the hand-written scanner, offsets only): lines and columns are found only for what is recorded.
  const lines = new LineIndex(text);
  const positions = new TokenPositions(lines);
  const tokens = lexOffsets(text, lines, positions).tokens;
  const rangeOf = (t: IToken): CompactRange => {
    const r = positions.tokenRange(t);
    return { startLine: r.start.line, startCharacter: r.start.character, endLine: r.end.line, endCharacter: r.end.character };
  };
  const builder = new SummaryBuilder();
  const frameworkRefs: FrameworkName[] = [];
  const stack: Frame[] = [];
  let kind: DocumentSummary['kind'];
  let frameworkId: string | undefined;
  let headerSeen = false;

  const type = (i: number): string | undefined => tokens[i]?.tokenType.name;
  const enclosingSymbol = (): number => {
    for (let f = stack.length - 1; f >= 0; f--) if (stack[f]!.symbol >= 0) return stack[f]!.symbol;
    return -1;
  };
  const inHeaderBlock = (): boolean => stack.length === 1 && stack[0]!.isHeader;

  /**
   * Reads `KEYWORD [ID] ["Title"] [{]` from `i` and records the declaration.
   * Returns the index after what it consumed.
   */
  const declaration = (i: number, symbolKind: SummarySymbolKind, idTypes: ReadonlySet<string> | undefined): number => {
    const keyword = tokens[i]!;
    let j = i + 1;
    const id = idTypes && idTypes.has(type(j) ?? '') ? tokens[j++] : undefined;
    const title = STRING_TYPES.has(type(j) ?? '') ? tokens[j++] : undefined;
    const last = tokens[j - 1]!;
    const isHeader = (symbolKind === 'strategy' || symbolKind === 'framework') && stack.length === 0 && !headerSeen;
    if (isHeader) {
      headerSeen = true;
      kind = symbolKind;
      if (symbolKind === 'framework' && id) frameworkId = id.image;
    }
    const selected = rangeOf(id ?? title ?? keyword);
    const from = rangeOf(keyword);
    const to = rangeOf(last);
    const index = builder.addSymbol(
      symbolKind,
      id?.image,
      title ? unquote(title.image) : undefined,
      [from.startLine, from.startCharacter, to.endLine, to.endCharacter],
      [selected.startLine, selected.startCharacter, selected.endCharacter],
      enclosingSymbol(),
    );
    if (type(j) === 'LCurly') {
      stack.push({ symbol: index, isHeader });
      j++;
    }
    return j;
  };

  /** `ID (, ID)*` from `i`, as references. */
  const idList = (i: number, idTypes: ReadonlySet<string>, add: (t: IToken) => void): number => {
    let j = i;
    if (!idTypes.has(type(j) ?? '')) return j;
    add(tokens[j++]!);
    while (type(j) === 'Comma' && idTypes.has(type(j + 1) ?? '')) {
      add(tokens[j + 1]!);
      j += 2;
    }
    return j;
  };

  const reference = (target: ReferenceTarget, via: ReferenceVia, t: IToken, value = t.image): void => {
    const r = rangeOf(t);
    builder.addReference(target, value, r.startLine, r.startCharacter, r.endCharacter, via, enclosingSymbol());
  };

  const indicatorValue = (t: IToken): string => String(Number(/\d+/.exec(t.image)?.[0] ?? '0'));

  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    switch (t.tokenType.name) {
      case 'LCurly':
        stack.push({ symbol: -1, isHeader: false });
        i++;
        break;
      case 'RCurly': {
        const frame = stack.pop();
        if (frame && frame.symbol >= 0) {
          const r = rangeOf(t);
          builder.endSymbolAt(frame.symbol, r.endLine, r.endCharacter);
        }
        i++;
        break;
      }
      case 'Kw_strategy':
        i = declaration(i, 'strategy', ID_TYPES);
        break;
      case 'Kw_priority':
        i = declaration(i, 'priority', ID_TYPES);
        break;
      case 'Kw_aim':
        i = declaration(i, 'aim', ID_TYPES);
        break;
      case 'Kw_commitment':
        i = declaration(i, 'commitment', ID_TYPES);
        break;
      case 'Kw_section':
        i = declaration(i, 'section', undefined);
        break;
      case 'Kw_action':
        i = declaration(i, 'action', new Set(['NumberLiteral']));
        break;
      case 'Kw_framework': {
        // `framework ID "Title" { … }` declares a framework; `framework ID, ID` names them.
        const ids: IToken[] = [];
        const after = idList(i + 1, ID_TYPES, (id) => ids.push(id));
        const declares = STRING_TYPES.has(type(after) ?? '') || type(after) === 'LCurly';
        if (declares) {
          i = declaration(i, 'framework', ID_TYPES);
          // Skip names after the first (`framework a, b "T"` is malformed, but its tree keeps one id too).
          break;
        }
        if (inHeaderBlock()) for (const id of ids) frameworkRefs.push({ value: id.image, range: rangeOf(id) });
        i = Math.max(after, i + 1);
        break;
      }
      case 'Kw_national': {
        let j = i + 1;
        if (type(j) === 'Kw_aim') {
          j++;
          if (ID_TYPES.has(type(j) ?? '')) reference('aim', 'nationalAim', tokens[j++]!);
        }
        i = j;
        break;
      }
      case 'Kw_supports': {
        const what = type(i + 1);
        if (what === 'Kw_action') i = idList(i + 2, new Set(['NumberLiteral']), (n) => reference('action', 'supports', n));
        else if (what === 'Kw_aim') i = idList(i + 2, ID_TYPES, (n) => reference('aim', 'supports', n));
        else i++;
        break;
      }
      case 'Kw_measure':
        if (type(i + 1) === 'IndicatorCode') {
          reference('indicator', 'measure', tokens[i + 1]!, indicatorValue(tokens[i + 1]!));
          i += 2;
        } else i++;
        break;
      case 'Kw_target': {
        // target [direction] [quantity[%]] [NI n] …
        let j = i + 1;
        if (DIRECTION_TYPES.has(type(j) ?? '')) j++;
        if (QUANTITY_TYPES.has(type(j) ?? '')) {
          j++;
          if (type(j) === 'Percent') j++;
        }
        if (type(j) === 'IndicatorCode') reference('indicator', 'target', tokens[j]!, indicatorValue(tokens[j]!));
        i = j;
        break;
      }
      default:
        i++;
    }
  }
  return builder.build(key, kind, frameworkId, frameworkRefs);
}
