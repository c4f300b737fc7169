/**
 * Text in, tree and problems out. The entry point of the language: it knows
 * nothing of files or editors.
 */
import type { IRecognitionException, IToken } from 'chevrotain';
import type { Comment, Position, Range, Statement, StrategyDocument } from './ast.js';
import { AstBuilder } from './cst-to-ast.js';
import { strayTokenMessage } from './error-messages.js';
import { braceIndices, lexOffsets } from './lexer.js';
import { parseTokens } from './parser.js';
import { LineIndex, TokenPositions } from './positions.js';
import { checkStructure, documentKindOf } from './structure.js';
import { recoverMissingBraces } from './brace-recovery.js';
import { allTokens, keywordTokens as K, LCurly } from './tokens.js';

export type SyntaxProblemKind = 'lexical' | 'syntax' | 'value' | 'structure';

export interface SyntaxProblem {
  readonly kind: SyntaxProblemKind;
  readonly message: string;
  readonly range: Range;
  /** On the closing problem of a capped list: how many problems it stands for. */
  readonly omitted?: number;
}

export interface ParseResult {
  readonly document: StrategyDocument;
  readonly problems: readonly SyntaxProblem[];
  readonly lines: LineIndex;
}

/**
 * Blocks deeper than this are read as if they were not nested: real strategies
 * nest a handful of levels, and the parser (like every walk of the tree) uses
 * stack in proportion to the depth, so a deeper document would exhaust it.
 */
export const MAX_NESTING_DEPTH = 32;

/** Syntax problems reported per document; the rest are counted in one closing problem (as tsc and rustc do). */
export const MAX_SYNTAX_PROBLEMS = 100;

/** How much of a text is looked at to tell binary content from text (as git does, the first 8000 characters). */
export const BINARY_SNIFF_LENGTH = 8000;

interface BracePlan {
  /** The tokens the parser reads: all of them, less what blocks nested too deep hold. */
  readonly parserTokens: IToken[];
  /** Indices (into the lexed tokens) of the `{` never closed, outermost first. */
  readonly unclosed: number[];
  /** The first `{` nested too deep, if any. */
  readonly firstTooDeep: IToken | undefined;
  /** Offsets [start, end) of the outermost too-deep blocks: the parser's complaints inside them are one problem. */
  readonly tooDeepRegions: [number, number][];
  /** Indices (into the lexed tokens) of the `{` that open no block (left out of what the parser reads). */
  readonly strayBraces: number[];
}

/** Statements that take a block; `{` after the head of any other statement opens none. */
const BLOCK_KEYWORDS: ReadonlySet<string> = new Set([
  'Kw_strategy', 'Kw_framework', 'Kw_priority', 'Kw_section', 'Kw_aim', 'Kw_commitment', 'Kw_action', 'Kw_measure',
  'Kw_outcome', 'Kw_narrative', 'Kw_partners', 'Kw_glossary',
]);
/** How far back the statement keyword of a `{` is looked for: statement heads are a few tokens long. */
const HEAD_LOOKBACK = 12;

/**
 * Whether the `{` at `index` can open no block: it follows another brace or
 * nothing, or the head of a statement that takes no block (`note "x" {`).
 * Chevrotain's recovery from such a brace recurses once per occurrence, so
 * thousands of them would exhaust the stack; they are taken out (with their
 * `}`) and reported here instead. Where the head is not found, the parser decides.
 */
function opensNoBlock(tokens: readonly IToken[], index: number): boolean {
  if (index === 0 || headOf(tokens[index - 1]!) === Head.Brace) return true;
  for (let i = index - 1; i >= 0 && i >= index - HEAD_LOOKBACK; i--) {
    const t = tokens[i]!;
    const head = headOf(t);
    if (head === Head.Brace) return false;
    if (head === Head.Other) continue;
    // `supports action 3`, `supports aim A`, `national aim A` take no block; the keyword is their second word.
    if ((t.tokenTypeIdx === K.action.tokenTypeIdx || t.tokenTypeIdx === K.aim.tokenTypeIdx) && i > 0) {
      const previous = tokens[i - 1]!.tokenTypeIdx;
      if (previous === K.supports.tokenTypeIdx || previous === K.national.tokenTypeIdx) return true;
    }
    return head === Head.KeywordWithoutBlock;
  }
  return false;
}

/**
 * Matches braces in one pass over the braces alone (`braces`: their indices
 * in `tokens`, in order; a pass over every token was a cost of every parse):
 * which `{` are never closed, which open no block, and which blocks are
 * nested deeper than MAX_NESTING_DEPTH. The parser reads a block nested too
 * deep as empty: its braces stay, what is inside is left out (and reported
 * once), so neither the parser nor any walk of the tree goes deeper. A `{`
 * that opens no block, and its `}`, are left out of what the parser reads
 * (and reported), so what they hold is read as part of the block around them.
 */
function planBraces(tokens: IToken[], braces: readonly number[]): BracePlan {
  const stack: number[] = [];
  const strayBraces: number[] = [];
  /** Token indices left out: the stray braces (each `{` and its `}`), and [first, last) of each too-deep block's inside. */
  const dropped = new Set<number>();
  const droppedSpans: [number, number][] = [];
  let depth = 0;
  let firstTooDeep: IToken | undefined;
  const tooDeepRegions: [number, number][] = [];
  let regionStart = -1;
  let regionOpen = -1;
  let regionLevel = 0;
  for (let k = 0; k < braces.length; k++) {
    const i = braces[k]!;
    const t = tokens[i]!;
    const isOpen = t.tokenType === LCurly;
    if (regionStart >= 0) {
      // Inside a block nested too deep: only the `}` that closes it is kept.
      if (isOpen) stack.push(i);
      else {
        stack.pop();
        if (stack.length < regionLevel) {
          tooDeepRegions.push([regionStart, t.startOffset]);
          droppedSpans.push([regionOpen + 1, i]);
          regionStart = -1;
          depth--;
        }
      }
      continue;
    }
    if (isOpen) {
      stack.push(i);
      if (opensNoBlock(tokens, i)) {
        strayBraces.push(i);
        dropped.add(i);
      } else {
        depth++;
        if (depth > MAX_NESTING_DEPTH) {
          firstTooDeep ??= t;
          regionStart = t.endOffset! + 1;
          regionOpen = i;
          regionLevel = stack.length;
        }
      }
    } else {
      const open = stack.pop();
      if (open !== undefined && dropped.has(open)) dropped.add(i);
      else if (open !== undefined) depth--;
    }
  }
  if (regionStart >= 0) {
    tooDeepRegions.push([regionStart, Number.MAX_SAFE_INTEGER]);
    droppedSpans.push([regionOpen + 1, tokens.length]);
  }
  const parserTokens = dropped.size === 0 && droppedSpans.length === 0 ? tokens : keptTokens(tokens, dropped, droppedSpans);
  return { parserTokens, unclosed: stack, firstTooDeep, tooDeepRegions, strayBraces };
}

/** `tokens` less those at the indices `dropped` and in the sorted, disjoint index spans `spans`. */
function keptTokens(tokens: readonly IToken[], dropped: ReadonlySet<number>, spans: readonly [number, number][]): IToken[] {
  const kept: IToken[] = [];
  let span = 0;
  for (let i = 0; i < tokens.length; i++) {
    while (span < spans.length && spans[span]![1] <= i) span++;
    if (span < spans.length && spans[span]![0] <= i) continue;
    if (!dropped.has(i)) kept.push(tokens[i]!);
  }
  return kept;
}

/** Whether `offset` lies in one of the sorted, disjoint `regions`. */
function inRegions(regions: readonly [number, number][], offset: number): boolean {
  let low = 0;
  let high = regions.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [start, end] = regions[mid]!;
    if (offset < start) high = mid - 1;
    else if (offset >= end) low = mid + 1;
    else return true;
  }
  return false;
}

/**
 * Where binary content shows itself, if `text` is not text at all: mostly NUL,
 * control and replacement characters near its start (a text with one stray
 * NUL in a quoted string is still text). One problem there beats thousands
 * of syntax errors.
 */
export function binaryContentAt(text: string): number | undefined {
  const length = Math.min(text.length, BINARY_SNIFF_LENGTH);
  let odd = 0;
  let firstOdd = -1;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 11)) {
      if (firstOdd < 0) firstOdd = i;
      odd++;
    }
  }
  return odd >= 8 && odd * 10 > length ? firstOdd : undefined;
}

/** Keeps the first MAX_SYNTAX_PROBLEMS of sorted `problems` and one that counts the rest. */
function capProblems(problems: SyntaxProblem[]): SyntaxProblem[] {
  if (problems.length <= MAX_SYNTAX_PROBLEMS) return problems;
  const omitted = problems.length - MAX_SYNTAX_PROBLEMS;
  const at = problems[MAX_SYNTAX_PROBLEMS]!.range.start;
  const kept = problems.slice(0, MAX_SYNTAX_PROBLEMS);
  kept.push({
    kind: 'syntax',
    message: `…and ${omitted} more syntax problem${omitted === 1 ? '' : 's'} (only the first ${MAX_SYNTAX_PROBLEMS} are reported): fix these first.`,
    range: { start: at, end: at },
    omitted,
  });
  return kept;
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

/** Token types a statement can start with (keywords of statements, and text for a paragraph). */
const STATEMENT_STARTS: ReadonlySet<string> = new Set([
  'Kw_strategy', 'Kw_framework', 'Kw_priority', 'Kw_section', 'Kw_aim', 'Kw_national', 'Kw_commitment', 'Kw_action', 'Kw_measure',
  'Kw_target', 'Kw_outcome', 'Kw_narrative', 'Kw_note', 'Kw_owner', 'Kw_timing', 'Kw_supports', 'Kw_coverage', 'Kw_area',
  'Kw_vision', 'Kw_period', 'Kw_status', 'Kw_partners', 'Kw_glossary', 'StringLiteral', 'UnterminatedString', 'CurlyString',
]);

/** What a token is to `opensNoBlock` (asked of a few tokens before every `{`). */
const enum Head {
  Other = 0,
  Brace,
  KeywordWithBlock,
  KeywordWithoutBlock,
}

/** `Head` by token type index: a table, as names looked up in sets before every `{` were a cost of every parse (profiled). */
const HEADS: Uint8Array = (() => {
  const table = new Uint8Array(Math.max(...allTokens.map((t) => t.tokenTypeIdx!)) + 1);
  for (const t of allTokens) {
    const name = t.name;
    if (name === 'LCurly' || name === 'RCurly') table[t.tokenTypeIdx!] = Head.Brace;
    else if (name.startsWith('Kw_') && STATEMENT_STARTS.has(name)) table[t.tokenTypeIdx!] = BLOCK_KEYWORDS.has(name) ? Head.KeywordWithBlock : Head.KeywordWithoutBlock;
  }
  return table;
})();

function headOf(t: IToken): Head {
  return (HEADS[t.tokenTypeIdx] ?? Head.Other) as Head;
}

function emptyDocument(end: Position, comments: readonly Comment[]): StrategyDocument {
  return { kind: 'document', range: { start: { line: 0, character: 0, offset: 0 }, end }, items: [], comments: [...comments] };
}

export function parse(text: string): ParseResult {
  const lines = new LineIndex(text);
  const binaryAt = binaryContentAt(text);
  if (binaryAt !== undefined) {
    const end = lines.positionAt(text.length);
    const at = lines.positionAt(binaryAt);
    const problem: SyntaxProblem = {
      kind: 'lexical',
      message: `This is not Strategy text: it looks like a binary file (it is mostly NUL, control or unreadable characters). Open the document it came from, or convert it with \`strategy convert\`.`,
      range: { start: at, end: at },
    };
    return { document: emptyDocument(end, []), problems: [problem], lines };
  }
  const positions = new TokenPositions(lines);
  const tokenRange = (t: IToken): Range => positions.tokenRange(t);
  const lexed = lexOffsets(text, lines, positions);
  const problems: SyntaxProblem[] = [];
  for (const p of lexed.problems) problems.push({ kind: 'lexical', ...p });
  const end = lines.positionAt(text.length);
  const builder = new AstBuilder(end, positions);
  const items: Statement[] = [];
  // A missing `}` is put back where the indentation says its block ended, before the blocks are planned.
  const recovered = recoverMissingBraces(lexed.tokens, lexed.braces, positions);
  const tokens = recovered.tokens;
  // Put-back braces move the indices after them.
  const braces = planBraces(tokens, tokens === lexed.tokens ? lexed.braces : braceIndices(tokens));
  if (braces.firstTooDeep) {
    problems.push({
      kind: 'syntax',
      message: `Blocks are nested deeper than ${MAX_NESTING_DEPTH} levels here: what this block holds is left out of the outline and the checks. Strategies nest a handful of levels: close the blocks this one is in.`,
      range: tokenRange(braces.firstTooDeep),
    });
  }

  // The problems of braces, told before the parse (it clears its tokens behind it) and reported after its own, as they always were.
  const braceProblems: SyntaxProblem[] = [];
  for (const [brace, endsBefore] of recovered.endsBefore) {
    const owner = blockOwner(tokens, tokens.indexOf(brace));
    braceProblems.push({ kind: 'syntax', message: `This \`{\`${owner} is never closed: add \`}\` before line ${positions.lineOf(endsBefore.startOffset) + 1}, where its indentation says the block ends.`, range: tokenRange(brace) });
  }

  for (const index of braces.strayBraces) {
    const brace = tokens[index]!;
    if (braces.tooDeepRegions.length > 0 && inRegions(braces.tooDeepRegions, brace.startOffset)) continue;
    const owner = blockOwner(tokens, index);
    braceProblems.push({ kind: 'syntax', message: `This \`{\` opens no block${owner ? `: ${owner.replace(/^ of /, '')} takes none` : ''}. Remove it, and the \`}\` that closes it.`, range: tokenRange(brace) });
  }

  for (const index of braces.unclosed) {
    const owner = blockOwner(tokens, index);
    braceProblems.push({ kind: 'syntax', message: `This \`{\`${owner} is never closed: add \`}\` where the block ends.`, range: tokenRange(tokens[index]!) });
  }

  // A token that cannot start a statement stops Chevrotain's top-level loop;
  // report it, step over it (and the tokens after it that cannot start one
  // either, so a run of them costs one restart) and parse on.
  let rest = braces.parserTokens;
  // Where the parser already complained: a stray piece starting at the same token is the same mistake.
  const complainedAt = new Set<number>();
  // Whether recovery ran: then built statements may have been dropped with a partial node, and the builder's structure check may speak of them.
  let parserRecovered = false;
  for (;;) {
    const { tree, errors } = parseTokens(rest, builder, true);
    if (errors.length > 0) parserRecovered = true;
    const statements = builder.statements(tree);
    for (let i = 0; i < statements.length; i++) items.push(statements[i]!);
    let stoppedAt: IToken | undefined;
    for (const e of errors) {
      if (e.name === 'NotAllInputParsedException') stoppedAt = e.token;
      if (isMissingCloseAtEnd(e)) continue;
      const t = e.token;
      const atEnd = t.tokenType.name === 'EOF' || Number.isNaN(t.startOffset);
      if (!atEnd && braces.tooDeepRegions.length > 0 && inRegions(braces.tooDeepRegions, t.startOffset)) continue;
      if (!atEnd) complainedAt.add(t.startOffset);
      problems.push({ kind: 'syntax', message: e.message, range: atEnd ? { start: end, end } : tokenRange(t) });
    }
    if (!stoppedAt) break;
    let index = rest.indexOf(stoppedAt);
    if (index < 0) break;
    index++;
    while (index < rest.length && !STATEMENT_STARTS.has(rest[index]!.tokenType.name)) index++;
    if (index >= rest.length) break;
    rest = rest.slice(index);
  }

  for (const { token, inBlock } of builder.strays) {
    if (complainedAt.has(token.startOffset)) continue;
    if (braces.tooDeepRegions.length > 0 && inRegions(braces.tooDeepRegions, token.startOffset)) continue;
    problems.push({ kind: 'syntax', message: strayTokenMessage(token, inBlock), range: tokenRange(token) });
  }

  for (let i = 0; i < braceProblems.length; i++) problems.push(braceProblems[i]!);

  for (const p of builder.problems) problems.push({ kind: 'value', ...p });
  const document: StrategyDocument = { kind: 'document', range: { start: { line: 0, character: 0, offset: 0 }, end }, items, comments: lexed.comments };
  // Without recovery every built statement is in the tree, and the builder checked each block as it built it; else the tree is walked.
  const structure = parserRecovered ? checkStructure(document) : builder.structure.finish(items, documentKindOf(document));
  for (const p of structure) problems.push({ kind: 'structure', ...p });
  problems.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return { document, problems: capProblems(problems), lines };
}
