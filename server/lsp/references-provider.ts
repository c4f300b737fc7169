/**
 * Find references: from a national action or aim, every local commitment in
 * the workspace that supports it (open or not); from a framework, every
 * strategy naming it; from an indicator, every measure and target using it;
 * from an acronym, its glossary entry and its uses.
 */
import type { CancellationToken, Location, ReferenceParams } from 'vscode-languageserver';
import { findOccurrences } from '../analysis/reference-finder.js';
import { symbolAt } from '../analysis/symbol-at.js';
import { Slicer } from './cancellation.js';
import { compactToLsp } from './conversions.js';
import { keyOf, uriOf } from './document-keys.js';
import type { Project } from './project.js';

export async function provideReferences(project: Project, params: ReferenceParams, token: CancellationToken): Promise<Location[] | null> {
  project.refreshOpenDocuments();
  const key = keyOf(params.textDocument.uri);
  const doc = project.analysed(key);
  if (!doc) return null;
  const target = symbolAt(doc, doc.parsed.lines.offsetAt(params.position.line, params.position.character));
  if (!target || target.kind === 'keyword' || target.kind === 'rule') return null;
  const slicer = new Slicer(token);
  const occurrences = await findOccurrences(target, doc, {
    workspace: project.workspace,
    index: project.index,
    framework: project.frameworkFor(doc),
    configuredAcronyms: project.settingsFor(key).acronyms,
    checkpoint: () => slicer.proceed(),
  });
  return occurrences.filter((o) => params.context.includeDeclaration || !o.declaration).map((o) => ({ uri: uriOf(o.key), range: compactToLsp(o.range) }));
}
