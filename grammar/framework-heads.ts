/**
 * Whether a text can declare a framework, told from its tokens alone (no
 * parse). A framework is declared only by `framework` with a title or a
 * block; `framework ID, ID` followed by the next statement (a strategy's
 * header naming its frameworks) declares none, whatever recovery does
 * around it. Used by `strategy lint` to know which files the others may
 * depend on before it lints any, so it can let go of every other file's tree
 * as soon as that file is reported.
 */
import { tokenMatcher, type IToken } from 'chevrotain';
import { lex } from './lexer.js';
import { LineIndex } from './positions.js';
import { Comma, IdToken, keywordTokens, RCurly, STATEMENT_KEYWORDS } from './tokens.js';

const STATEMENT_KEYWORD_NAMES: ReadonlySet<string> = new Set([...STATEMENT_KEYWORDS].map((w) => `Kw_${w}`));

type Verdict = 'declares' | 'names' | 'unknown';

/**
 * What the `framework` token at `i` does. With `complete` false the tokens
 * are those of a piece of the text, whose last token may be cut short: a
 * verdict that needs it is 'unknown'.
 */
function verdictAt(tokens: readonly IToken[], i: number, complete: boolean): Verdict {
  const known = (j: number): boolean => complete || j < tokens.length - 1;
  let j = i + 1;
  if (!known(j)) return 'unknown';
  if (!tokens[j] || !tokenMatcher(tokens[j]!, IdToken)) return 'declares';
  j++;
  while (known(j + 1) && tokens[j]?.tokenType === Comma && tokens[j + 1] && tokenMatcher(tokens[j + 1]!, IdToken)) j += 2;
  if (!known(j + 1)) return 'unknown';
  const next = tokens[j];
  if (next === undefined) return 'names';
  if (next.tokenType === RCurly) {
    // The `}` ends the block naming the framework, unless it closes a `{` that opens no block (`{ framework x } "T"`):
    // recovery drops that pair, and what follows may be read as the title of a declaration.
    if (!known(j + 2)) return 'unknown';
    const after = tokens[j + 1];
    return after === undefined || after.tokenType === RCurly || STATEMENT_KEYWORD_NAMES.has(after.tokenType.name) ? 'names' : 'declares';
  }
  // A title would follow as text; anything but the next statement's keyword may be recovered into one.
  return STATEMENT_KEYWORD_NAMES.has(next.tokenType.name) ? 'names' : 'declares';
}

/** Every `framework` token of the text, lexed whole: the exact answer. */
function mayDeclareByLexing(text: string): boolean {
  const tokens = lex(text, new LineIndex(text)).tokens;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.tokenType === keywordTokens.framework && verdictAt(tokens, i, true) === 'declares') return true;
  }
  return false;
}

/** How much text after a `framework` is lexed to tell a header from a declaration: a header is a line or two. */
const PIECE_LENGTH = 240;

/**
 * Most files name their framework in their header and declare none; lexing
 * each whole file here as well as in its parse cost a tenth of a lint run.
 * So each occurrence of the word is first judged from the few tokens after
 * it: lexing from a `framework` keyword gives the same tokens as lexing the
 * whole text (a token starts there), and where the word is not a keyword
 * (inside a string, a comment or a longer name) it declares nothing,
 * whatever its piece says. Only an occurrence that may declare, or that the
 * piece cannot settle, sends the whole text to the exact check.
 */
export function mayDeclareFramework(text: string): boolean {
  if (!text.includes('framework')) return false;
  const word = /\bframework\b/g;
  for (let m = word.exec(text); m; m = word.exec(text)) {
    const piece = text.slice(m.index, m.index + PIECE_LENGTH);
    const complete = m.index + PIECE_LENGTH >= text.length;
    const tokens = lex(piece, new LineIndex(piece)).tokens;
    const verdict = tokens[0]?.tokenType === keywordTokens.framework ? verdictAt(tokens, 0, complete) : 'names';
    if (verdict !== 'names') return mayDeclareByLexing(text);
  }
  return false;
}

/** The exact check alone, for the tests to hold the quick one to. */
export const mayDeclareFrameworkExactly = mayDeclareByLexing;
