/**
 * Semantic tokens: the language's own lexer says what each token is, and the
 * tree says what each id means (a priority's id, a reference to national
 * action 40, an acronym). Only standard token types are used, so any client
 * can colour them. In VS Code the extension maps each type to the TextMate
 * scope below (`contributes.semanticTokenScopes`) — VS Code's own defaults
 * differ (`keyword` → `keyword.control`) — and its TextMate grammar uses the
 * same scopes, so colours do not jump when semantic tokens arrive:
 *
 * | what                                         | token type (modifiers)        | TextMate scope                      |
 * |----------------------------------------------|-------------------------------|-------------------------------------|
 * | keywords (`priority`, `owner`, `to`, `by`)   | keyword                       | keyword.other.strategy              |
 * | fixed values (`draft`, `reduce`, `ongoing`) | enumMember                    | constant.language.strategy          |
 * | quoted text                                  | string                        | string.quoted.double.strategy       |
 * | comments                                     | comment                       | comment.line.double-slash.strategy  |
 * | numbers, dates, `%`                          | number                        | constant.numeric.strategy           |
 * | `NI 40`                                      | enumMember (defaultLibrary)   | support.constant.indicator.strategy |
 * | placeholders `X`, `XX`, `tbc`                | macro                         | invalid.deprecated.placeholder.strategy |
 * | framework / strategy id, `framework drugs-2008` | namespace (declaration)    | entity.name.namespace.strategy      |
 * | priority and section ids                     | namespace (declaration)       | entity.name.namespace.strategy      |
 * | aim codes, `national aim PC.1`, `supports aim` | class (declaration)         | entity.name.type.aim.strategy       |
 * | commitment ids                               | function (declaration)        | entity.name.function.strategy       |
 * | action numbers, `supports action 40`         | method (declaration)          | entity.name.function.action.strategy |
 * | acronyms: bare owners, glossary terms        | type (declaration)            | entity.name.type.acronym.strategy   |
 *
 * "(declaration)" is set where the id is declared, not where it is referred to.
 */
import type { IToken } from 'chevrotain';
import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensDelta, type SemanticTokensLegend, type Range as LspRange } from 'vscode-languageserver';
import { keywordInfo, type Statement } from '../../grammar/index.js';
import { lex } from '../../grammar/lexer.js';
import type { AnalysedDocument } from '../analysis/document-model.js';
import { walkStatements } from '../analysis/walk.js';
import type { IndicatorCatalogue } from '../catalogue/indicator-catalogue.js';

export const TOKEN_TYPES = ['keyword', 'enumMember', 'string', 'comment', 'number', 'macro', 'namespace', 'class', 'function', 'method', 'type', 'variable'] as const;
export const TOKEN_MODIFIERS = ['declaration', 'defaultLibrary'] as const;
type TokenType = (typeof TOKEN_TYPES)[number];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

const typeIndex = (t: TokenType): number => TOKEN_TYPES.indexOf(t);
const DECLARATION = 1 << 0;
const DEFAULT_LIBRARY = 1 << 1;

interface Classified {
  readonly line: number;
  readonly character: number;
  readonly length: number;
  readonly type: number;
  readonly modifiers: number;
}

/** What the tree says about the ids and names at given offsets. */
function meanings(doc: AnalysedDocument): Map<number, [TokenType, number]> {
  const out = new Map<number, [TokenType, number]>();
  const put = (offset: number, type: TokenType, modifiers = 0): void => void out.set(offset, [type, modifiers]);
  const declared: Partial<Record<Statement['kind'], TokenType>> = {
    strategy: 'namespace',
    framework: 'namespace',
    priority: 'namespace',
    aim: 'class',
    commitment: 'function',
    action: 'method',
  };
  walkStatements(doc.parsed.document, (s) => {
    const type = declared[s.kind];
    if (type && 'id' in s && s.id) put(s.id.range.start.offset, type, DECLARATION);
    switch (s.kind) {
      case 'frameworkRef':
        for (const r of s.refs) put(r.range.start.offset, 'namespace');
        break;
      case 'supports':
        for (const r of s.refs) put(r.range.start.offset, s.target === 'action' ? 'method' : 'class');
        break;
      case 'nationalAim':
        if (s.id) put(s.id.range.start.offset, 'class');
        break;
      case 'owner':
        for (const n of s.names) if (!n.quoted) put(n.range.start.offset, 'type');
        break;
      case 'glossary':
        for (const e of s.entries) if (!e.term.quoted) put(e.term.range.start.offset, 'type', DECLARATION);
        break;
      default:
        break;
    }
  });
  return out;
}

function classifyToken(t: IToken, meaning: [TokenType, number] | undefined, catalogue: IndicatorCatalogue): [TokenType, number] | undefined {
  if (meaning) return meaning;
  const name = t.tokenType.name;
  if (name.startsWith('Kw_')) return [keywordInfo(t.image)?.role === 'value' ? 'enumMember' : 'keyword', 0];
  switch (name) {
    case 'StringLiteral':
    case 'UnterminatedString':
    case 'CurlyString':
      return ['string', 0];
    case 'IndicatorCode': {
      const code = Number(/\d+/.exec(t.image)?.[0] ?? '0');
      return ['enumMember', catalogue.has(code) ? DEFAULT_LIBRARY : 0];
    }
    case 'DateLiteral':
    case 'NumberLiteral':
    case 'Percent':
      return ['number', 0];
    case 'Placeholder':
    case 'Tbc':
      return ['macro', 0];
    case 'Name':
      return ['variable', 0];
    default:
      return undefined;
  }
}

export function classify(doc: AnalysedDocument, catalogue: IndicatorCatalogue): Classified[] {
  const { tokens, comments } = lex(doc.text, doc.parsed.lines);
  const known = meanings(doc);
  const out: Classified[] = [];
  let c = 0;
  const pushComment = (): void => {
    const comment = comments[c++]!;
    out.push({ line: comment.range.start.line, character: comment.range.start.character, length: comment.range.end.offset - comment.range.start.offset, type: typeIndex('comment'), modifiers: 0 });
  };
  for (const t of tokens) {
    while (c < comments.length && comments[c]!.range.start.offset < t.startOffset) pushComment();
    const k = classifyToken(t, known.get(t.startOffset), catalogue);
    if (!k) continue;
    out.push({ line: t.startLine! - 1, character: t.startColumn! - 1, length: t.endOffset! + 1 - t.startOffset, type: typeIndex(k[0]), modifiers: k[1] });
  }
  while (c < comments.length) pushComment();
  return out;
}

/** Keeps each document's last result, so an edit can be answered with a delta. */
export class SemanticTokensProvider {
  private readonly builders = new Map<string, SemanticTokensBuilder>();

  private build(uri: string, tokens: readonly Classified[], range?: LspRange): SemanticTokensBuilder {
    const builder = new SemanticTokensBuilder();
    for (const t of tokens) {
      if (range && (t.line < range.start.line || t.line > range.end.line)) continue;
      builder.push(t.line, t.character, t.length, t.type, t.modifiers);
    }
    if (!range) this.builders.set(uri, builder);
    return builder;
  }

  full(uri: string, doc: AnalysedDocument, catalogue: IndicatorCatalogue): SemanticTokens {
    return this.build(uri, classify(doc, catalogue)).build();
  }

  delta(uri: string, previousResultId: string, doc: AnalysedDocument, catalogue: IndicatorCatalogue): SemanticTokens | SemanticTokensDelta {
    const previous = this.builders.get(uri);
    const tokens = classify(doc, catalogue);
    if (!previous || previous.id !== previousResultId) return this.build(uri, tokens).build();
    previous.previousResult(previousResultId);
    for (const t of tokens) previous.push(t.line, t.character, t.length, t.type, t.modifiers);
    return previous.buildEdits();
  }

  range(doc: AnalysedDocument, range: LspRange, catalogue: IndicatorCatalogue): SemanticTokens {
    return this.build('', classify(doc, catalogue), range).build();
  }

  forget(uri: string): void {
    this.builders.delete(uri);
  }
}
