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

  /** Computed on first use: a clean parse never needs it. */
  private get lineStarts(): number[] {
    this.starts ??= LineIndex.computeLineStarts(this.text);
    return this.starts;
  }

  private static computeLineStarts(text: string): number[] {
    const starts = [0];
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

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low]!, offset: clamped };
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
