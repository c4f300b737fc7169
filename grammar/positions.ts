/** Conversions between Chevrotain's 1-based inclusive locations and our 0-based exclusive ranges. */
import type { CstNodeLocation, IToken } from 'chevrotain';
import type { Position, Range } from './ast.js';

export function tokenRange(token: IToken): Range {
  return {
    start: { line: token.startLine! - 1, character: token.startColumn! - 1, offset: token.startOffset },
    end: { line: token.endLine! - 1, character: token.endColumn!, offset: token.endOffset! + 1 },
  };
}

export function locationRange(loc: CstNodeLocation): Range {
  return {
    start: { line: loc.startLine! - 1, character: loc.startColumn! - 1, offset: loc.startOffset },
    end: { line: loc.endLine! - 1, character: loc.endColumn!, offset: loc.endOffset! + 1 },
  };
}

export function spanRanges(first: Range, last: Range): Range {
  return { start: first.start, end: last.end };
}

/** Maps offsets to positions for one text; built once per document. */
export class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  /**
   * The index of `text`, an edit of the text `previous` indexes that replaced
   * its [start, end) with text[start, newEnd): the line starts before the
   * edit are kept, those after it moved by the change in length, and only
   * the edited span is scanned. A scan of the whole text after every
   * keystroke was most of the reparse's own cost on a 1 MB document besides
   * moving positions (profiled). A line start depends only on the characters
   * either side of it (CR LF is one break), so a start outside the edit and
   * its two neighbours cannot change. When `previous` never computed its
   * starts, the new index computes its own when asked (it must not hold on to
   * the previous text).
   */
  static edited(previous: LineIndex, text: string, change: { readonly start: number; readonly end: number; readonly newEnd: number }): LineIndex {
    const next = new LineIndex(text);
    const old = previous.starts;
    if (!old) return next;
    const delta = text.length - previous.text.length;
    const { start, end, newEnd } = change;
    // Kept: starts s < start (text[s - 1] and text[s] lie before the edit).
    const out = old.slice(0, firstAtOrAbove(old, start));
    if (start === 0) out.push(0);
    // Scanned: starts in [start, newEnd].
    for (let s = Math.max(start, 1); s <= newEnd; s++) {
      const c = text.charCodeAt(s - 1);
      if (c === 10 || (c === 13 && text.charCodeAt(s) !== 10)) out.push(s);
    }
    // Moved: old starts s ≥ end + 1 (old[s - 1] and old[s] lie after the edit), now at s + delta ≥ newEnd + 1.
    for (let i = firstAtOrAbove(old, end + 1); i < old.length; i++) out.push(old[i]! + delta);
    next.starts = out;
    return next;
  }

  /**
   * Takes `starts` as this text's line starts, if they are not known yet:
   * the scanner gathers them as it steps over the line breaks, which saves
   * the parse a pass over the text. They must be what this index would
   * compute (the scanner's tests hold it to that).
   */
  adoptLineStarts(starts: number[]): void {
    this.starts ??= starts;
  }

  /** Computed on first use, unless the scanner gave them (`adoptLineStarts`). */
  private get lineStarts(): number[] {
    this.starts ??= LineIndex.computeLineStarts(this.text);
    return this.starts;
  }

  private static computeLineStarts(text: string): number[] {
    const starts = [0];
    if (text.indexOf('\r') < 0) {
      // No carriage returns (most texts): the engine's search for `\n` beats a loop over every character.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      return starts;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    return starts;
  }

  /** The offset each line starts at (line 0 at 0), in order. */
  get lineStartOffsets(): readonly number[] {
    return this.lineStarts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.lineStarts;
    const line = findLine(starts, clamped, 0, starts.length - 1);
    return { line, character: clamped - starts[line]!, offset: clamped };
  }

  /**
   * The offset of a line and character; a character past the line's end means
   * the line's end (before its line break), as LSP positions do.
   */
  offsetAt(line: number, character: number): number {
    if (line >= this.lineStarts.length) return this.text.length;
    if (line < 0) return 0;
    const start = this.lineStarts[line]!;
    let end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! : this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return Math.min(start + Math.max(0, character), end);
  }

  rangeOf(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }

  /** The text of line `line` without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line] ?? this.text.length;
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! : this.text.length;
    return this.text.slice(start, next).replace(/\r?\n$|\r$/, '');
  }
}

/**
 * Positions of tokens lexed with offsets only (`lexer.ts`'s `lexOffsets`):
 * the parse asks for them mostly in increasing order, so a cursor on the
 * line starts answers in a step or two, and a binary search when asked about
 * an earlier line (a statement's start, after its block's statements).
 * Cheaper than Chevrotain's full position tracking, which computes and stores
 * four more numbers on every token. The line breaks are Chevrotain's and
 * LineIndex's (`\n`, `\r\n`, lone `\r`), and no token but skipped
 * whitespace holds one, so a token ends on the line it starts.
 */
export class TokenPositions {
  private line = 0;
  /** The line starts, read from `lines` on first use (the lexer may give them to `lines` after this is made). */
  private knownStarts: readonly number[] | undefined;

  constructor(private readonly lines: LineIndex) {}

  private get starts(): readonly number[] {
    return (this.knownStarts ??= this.lines.lineStartOffsets);
  }

  /** The 0-based line of `offset`. */
  lineOf(offset: number): number {
    const starts = this.starts;
    let line = this.line;
    if (starts[line]! <= offset) {
      // Forward: most often the same line or the next.
      const last = starts.length - 1;
      if (line < last && starts[line + 1]! <= offset) {
        line++;
        if (line < last && starts[line + 1]! <= offset) line = findLine(starts, offset, line + 1, last);
      }
    } else {
      // Backward: most often a few lines (a statement's start after its block), so gallop before the binary search.
      let step = 1;
      let low = line - 1;
      while (low > 0 && starts[low]! > offset) {
        line = low;
        low = Math.max(0, low - step);
        step *= 2;
      }
      line = findLine(starts, offset, low, line - 1);
    }
    this.line = line;
    return line;
  }

  /** The 0-based character of `offset` on its line. */
  characterOf(offset: number): number {
    return offset - this.starts[this.lineOf(offset)]!;
  }

  /** Where a token starts: `tokenRange(token).start`, without the range and its end. */
  tokenStart(token: IToken): Position {
    const offset = token.startOffset;
    if (Number.isNaN(offset)) return { line: NaN, character: NaN, offset };
    const line = this.lineOf(offset);
    return { line, character: offset - this.starts[line]!, offset };
  }

  /** Where a token ends: `tokenRange(token).end`, without the range and its start (on the start's line: no token holds a line break). */
  tokenEnd(token: IToken): Position {
    const offset = token.startOffset;
    if (Number.isNaN(offset)) return { line: NaN, character: NaN, offset: NaN };
    const line = this.lineOf(offset);
    const end = token.endOffset! + 1;
    return { line, character: end - this.starts[line]!, offset: end };
  }

  /** A token's range: the same as `tokenRange` of the token lexed with full positions. */
  tokenRange(token: IToken): Range {
    const offset = token.startOffset;
    // A token made up in recovery has no place (as with full positions, whose lines are NaN then too).
    if (Number.isNaN(offset)) return { start: { line: NaN, character: NaN, offset }, end: { line: NaN, character: NaN, offset: NaN } };
    const line = this.lineOf(offset);
    const character = offset - this.starts[line]!;
    const end = token.endOffset! + 1;
    return { start: { line, character, offset }, end: { line, character: character + end - offset, offset: end } };
  }
}

/** The index of the first of sorted `starts` at or above `offset` (`starts.length` if none is). */
function firstAtOrAbove(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid]! < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The last line in [low, high] of sorted `starts` that starts at or before `offset` (`starts[low]` does). */
function findLine(starts: readonly number[], offset: number, low: number, high: number): number {
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
