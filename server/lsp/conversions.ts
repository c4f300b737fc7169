/** Between the analysis's shapes and the protocol's: ranges, edits, severities. */
import { DiagnosticSeverity, type Range as LspRange, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { Range } from '../../grammar/index.js';
import type { CompactRange } from '../analysis/document-summary.js';
import type { Severity, TextEdit } from '../rules/rule.js';

export function toLspRange(range: Range): LspRange {
  return { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } };
}

export function compactToLsp(range: CompactRange): LspRange {
  return { start: { line: range.startLine, character: range.startCharacter }, end: { line: range.endLine, character: range.endCharacter } };
}

export function toLspEdit(edit: TextEdit): LspTextEdit {
  return { range: toLspRange(edit.range), newText: edit.newText };
}

export function toLspSeverity(severity: Severity): DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'info':
      return DiagnosticSeverity.Information;
  }
}

/** Whether `offset` lies within `range` (its end included: a cursor right after a word is on it). */
export function containsOffset(range: Range, offset: number): boolean {
  return range.start.offset <= offset && offset <= range.end.offset;
}

export function rangesEqual(a: LspRange, b: LspRange): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
