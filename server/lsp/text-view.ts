/**
 * An open document as it is now, read against its last analysis: what
 * completion answers from while the reparse an edit caused is still pending
 * (rust-analyzer's rule: completion never waits for analysis). The text and
 * its lines are the current ones; the tree is the last analysed one, and
 * offsets are mapped between the two across the one span the edits since
 * have changed.
 */
import { changedSpan } from '../../grammar/incremental-parse.js';
import { LineIndex, type Position } from '../../grammar/index.js';
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
  // The reparse's own derivation of the lines: only the edited span is scanned, not the whole new text.
  const lines = LineIndex.edited(doc.parsed.lines, text, span);
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
