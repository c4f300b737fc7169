/**
 * Whether a text can declare a framework, told from its tokens alone (no
 * parse). A framework is declared only by `framework` with a title or a
 * block; `framework ID, ID` followed by the next statement (a strategy's
 * header naming its frameworks) declares none, whatever recovery does
 * around it. Used by `strategy lint` to know which files the others may
 * depend on before it lints any, so it can let go of every other file's tree
 * as soon as that file is reported.
 *
 * Only the text around each `framework` is lexed: no token spans a line
 * break (quoted text, comments and codes end with their line), so lexing
 * from the start of a line gives the tokens lexing the whole text gives
 * there. Every strategy names its framework in its header, and lexing all of
 * each file once more than its parse was a fifth of a lint run's work.
 */
import { tokenMatcher, type IToken } from 'chevrotain';
import { lex } from './lexer.js';
import { LineIndex } from './positions.js';
import { Comma, IdToken, keywordTokens, RCurly, STATEMENT_KEYWORDS } from './tokens.js';

const STATEMENT_KEYWORD_NAMES: ReadonlySet<string> = new Set([...STATEMENT_KEYWORDS].map((w) => `Kw_${w}`));

/** How much text after a `framework` is lexed to see what follows it (a header's list of ids is far shorter). */
const WINDOW = 2048;

/**
 * The verdict of `tokens`, of which only the first `reliable` are whole (the
 * last one of a window may be cut short): undefined when it depends on a
 * token past them.
 */
function verdictOf(tokens: readonly IToken[], reliable: number): boolean | undefined {
  for (let i = 0; i < reliable; i++) {
    if (tokens[i]!.tokenType !== keywordTokens.framework) continue;
    let j = i + 1;
    if (j >= reliable && reliable < tokens.length) return undefined;
    if (!tokens[j] || !tokenMatcher(tokens[j]!, IdToken)) return true;
    j++;
    while (tokens[j]?.tokenType === Comma && j + 1 < reliable && tokenMatcher(tokens[j + 1]!, IdToken)) j += 2;
    if (j + 1 >= reliable && reliable < tokens.length) return undefined;
    const next = tokens[j];
    if (next === undefined || next.tokenType === RCurly) continue;
    // A title would follow as text; anything but the next statement's keyword may be recovered into one.
    if (STATEMENT_KEYWORD_NAMES.has(next.tokenType.name)) continue;
    return true;
  }
  return false;
}

function lexed(text: string): IToken[] {
  return lex(text, new LineIndex(text)).tokens;
}

export function mayDeclareFramework(text: string): boolean {
  let at = text.indexOf('framework');
  let lexedLength = 0;
  while (at >= 0) {
    const lineStart = Math.max(text.lastIndexOf('\n', at), text.lastIndexOf('\r', at)) + 1;
    const end = Math.min(text.length, at + WINDOW);
    // The word all over a text (in prose or comments): one lex of the whole, so the work stays linear.
    lexedLength += end - lineStart;
    if (lexedLength > 2 * text.length) break;
    const tokens = lexed(text.slice(lineStart, end));
    const cut = end < text.length;
    const verdict = verdictOf(tokens, cut ? tokens.length - 1 : tokens.length);
    if (verdict !== false) {
      if (verdict === undefined) break;
      return true;
    }
    if (!cut) return false;
    // The window's last token may be cut short: what starts there is looked at again, from its own line.
    const last = tokens[tokens.length - 1];
    const resume = last ? lineStart + last.startOffset : end - 'framework'.length;
    // Nothing whole follows this `framework` in the window: the whole text decides.
    if (resume <= at) break;
    at = text.indexOf('framework', resume);
  }
  if (at < 0) return false;
  const all = lexed(text);
  return verdictOf(all, all.length) === true;
}
