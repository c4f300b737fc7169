/**
 * Incremental reparse: after an edit, only the top-level statements the edit
 * touches are parsed again (with `parse`, on their own text); everything
 * after them keeps its tree, moved by the edit's change in offsets and lines.
 * The result is the tree, ranges and problems `parse(newText)` gives
 * (test/grammar/incremental-parse.test.ts holds it to that with random edits);
 * wherever that cannot be shown from the text, it is `parse(newText)` itself.
 *
 * Why it is safe: the document is cut into segments at the start of the line
 * of each top-level statement that begins a line. When the previous text had
 * no lexical or syntax problems, every segment is a run of whole statements,
 * and when the one edited segment again parses with none, ends in `}` (or is
 * the last) and follows a `}` (or is the first), no statement can run across a
 * cut: the top-level grammar is a plain sequence of statements, tokens never
 * span lines, and a `}` ends a statement. Anything else (braces that no
 * longer balance, a syntax problem anywhere, a header edited, the binary
 * check's window touched by odd characters) is a full parse.
 *
 * The statements after the edit are not copied: they are moved in place (their
 * positions' offsets and lines changed), so `previous` is consumed and its
 * later statements belong to the result. Copying them was most of a
 * keystroke's cost and garbage on a large document (a 1 MB tree is 250,000
 * objects); each statement's positions are listed once, the first time it
 * moves, and moving it again is a loop over that list.
 */
import type { Comment, Position, Statement, StrategyDocument } from './ast.js';
import { binaryContentAt, BINARY_SNIFF_LENGTH, parse, MAX_SYNTAX_PROBLEMS, type ParseResult, type SyntaxProblem } from './parse.js';
import { LineIndex } from './positions.js';
import { ownString } from './strings.js';
import { checkStructure, documentKindOf } from './structure.js';

/** How the statements of the new tree relate to the previous one's (for caches of per-statement results). */
export interface ReparseEdit {
  /** Index of the first top-level statement that was parsed again (the same in both trees). */
  readonly first: number;
  /** How many previous statements were replaced, and by how many new ones. */
  readonly removed: number;
  readonly inserted: number;
  /** What was added to the offsets and lines of everything after the edited statements. */
  readonly offsetDelta: number;
  readonly lineDelta: number;
}

export interface Reparse {
  readonly result: ParseResult;
  /** Undefined when the text was parsed in full. */
  readonly edit: ReparseEdit | undefined;
}

const CHUNK = 2048;

/** The smallest change turning `before` into `after`: [start, end) of `before` replaced by `after`'s [start, newEnd). */
export function changedSpan(before: string, after: string): { start: number; end: number; newEnd: number } {
  const max = Math.min(before.length, after.length);
  let start = 0;
  // Whole chunks first: comparing slices runs natively, a character loop over a megabyte cost ~5 ms (profiled).
  while (start + CHUNK <= max && before.slice(start, start + CHUNK) === after.slice(start, start + CHUNK)) start += CHUNK;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = before.length;
  let newEnd = after.length;
  while (end - CHUNK >= start && newEnd - CHUNK >= start && before.slice(end - CHUNK, end) === after.slice(newEnd - CHUNK, newEnd)) {
    end -= CHUNK;
    newEnd -= CHUNK;
  }
  while (end > start && newEnd > start && before.charCodeAt(end - 1) === after.charCodeAt(newEnd - 1)) {
    end--;
    newEnd--;
  }
  return { start, end, newEnd };
}

function isLineStart(text: string, offset: number): boolean {
  if (offset === 0 || offset === text.length) return true;
  const c = text.charCodeAt(offset - 1);
  if (c === 10) return true;
  return c === 13 && text.charCodeAt(offset) !== 10;
}

/** Line breaks in text[from, to), counted as LineIndex counts them. */
function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && !(i + 1 < to && text.charCodeAt(i + 1) === 10)) n++;
  }
  return n;
}

/** Whether a statement ends with its block's `}` (then nothing after it can belong to it). */
function endsWithBrace(text: string, s: Statement): boolean {
  return s.range.end.offset > 0 && text.charCodeAt(s.range.end.offset - 1) === 125;
}

/**
 * A copy of `value` with every position moved: `offset` by `offsetDelta`,
 * `line` by `lineDelta`, and `character` unchanged (everything moved starts
 * on a line of its own). A position two ranges share (a node's start is its
 * first child's) is copied for each: the copy is equal, not identical, and
 * remembering every position visited cost more than the copy (measured).
 */
export function shiftPositions<T>(value: T, offsetDelta: number, lineDelta: number): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = shiftPositions(value[i], offsetDelta, lineDelta);
    return out as T;
  }
  const record = value as Record<string, unknown>;
  if (typeof record['offset'] === 'number' && typeof record['character'] === 'number' && typeof record['line'] === 'number') {
    const p = value as unknown as Position;
    return { line: p.line + lineDelta, character: p.character, offset: p.offset + offsetDelta } as T;
  }
  const out: Record<string, unknown> = {};
  for (const key in record) out[key] = shiftPositions(record[key], offsetDelta, lineDelta);
  return out as T;
}

/** Every position inside a statement, each once, listed the first time the statement moves. */
const positionsIn = new WeakMap<Statement, Position[]>();

/** Every position inside `value` (plain data: a tree, findings), in the order met; a shared one is listed each time it is met. */
export function collectPositions<P = Position>(value: unknown, out: P[]): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) collectPositions(value[i], out);
    return;
  }
  const record = value as Record<string, unknown>;
  if (typeof record['offset'] === 'number' && typeof record['character'] === 'number' && typeof record['line'] === 'number') {
    out.push(value as P);
    return;
  }
  for (const key in record) collectPositions(record[key], out);
}

function positionsOf(statement: Statement): Position[] {
  let list = positionsIn.get(statement);
  if (!list) {
    const all: Position[] = [];
    collectPositions(statement, all);
    // Ranges share positions (a node's start is its first child's): each is listed once, to be moved once.
    list = [...new Set(all)];
    positionsIn.set(statement, list);
  }
  return list;
}

/**
 * Moves `statements` and the positions inside `loose` (comments, problems)
 * in place: offsets by `offsetDelta`, lines by `lineDelta`, characters
 * unchanged (everything moved starts on a line of its own). A statement's
 * positions are distinct (see `positionsOf`) and no two top-level statements
 * share one (tested); a problem's range may be its token's, so the new values
 * of the loose positions are computed before anything moves and written
 * after: each moves once.
 */
function moveInPlace(statements: readonly Statement[], loose: readonly unknown[], offsetDelta: number, lineDelta: number): void {
  const others: Position[] = [];
  collectPositions(loose, others);
  const moved = others.map((p) => ({ line: p.line + lineDelta, offset: p.offset + offsetDelta }));
  for (const statement of statements) {
    const list = positionsOf(statement) as { line: number; offset: number }[];
    for (let i = 0; i < list.length; i++) {
      const p = list[i]!;
      p.line += lineDelta;
      p.offset += offsetDelta;
    }
  }
  for (let i = 0; i < others.length; i++) {
    const p = others[i] as { line: number; offset: number };
    p.line = moved[i]!.line;
    p.offset = moved[i]!.offset;
  }
}

/** Index of the first item at or after `offset` (items are sorted and disjoint). */
function firstAtOrAfter<T>(list: readonly T[], offsetOf: (t: T) => number, offset: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsetOf(list[mid]!) < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

function full(text: string): Reparse {
  return { result: parse(text), edit: undefined };
}

/**
 * `parse(newText)`, reusing `previous` (the parse of `oldText`) where the
 * edit leaves it valid.
 */
export function reparse(previous: ParseResult, oldText: string, newText: string): Reparse {
  if (oldText === newText) return { result: previous, edit: { first: 0, removed: 0, inserted: 0, offsetDelta: 0, lineDelta: 0 } };
  // Only problems that do not steer the parser may stand anywhere in the previous text.
  if (previous.problems.some((p) => (p.kind !== 'value' && p.kind !== 'structure') || p.omitted !== undefined)) return full(newText);
  const items = previous.document.items;
  if (items.length === 0) return full(newText);
  const change = changedSpan(oldText, newText);
  const delta = newText.length - oldText.length;
  // An edit inside the window the binary check reads may make the text binary, which the full parse reports.
  if (change.start < BINARY_SNIFF_LENGTH && binaryContentAt(newText) !== undefined) return full(newText);

  // Segments: runs of top-level statements, cut where a statement starts a line.
  // segment g covers [cut[g], cut[g+1]) and holds items [firstItem[g], firstItem[g+1]).
  const cuts: number[] = [0];
  const firstItem: number[] = [0];
  for (let i = 1; i < items.length; i++) {
    const s = items[i]!.range.start;
    if (s.line > items[i - 1]!.range.end.line) {
      cuts.push(s.offset - s.character);
      firstItem.push(i);
    }
  }
  // The segment holding the change: the last cut at or before its start; the change must end before the next cut.
  let g = firstAtOrAfter(cuts, (c) => c, change.start + 1) - 1;
  if (g < 0) g = 0;
  const segStart = cuts[g]!;
  const segEnd = g + 1 < cuts.length ? cuts[g + 1]! : oldText.length;
  if (change.end > segEnd || (change.end === segEnd && g + 1 < cuts.length)) return full(newText);
  const firstIndex = firstItem[g]!;
  const endIndex = g + 1 < firstItem.length ? firstItem[g + 1]! : items.length;
  const isLast = g + 1 >= cuts.length;
  // The header decides what may stand where in the whole file: editing it is a full parse.
  for (let i = firstIndex; i < endIndex; i++) if (items[i]!.kind === 'strategy' || items[i]!.kind === 'framework') return full(newText);
  if (g > 0 && !endsWithBrace(oldText, items[firstIndex - 1]!)) return full(newText);

  const newSegEnd = segEnd + delta;
  if (!isLineStart(newText, newSegEnd)) return full(newText);
  // Parsed from a copy of its own: the tree's texts are slices of what it was parsed from, and a slice keeps its
  // whole parent alive, so every block kept from an earlier edit would keep that edit's version of the document
  // (300 edits in different blocks of a 1 MB document held 180 MB of old versions, measured after GC).
  const segmentText = ownString(newText.slice(segStart, newSegEnd));
  const sub = parse(segmentText);
  if (sub.problems.some((p) => p.kind === 'lexical' || p.kind === 'syntax')) return full(newText);
  const fresh = sub.document.items;
  if (fresh.some((s) => s.kind === 'strategy' || s.kind === 'framework')) return full(newText);
  if (!isLast && (fresh.length === 0 || !endsWithBrace(segmentText, fresh[fresh.length - 1]!))) return full(newText);

  const startLine = g === 0 ? 0 : items[firstIndex]!.range.start.line;
  const oldBreaks = isLast ? lineBreaks(oldText, segStart, segEnd) : items[endIndex]!.range.start.line - startLine;
  const newBreaks = sub.lines.lineCount - 1;
  const lineDelta = newBreaks - oldBreaks;

  // The new segment, moved to where it stands (its own fresh objects).
  const inSegment = shiftPositions(fresh, segStart, startLine);
  const after = items.slice(endIndex);
  const newItems: Statement[] = [...items.slice(0, firstIndex), ...inSegment, ...after];

  const comments = previous.document.comments;
  const c0 = firstAtOrAfter(comments, (c) => c.range.start.offset, segStart);
  const c1 = isLast ? comments.length : firstAtOrAfter(comments, (c) => c.range.start.offset, segEnd);
  const commentsAfter = comments.slice(c1);
  const newComments: Comment[] = [...comments.slice(0, c0), ...shiftPositions(sub.document.comments, segStart, startLine), ...commentsAfter];

  // Read before anything moves: the old end may be a position of the last statement.
  const oldEnd = previous.document.range.end;
  const end: Position = isLast
    ? shiftPositions(sub.document.range.end, segStart, startLine)
    : { line: oldEnd.line + lineDelta, character: oldEnd.character, offset: oldEnd.offset + delta };
  const document: StrategyDocument = { kind: 'document', range: { start: { line: 0, character: 0, offset: 0 }, end }, items: newItems, comments: newComments };

  // Problems: the segment's own values, its structure judged with the file's header (as the full parse judges it).
  const problems = previous.problems;
  const p0 = firstAtOrAfter(problems, (p) => p.range.start.offset, segStart);
  const p1 = isLast ? problems.length : firstAtOrAfter(problems, (p) => p.range.start.offset, segEnd);
  const problemsAfter = problems.slice(p1);
  // The segment holds no header (that is a full parse), so its structure is judged alone, by the file's kind.
  const segmentProblems: SyntaxProblem[] = [
    ...shiftPositions(sub.problems.filter((p) => p.kind === 'value'), segStart, startLine),
    ...checkStructure({ ...document, items: inSegment }, documentKindOf(document)).map((p): SyntaxProblem => ({ kind: 'structure', ...p })),
  ];
  segmentProblems.sort((a, b) => a.range.start.offset - b.range.start.offset);
  const newProblems: SyntaxProblem[] = [...problems.slice(0, p0), ...segmentProblems, ...problemsAfter];
  if (newProblems.length > MAX_SYNTAX_PROBLEMS) return full(newText);
  // Last, once nothing can fall back to a full parse: the rest after the segment, moved by the edit, in place.
  // Nothing moves when the edit kept the length and the lines (a word typed over one as long).
  if (delta !== 0 || lineDelta !== 0) moveInPlace(after, [commentsAfter, problemsAfter], delta, lineDelta);
  return {
    // The lines from the previous text's, by the edit (only the edited span is scanned).
    result: { document, problems: newProblems, lines: LineIndex.edited(previous.lines, newText, change) },
    edit: { first: firstIndex, removed: endIndex - firstIndex, inserted: inSegment.length, offsetDelta: delta, lineDelta },
  };
}
