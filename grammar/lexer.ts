/**
 * Lexing, with errors explained for authors. The tokens come from the
 * hand-written scanner (`scanner.ts`), which yields what Chevrotain's lexer
 * would for the definitions in `tokens.ts`.
 */
import type { IToken } from 'chevrotain';
import type { Comment, Range } from './ast.js';
import { UnterminatedString } from './tokens.js';
import type { LineIndex } from './positions.js';
import { tokenRange } from './positions.js';
import { scan } from './scanner.js';

export interface LexProblem {
  readonly message: string;
  readonly range: Range;
}

export interface LexResult {
  readonly tokens: IToken[];
  readonly comments: Comment[];
  readonly problems: LexProblem[];
}

function explainCharacters(found: string): string {
  if (found.startsWith("'") || found.startsWith('\u2018')) return 'Text goes in double quotes: "like this".';
  return `Unexpected \`${found}\`: a statement starts with a keyword such as \`commitment\` or \`owner\`, and text goes in double quotes.`;
}

export function lex(text: string, lines: LineIndex): LexResult {
  const result = scan(text);
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
  for (const t of result.tokens) {
    if (t.tokenType === UnterminatedString) {
      problems.push({ message: 'This text has no closing quote: end it with `"` on the same line.', range: tokenRange(t) });
    }
  }
  const comments = result.comments.map((t) => ({ text: t.image.slice(2), range: tokenRange(t) }));
  return { tokens: result.tokens, comments, problems };
}
