/**
 * Text in, tree and problems out. The entry point of the language: it knows
 * nothing of files or editors.
 */
import type { IRecognitionException, IToken } from 'chevrotain';
import type { Comment, Position, Range, StrategyDocument } from './ast.js';
import { AstBuilder } from './cst-to-ast.js';
import { lex } from './lexer.js';
import { parseTokens } from './parser.js';
import { LineIndex, tokenRange } from './positions.js';
import { checkStructure } from './structure.js';
import { recoverMissingBraces } from './brace-recovery.js';

export type SyntaxProblemKind = 'lexical' | 'syntax' | 'value' | 'structure';

export interface SyntaxProblem {
  readonly kind: SyntaxProblemKind;
  readonly message: string;
  readonly range: Range;
}

export interface ParseResult {
  readonly document: StrategyDocument;
  readonly problems: readonly SyntaxProblem[];
  readonly lines: LineIndex;
}

/** Where each `{` is closed, so a missing `}` can be reported at the brace that needs it. */
function unclosedBraces(tokens: readonly IToken[]): IToken[] {
  const open: IToken[] = [];
  for (const t of tokens) {
    if (t.tokenType.name === 'LCurly') open.push(t);
    else if (t.tokenType.name === 'RCurly') open.pop();
  }
  return open;
}

/** The statement keyword before a `{`, to name the block in a message. */
function blockOwner(tokens: readonly IToken[], braceIndex: number): string {
  for (let i = braceIndex - 1; i >= 0 && i >= braceIndex - 6; i--) {
    const name = tokens[i]!.tokenType.name;
    if (name.startsWith('Kw_')) return ` of \`${tokens[i]!.image}\``;
  }
  return '';
}

function isMissingCloseAtEnd(e: IRecognitionException): boolean {
  return e.name === 'MismatchedTokenException' && e.message.startsWith('Expected `}`') && e.token.tokenType.name === 'EOF';
}

/** Where the text ends, found from its last token so a clean parse never indexes every line. */
function endPosition(text: string, tokens: readonly IToken[], comments: readonly Comment[]): Position {
  let line = 0;
  let character = 0;
  let from = 0;
  const lastToken = tokens[tokens.length - 1];
  const lastComment = comments[comments.length - 1];
  const last = lastComment && (!lastToken || lastComment.range.end.offset > lastToken.endOffset! + 1) ? lastComment.range.end : lastToken ? tokenRange(lastToken).end : undefined;
  if (last) ({ line, character, offset: from } = last);
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      character = 0;
    } else if (c !== 13) character++;
  }
  return { line, character, offset: text.length };
}

export function parse(text: string): ParseResult {
  const lines = new LineIndex(text);
  const lexed = lex(text, lines);
  const problems: SyntaxProblem[] = lexed.problems.map((p) => ({ kind: 'lexical', ...p }));
  const end = endPosition(text, lexed.tokens, lexed.comments);
  const builder = new AstBuilder(end);
  const items = [];

  // A token that cannot start a statement stops Chevrotain's top-level loop;
  // report it, step over it and parse on, so one stray token hides nothing.
  const recovered = recoverMissingBraces(lexed.tokens);
  let rest = recovered.tokens;
  for (;;) {
    const { cst, errors } = parseTokens(rest);
    items.push(...builder.statements(cst.children));
    let stoppedAt: IToken | undefined;
    for (const e of errors) {
      if (e.name === 'NotAllInputParsedException') stoppedAt = e.token;
      if (isMissingCloseAtEnd(e)) continue;
      const t = e.token;
      const range = t.tokenType.name === 'EOF' || Number.isNaN(t.startOffset) ? { start: end, end } : tokenRange(t);
      problems.push({ kind: 'syntax', message: e.message, range });
    }
    if (!stoppedAt) break;
    const index = rest.indexOf(stoppedAt);
    if (index < 0 || index + 1 >= rest.length) break;
    rest = rest.slice(index + 1);
  }

  for (const brace of [...recovered.endsBefore.keys(), ...unclosedBraces(recovered.tokens)]) {
    const owner = blockOwner(lexed.tokens, lexed.tokens.indexOf(brace));
    const endsBefore = recovered.endsBefore.get(brace);
    const where = endsBefore ? ` before line ${endsBefore.startLine}, where its indentation says the block ends` : ' where the block ends';
    problems.push({ kind: 'syntax', message: `This \`{\`${owner} is never closed: add \`}\`${where}.`, range: tokenRange(brace) });
  }

  problems.push(...builder.problems.map((p) => ({ kind: 'value' as const, ...p })));
  const document: StrategyDocument = { kind: 'document', range: { start: { line: 0, character: 0, offset: 0 }, end }, items, comments: lexed.comments };
  problems.push(...checkStructure(document).map((p) => ({ kind: 'structure' as const, ...p })));
  problems.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return { document, problems, lines };
}
