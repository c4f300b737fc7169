/**
 * The rule pages, rendered and read-only. Diagnostics link their rule's
 * page as `strategy-docs:/rules/<id>.md` (the server is told the scheme at
 * start); this serves those pages from the extension's own docs/ folder as
 * read-only documents, and opens the markdown preview in place of the
 * source, so a click on a rule id shows the page as a reader expects rather
 * than raw, editable markdown from the install folder.
 */
import * as vscode from 'vscode';
import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';

export const RULE_DOCS_SCHEME = 'strategy-docs';

/** The file under `docsDir` a `strategy-docs:` URI names, or undefined if it points outside it. */
export function docsFileOf(docsDir: string, uri: vscode.Uri): string | undefined {
  const file = normalize(join(docsDir, ...uri.path.split('/').filter((p) => p !== '')));
  return file.startsWith(docsDir + sep) && file.endsWith('.md') ? file : undefined;
}

export function registerRuleDocs(docsDir: string): vscode.Disposable {
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      const file = docsFileOf(docsDir, uri);
      if (!file) return `No such page: ${uri.path}`;
      try {
        return await readFile(file, 'utf8');
      } catch {
        return `No such page: ${uri.path}`;
      }
    },
  };
  const previewed = new Set<string>();
  const showRendered = async (editor: vscode.TextEditor | undefined): Promise<void> => {
    const uri = editor?.document.uri;
    if (!uri || uri.scheme !== RULE_DOCS_SCHEME || previewed.has(uri.toString())) return;
    previewed.add(uri.toString());
    try {
      await vscode.commands.executeCommand('markdown.showPreview', uri);
      // The source tab the link opened gives way to the rendered page.
      for (const group of vscode.window.tabGroups.all) {
        for (const tab of group.tabs) if (tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString()) await vscode.window.tabGroups.close(tab);
      }
    } finally {
      previewed.delete(uri.toString());
    }
  };
  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(RULE_DOCS_SCHEME, provider),
    vscode.window.onDidChangeActiveTextEditor((e) => void showRendered(e)),
  );
}
