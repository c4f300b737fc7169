/**
 * One walk of a document's tree for every section of its report: each
 * section gives a visitor, and the walk calls them all at each statement
 * (a walk per section cost as much as the sections' own work).
 */
import type { Statement } from '../../grammar/index.js';
import { walkStatements, type Ancestors } from '../analysis/walk.js';
import type { AnalysedDocument } from '../analysis/document-model.js';

/** Called for every statement in document order; `ancestors` is only valid during the call. */
export type SectionVisitor = (node: Statement, ancestors: Ancestors) => void;

export function walkSections(doc: AnalysedDocument, visitors: readonly SectionVisitor[]): void {
  walkStatements(doc.parsed.document, (node, ancestors) => {
    for (const visit of visitors) visit(node, ancestors);
  });
}
