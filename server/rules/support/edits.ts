/** Building text edits that keep the canonical layout. */
import type { ContainerStatement, Position, Range } from '../../../grammar/index.js';
import type { AnalysedDocument } from '../../analysis/document-model.js';
import type { TextEdit } from '../rule.js';

export function pointRange(p: Position): Range {
  return { start: p, end: p };
}

function indentOf(doc: AnalysedDocument, line: number): string {
  return /^\s*/.exec(doc.parsed.lines.lineText(line))?.[0] ?? '';
}

/**
 * Adds a statement inside `node`'s block, as its first line; opens a block
 * when the node has none.
 */
export function insertStatement(doc: AnalysedDocument, node: ContainerStatement, statement: string): TextEdit {
  const lines = doc.parsed.lines;
  const outer = indentOf(doc, node.range.start.line);
  const inner = `${outer}  `;
  if (!node.hasBlock) {
    return { range: pointRange(node.range.end), newText: ` {\n${inner}${statement}\n${outer}}` };
  }
  const headEnd = node.title?.range.end.offset ?? node.keywordRange.end.offset;
  const braceOffset = doc.text.indexOf('{', headEnd);
  if (braceOffset < 0 || braceOffset >= node.range.end.offset) return { range: pointRange(node.range.end), newText: `\n${inner}${statement}` };
  const afterBrace = lines.positionAt(braceOffset + 1);
  // The block's own `}`, when it has one: an unclosed block (`commitment "x" {` at the end of the file) ends at its `{`.
  const closed = node.range.end.offset - 1 > braceOffset && doc.text.charCodeAt(node.range.end.offset - 1) === 125;
  if (closed && node.items.length === 0 && doc.text.slice(braceOffset + 1, node.range.end.offset - 1).trim() === '') {
    // `{}` or `{ }`: rewrite the block whole.
    return { range: { start: afterBrace, end: lines.positionAt(node.range.end.offset - 1) }, newText: `\n${inner}${statement}\n${outer}` };
  }
  return { range: pointRange(afterBrace), newText: `\n${inner}${statement}` };
}

/** Removes whole lines `first`..`last` (inclusive) including their line break. */
export function deleteLines(doc: AnalysedDocument, first: number, last: number): TextEdit {
  const lines = doc.parsed.lines;
  const start = lines.positionAt(lines.offsetAt(first, 0));
  const end = last + 1 < lines.lineCount ? lines.positionAt(lines.offsetAt(last + 1, 0)) : lines.positionAt(doc.text.length);
  return { range: { start, end }, newText: '' };
}

export function replaceRange(range: Range, newText: string): TextEdit {
  return { range, newText };
}
