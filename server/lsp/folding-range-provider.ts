/** Folding: every block over more than one line, and runs of comment lines. */
import { FoldingRangeKind, type FoldingRange, type FoldingRangeParams } from 'vscode-languageserver';
import type { Statement } from '../../grammar/index.js';
import { keyOf } from './document-keys.js';
import type { Project } from './project.js';

export function provideFoldingRanges(project: Project, params: FoldingRangeParams): FoldingRange[] {
  const doc = project.analysed(keyOf(params.textDocument.uri));
  if (!doc) return [];
  const out: FoldingRange[] = [];
  const visit = (items: readonly Statement[]): void => {
    for (const s of items) {
      const hasBlock = ('hasBlock' in s && s.hasBlock) || s.kind === 'partners' || s.kind === 'glossary';
      // The closing brace stays visible: fold up to the line before it.
      if (hasBlock && s.range.end.line - 1 > s.range.start.line) out.push({ startLine: s.range.start.line, endLine: s.range.end.line - 1 });
      if ('items' in s) visit(s.items);
    }
  };
  visit(doc.parsed.document.items);
  let runStart = -1;
  let runEnd = -1;
  const flush = (): void => {
    if (runStart >= 0 && runEnd > runStart) out.push({ startLine: runStart, endLine: runEnd, kind: FoldingRangeKind.Comment });
  };
  for (const c of doc.parsed.document.comments) {
    const line = c.range.start.line;
    const alone = doc.parsed.lines.lineText(line).trimStart().startsWith('//');
    if (alone && line === runEnd + 1 && runStart >= 0) runEnd = line;
    else {
      flush();
      runStart = alone ? line : -1;
      runEnd = alone ? line : -1;
    }
  }
  flush();
  return out;
}
