/**
 * Document highlights from the language, not from words: with the cursor on
 * `supports action 40`, every reference to action 40 in this document (and
 * its declaration, in a framework); on an aim code, an indicator, a
 * framework id, an acronym or a priority's or commitment's id, that thing's
 * occurrences. Anywhere else (a keyword, the words of a title or a
 * paragraph) nothing: the editor's word-based highlighting would match
 * common words all through the prose, and a registered provider replaces it.
 */
import { DocumentHighlightKind, type DocumentHighlight, type DocumentHighlightParams } from 'vscode-languageserver';
import type { Range } from '../../grammar/index.js';
import type { AnalysedDocument } from '../analysis/document-model.js';
import { acronymUses } from '../analysis/reference-finder.js';
import { symbolAt, type SymbolTarget } from '../analysis/symbol-at.js';
import { walkStatements } from '../analysis/walk.js';
import { compactToLsp, toLspRange } from './conversions.js';
import { keyOf } from './document-keys.js';
import type { Project } from './project.js';

function highlight(range: Range, write: boolean): DocumentHighlight {
  return { range: toLspRange(range), kind: write ? DocumentHighlightKind.Write : DocumentHighlightKind.Read };
}

/** Occurrences of `target` in `doc` alone. */
export function highlightsIn(doc: AnalysedDocument, target: SymbolTarget): DocumentHighlight[] {
  const out: DocumentHighlight[] = [];
  switch (target.kind) {
    case 'action':
    case 'aim': {
      const value = target.kind === 'action' ? target.number : target.code;
      walkStatements(doc.parsed.document, (s) => {
        if (s.kind === target.kind && s.id?.value === value) out.push(highlight(s.id.range, true));
        if (s.kind === 'supports' && s.target === target.kind) for (const r of s.refs) if (r.value === value) out.push(highlight(r.range, false));
        if (target.kind === 'aim' && s.kind === 'nationalAim' && s.id?.value === value) out.push(highlight(s.id.range, false));
      });
      return out;
    }
    case 'indicator':
      walkStatements(doc.parsed.document, (s) => {
        if ((s.kind === 'measure' || s.kind === 'target') && s.indicator?.code === target.code) out.push(highlight(s.indicator.range, false));
      });
      return out;
    case 'framework':
      if (doc.header?.kind === 'framework' && doc.header.id?.value === target.id) out.push(highlight(doc.header.id.range, true));
      for (const r of doc.frameworkRefs) if (r.value === target.id) out.push(highlight(r.range, false));
      return out;
    case 'acronym':
      return acronymUses(doc, target.term).map((o) => ({ range: compactToLsp(o.range), kind: o.declaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }));
    case 'localId':
      return [highlight(target.range, true)];
    default:
      return [];
  }
}

export function provideDocumentHighlights(project: Project, params: DocumentHighlightParams): DocumentHighlight[] {
  const doc = project.analysed(keyOf(params.textDocument.uri));
  if (!doc) return [];
  const target = symbolAt(doc, doc.parsed.lines.offsetAt(params.position.line, params.position.character));
  return target ? highlightsIn(doc, target) : [];
}
