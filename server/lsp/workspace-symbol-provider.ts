/** Workspace symbols: the declarations of every strategy file, open or not, from the index. */
import { SymbolKind, type CancellationToken, type SymbolInformation, type WorkspaceSymbolParams } from 'vscode-languageserver';
import type { SummarySymbolKind } from '../analysis/document-summary.js';
import { Slicer } from './cancellation.js';
import { compactToLsp } from './conversions.js';
import { shorten } from './descriptions.js';
import { uriOf } from './document-keys.js';
import type { Project } from './project.js';

/** Enough to choose from; more is noise in a picker. */
export const WORKSPACE_SYMBOL_LIMIT = 250;

const KINDS: Record<SummarySymbolKind, SymbolKind> = {
  strategy: SymbolKind.File,
  framework: SymbolKind.File,
  priority: SymbolKind.Namespace,
  section: SymbolKind.Package,
  aim: SymbolKind.Class,
  commitment: SymbolKind.Function,
  action: SymbolKind.Method,
};

export async function provideWorkspaceSymbols(project: Project, params: WorkspaceSymbolParams, token: CancellationToken): Promise<SymbolInformation[]> {
  project.refreshOpenDocuments();
  const slicer = new Slicer(token);
  const hits = await project.index.searchSymbols(params.query, WORKSPACE_SYMBOL_LIMIT, () => slicer.proceed());
  return hits.map(({ summary, symbol }) => {
    const parent = summary.symbols.at(symbol.parent);
    const title = symbol.title ? shorten(symbol.title, 90) : undefined;
    return {
      name: `${symbol.kind === 'action' ? 'action ' : ''}${symbol.id ?? ''}${symbol.id && title ? ' ' : ''}${title ?? ''}` || symbol.kind,
      kind: KINDS[symbol.kind],
      location: { uri: uriOf(summary.key), range: compactToLsp(symbol.selection) },
      ...(parent ? { containerName: parent.id ?? shorten(parent.title ?? parent.kind, 40) } : {}),
    };
  });
}
