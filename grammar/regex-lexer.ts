/**
 * Chevrotain's own lexer built from the token definitions in `tokens.ts`:
 * the reference the hand-written scanner (`scanner.ts`) is held to in the
 * tests, and the previous implementation the benchmark measures it against.
 * Nothing at run time uses it; it is built on first use.
 */
import { Lexer, type ILexingResult } from 'chevrotain';
import { allTokens } from './tokens.js';

let lexer: Lexer | undefined;

export function regexTokenize(text: string): ILexingResult {
  lexer ??= new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: true });
  return lexer.tokenize(text);
}
