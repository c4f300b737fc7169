/**
 * One walk of a document's tree for every section of its report: each
 * section gives a visitor, and the walk calls them all at each statement
 * (a walk per section cost as much as the sections' own work).
 */
import type { Statement } from '../../grammar/index.js';
import { walkStatements, type Ancestors } from '../analysis/walk.js';
import type { AnalysedDocument } from '../analysis/document-model.js';

/** Called for every statement of the section's kinds in document order; `ancestors` is only valid during the call. */
export type SectionVisitor = (node: Statement, ancestors: Ancestors) => void;

/** A section's part in the walk: the kinds of statement it reads, and its visitor. */
export interface SectionWalker {
  readonly kinds: readonly Statement['kind'][];
  readonly visit: SectionVisitor;
}

/** Each statement goes only to the sections that read its kind (most statements are read by none). */
export function walkSections(doc: AnalysedDocument, sections: readonly SectionWalker[]): void {
  const byKind = new Map<Statement['kind'], SectionVisitor[]>();
  for (const section of sections) {
    for (const kind of section.kinds) {
      const list = byKind.get(kind);
      if (list) list.push(section.visit);
      else byKind.set(kind, [section.visit]);
    }
  }
  walkStatements(doc.parsed.document, (node, ancestors) => {
    const visitors = byKind.get(node.kind);
    if (visitors) for (let i = 0; i < visitors.length; i++) visitors[i]!(node, ancestors);
  });
}
