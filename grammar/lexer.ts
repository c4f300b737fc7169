/** Lexing, with errors explained for authors. The lexers are built once: the one with full positions at load, the offset-only one on first use. */
import { Lexer, type IToken, type TokenType } from 'chevrotain';
import type { Comment, Range } from './ast.js';
import { scanOffsets, SCANNER_MIRRORS_TOKENS, type ScanError } from './scanner.js';
import { allTokens, LCurly, RCurly, UnterminatedString } from './tokens.js';
import type { LineIndex, TokenPositions } from './positions.js';
import { tokenRange } from './positions.js';

const lexer = new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: true });
/**
 * The same lexer, tracking offsets only: the parse's tokens, whose lines and
 * columns `TokenPositions` finds from the offsets (smaller tokens, and no
 * line arithmetic in the lexer's loop). Chevrotain's offset-only tokens have
 * no `endOffset`, which the parser and the tree builder read, so its token
 * factory (an internal method, checked where it is built) is given one that sets it, in
 * the object literal so that every token keeps one shape.
 */
class OffsetLexer extends Lexer {
  createOffsetOnlyToken(image: string, startOffset: number, tokenTypeIdx: number, tokenType: TokenType, _line: unknown, _column: unknown, imageLength: number): IToken {
    return { image, startOffset, endOffset: startOffset + imageLength - 1, tokenTypeIdx, tokenType };
  }
}
/**
 * Built on first use: the parse lexes with the scanner, so this lexer serves
 * only its tests and a `tokens.ts` the scanner does not mirror, and building
 * it was a tenth of every command's start.
 */
let offsetLexer: OffsetLexer | undefined;

function theOffsetLexer(): OffsetLexer {
  if (offsetLexer) return offsetLexer;
  const made = new OffsetLexer(allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: true });
  // If a new chevrotain makes its offset-only tokens some other way, say so before any token is used rather than misplace every range.
  if (made.tokenize('ab').tokens[0]?.endOffset !== 1) {
    throw new Error("grammar/lexer.ts sets the end offset of chevrotain's offset-only tokens through createOffsetOnlyToken, which this version of chevrotain does not call.");
  }
  offsetLexer = made;
  return made;
}

export interface LexProblem {
  readonly message: string;
  readonly range: Range;
}

export interface LexResult {
  readonly tokens: IToken[];
  readonly comments: Comment[];
  readonly problems: LexProblem[];
}

/** The parse's lexing: also where the braces are, which the brace plans read instead of every token. */
export interface OffsetLexResult extends LexResult {
  /** Indices in `tokens` of the `{` and `}`, in order. */
  readonly braces: readonly number[];
}

/** Indices in `tokens` of the `{` and `}`, in order (what the scanner gathers as it goes). */
export function braceIndices(tokens: readonly IToken[]): number[] {
  const braces: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const type = tokens[i]!.tokenType;
    if (type === LCurly || type === RCurly) braces.push(i);
  }
  return braces;
}

function explainCharacters(found: string): string {
  if (found.startsWith("'") || found.startsWith('\u2018')) return 'Text goes in double quotes: "like this".';
  return `Unexpected \`${found}\`: a statement starts with a keyword such as \`commitment\` or \`owner\`, and text goes in double quotes.`;
}

/** Tokens with their lines and columns (`startLine`…), for readers of tokens outside the parse. */
export function lex(text: string, lines: LineIndex): LexResult {
  const result = lexer.tokenize(text);
  return explain(text, lines, { tokens: result.tokens, comments: result.groups['comments'] ?? [], errors: result.errors }, tokenRange);
}

/** What a lexer found: tokens, the `comments` group, and runs of unexpected characters; the scanner also gives its unterminated strings (and braces). */
interface Lexed {
  readonly tokens: IToken[];
  readonly comments: IToken[];
  readonly errors: readonly ScanError[];
  readonly unterminated?: readonly IToken[];
}

/** Chevrotain's lexer with offsets only: the reference `scanner.ts` is held to, and the parse's lexer if the scanner does not mirror `tokens.ts`. */
export function tokenizeOffsetsWithChevrotain(text: string): Lexed {
  const result = theOffsetLexer().tokenize(text);
  return { tokens: result.tokens, comments: result.groups['comments'] ?? [], errors: result.errors };
}

/**
 * Tokens with offsets only (no `startLine`, `startColumn`, `endLine`,
 * `endColumn`): ranges come from `positions.tokenRange`. Lexed by the
 * hand-written scanner, the same tokens as Chevrotain's lexer in a fraction
 * of its time (issue 12), unless `tokens.ts` changed beyond what it mirrors.
 */
export function lexOffsets(text: string, lines: LineIndex, positions: TokenPositions): OffsetLexResult {
  if (!SCANNER_MIRRORS_TOKENS) {
    const lexed = tokenizeOffsetsWithChevrotain(text);
    return { ...explain(text, lines, lexed, (t) => positions.tokenRange(t)), braces: braceIndices(lexed.tokens) };
  }
  const scanned = scanOffsets(text);
  lines.adoptLineStarts(scanned.lineStarts);
  return { ...explain(text, lines, scanned, (t) => positions.tokenRange(t)), braces: scanned.braces };
}

function explain(text: string, lines: LineIndex, result: Lexed, rangeOf: (t: IToken) => Range): LexResult {
  const problems: LexProblem[] = [];
  let coveredUntil = -1;
  for (const e of result.errors) {
    if (e.offset < coveredUntil) continue;
    let endOffset = e.offset + e.length;
    const found = text.slice(e.offset, endOffset).trim() || text.slice(e.offset, e.offset + 1);
    if (found.startsWith("'") || found.startsWith('\u2018')) {
      // 'single-quoted text' is one mistake, not one per quote mark.
      const close = /['\u2019]/g;
      close.lastIndex = e.offset + 1;
      const m = close.exec(text);
      const lineEnd = text.indexOf('\n', e.offset);
      if (m && (lineEnd < 0 || m.index < lineEnd)) endOffset = m.index + 1;
    }
    coveredUntil = endOffset;
    problems.push({ message: explainCharacters(found), range: lines.rangeOf(e.offset, endOffset) });
  }
  const unterminated = result.unterminated ?? result.tokens.filter((t) => t.tokenType === UnterminatedString);
  for (const t of unterminated) problems.push({ message: 'This text has no closing quote: end it with `"` on the same line.', range: rangeOf(t) });
  const comments = result.comments.map((t) => ({ text: t.image.slice(2), range: rangeOf(t) }));
  return { tokens: result.tokens, comments, problems };
}
