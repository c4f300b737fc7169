/**
 * Whether a text can declare a framework, told from its tokens alone (no
 * parse). A framework is declared only by `framework` with a title or a
 * block; `framework ID, ID` followed by the next statement (a strategy's
 * header naming its frameworks) declares none, whatever recovery does
 * around it. Used by `strategy lint` to know which files the others may
 * depend on before it lints any, so it can let go of every other file's tree
 * as soon as that file is reported.
 */
import { tokenMatcher } from 'chevrotain';
import { lex } from './lexer.js';
import { LineIndex } from './positions.js';
import { Comma, IdToken, keywordTokens, RCurly, STATEMENT_KEYWORDS } from './tokens.js';

const STATEMENT_KEYWORD_NAMES: ReadonlySet<string> = new Set([...STATEMENT_KEYWORDS].map((w) => `Kw_${w}`));

export function mayDeclareFramework(text: string): boolean {
  if (!text.includes('framework')) return false;
  const tokens = lex(text, new LineIndex(text)).tokens;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.tokenType !== keywordTokens.framework) continue;
    let j = i + 1;
    if (!tokens[j] || !tokenMatcher(tokens[j]!, IdToken)) return true;
    j++;
    while (tokens[j]?.tokenType === Comma && tokens[j + 1] && tokenMatcher(tokens[j + 1]!, IdToken)) j += 2;
    const next = tokens[j];
    if (next === undefined || next.tokenType === RCurly) continue;
    // A title would follow as text; anything but the next statement's keyword may be recovered into one.
    if (STATEMENT_KEYWORD_NAMES.has(next.tokenType.name)) continue;
    return true;
  }
  return false;
}
