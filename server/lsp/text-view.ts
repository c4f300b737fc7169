/**
 * An open document as it is now, read against its last analysis: what
 * completion answers from while the reparse an edit caused is still pending
 * (rust-analyzer's rule: completion never waits for analysis). The text and
 * its lines are the current ones; the tree is the last analysed one, and
 * offsets are mapped between the two across the one span the edits since
 * have changed.
 */
import { changedSpan } from '../../grammar/incremental-parse.js';
import type { LineIndex, Position } from '../../grammar/index.js';
import type { CursorSource } from '../analysis/cursor-context.js';
import { cursorSourceOf } from '../analysis/cursor-context.js';
import type { AnalysedDocument } from '../analysis/document-model.js';

export interface TextView {
  /** The last analysis; its tree may be older than `text`. */
  readonly doc: AnalysedDocument;
  /** The text as the editor has it now, and its lines. */
  readonly text: string;
  readonly lines: Lines;
  /** Whether `doc` is the analysis of `text` itself. */
  readonly current: boolean;
  /** An offset of `text` → the same place in `doc`'s tree (inside what was typed since: where that starts). */
  toTree(offset: number): number;
  /** The text and the top-level statement starts completion's cursor context reads. */
  readonly cursorSource: CursorSource;
}

/** The line-index questions completion asks (`LineIndex`'s). */
export interface Lines {
  positionAt(offset: number): Position;
  offsetAt(line: number, character: number): number;
}

function isBreak(c: number): boolean {
  return c === 10 || c === 13;
}

/** Line breaks in text[from, to), as LineIndex counts them (CR LF is one). */
function breaksIn(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/**
 * The lines of `text`, an edit of `old` (whose lines are `oldLines`) that
 * replaced old[start, end) with text[start, newEnd): answered from the old
 * index and the few lines the edit touched, without a scan of the whole new
 * text (a megabyte, after every keystroke). Offsets between a CR and its LF
 * are not asked for by editors, and are not answered as LineIndex does.
 */
export function shiftedLines(old: string, oldLines: LineIndex, text: string, changed: { start: number; end: number; newEnd: number }): Lines {
  const delta = text.length - old.length;
  // Widened so that neither end cuts a CR LF in two: an edit between them makes two breaks of one, or one of two.
  const span = { ...changed };
  if (span.start > 0 && text.charCodeAt(span.start - 1) === 13) span.start--;
  if (text.charCodeAt(span.newEnd) === 10 && span.newEnd < text.length) {
    span.end++;
    span.newEnd++;
  }
  const startLine = oldLines.positionAt(span.start).line;
  const endLineOld = oldLines.positionAt(span.end).line;
  const newBreaks = breaksIn(text, span.start, span.newEnd);
  // The line of text holding newEnd, and how far the lines after it moved.
  const endLineNew = startLine + newBreaks;
  const lineDelta = endLineNew - endLineOld;
  const lineStartBefore = (offset: number): number => {
    let i = offset;
    while (i > 0 && !isBreak(text.charCodeAt(i - 1))) i--;
    return i;
  };
  const lineOf = (offset: number): number => {
    if (offset <= span.start) return oldLines.positionAt(offset).line;
    if (offset <= span.newEnd) return startLine + breaksIn(text, span.start, offset);
    return oldLines.positionAt(offset - delta).line + lineDelta;
  };
  return {
    positionAt(offset) {
      const clamped = Math.max(0, Math.min(offset, text.length));
      if (clamped <= span.start) return oldLines.positionAt(clamped);
      const line = lineOf(clamped);
      if (line > endLineNew) {
        const p = oldLines.positionAt(clamped - delta);
        return { line, character: p.character, offset: clamped };
      }
      return { line, character: clamped - lineStartBefore(clamped), offset: clamped };
    },
    offsetAt(line, character) {
      if (line < startLine || line < 0) return oldLines.offsetAt(line, character);
      if (line > endLineNew) return line - lineDelta >= oldLines.lineCount ? text.length : oldLines.offsetAt(line - lineDelta, character) + delta;
      // A line the edit touched: found by walking the new text from the start of the edit's first line.
      let start = oldLines.offsetAt(startLine, 0);
      for (let l = startLine; l < line; l++) {
        while (start < text.length && !isBreak(text.charCodeAt(start))) start++;
        if (start >= text.length) return text.length;
        start += text.charCodeAt(start) === 13 && text.charCodeAt(start + 1) === 10 ? 2 : 1;
      }
      let end = start;
      while (end < text.length && !isBreak(text.charCodeAt(end))) end++;
      return Math.min(start + Math.max(0, character), end);
    },
  };
}

/** Characters whose insertion or removal can change where a brace, a string or a comment is read. */
const LEXICALLY_SIGNIFICANT = /[{}"\u201c\u201d\\/\r\n]/;

export function currentView(doc: AnalysedDocument): TextView {
  return { doc, text: doc.text, lines: doc.parsed.lines, current: true, toTree: (offset) => offset, cursorSource: cursorSourceOf(doc) };
}

/** `text` read against `doc`, the analysis of an earlier text of the same document. */
export function staleView(doc: AnalysedDocument, text: string): TextView {
  if (doc.text === text) return currentView(doc);
  const span = changedSpan(doc.text, text);
  const delta = text.length - doc.text.length;
  const lines = shiftedLines(doc.text, doc.parsed.lines, text, span);
  const toTree = (offset: number): number => (offset <= span.start ? offset : offset >= span.newEnd ? offset - delta : span.start);
  // Statements after the change keep their starts (moved by the delta) only if the change cannot have opened or
  // closed a block, a string or a comment: none of those characters typed, removed, or on either side of it.
  const around = (t: string, at: number): string => (at > 0 ? t.charAt(at - 1) : '');
  const neutral =
    !LEXICALLY_SIGNIFICANT.test(doc.text.slice(span.start, span.end)) &&
    !LEXICALLY_SIGNIFICANT.test(text.slice(span.start, span.newEnd)) &&
    !LEXICALLY_SIGNIFICANT.test(around(text, span.start) + text.charAt(span.newEnd));
  const changeLineEnd = ((): number => {
    const nl = doc.text.indexOf('\n', span.end);
    return nl < 0 ? doc.text.length : nl;
  })();
  const items = doc.parsed.document.items;
  return {
    doc,
    text,
    lines,
    current: false,
    toTree,
    cursorSource: {
      text,
      lines,
      statementStartBefore(upTo) {
        let from = 0;
        const treeUpTo = toTree(upTo);
        for (const item of items) {
          const start = item.range.start.offset;
          if (start > treeUpTo) break;
          if (start <= span.start) from = start;
          else if (neutral && start > changeLineEnd) from = start + delta;
        }
        return from;
      },
    },
  };
}
