/**
 * "Strategy: Convert Document to Strategy": converts a .txt, .md, .docx,
 * .html or .pdf file as `strategy convert` does, writes the result beside it
 * (asking before replacing a file that differs), opens it and shows the
 * conversion report. The conversion is the converter's (a pure module, loaded
 * on first use); this file only talks to the user and the file system.
 */
import * as vscode from 'vscode';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { CONVERTIBLE_EXTENSIONS } from './command-ids.js';
import { freeTargetPath, isConvertible } from './conversion-paths.js';
import { reportMarkdown, reportSummary } from './conversion-report.js';
import { loadConverter, type ConversionReport, type PlannedFile } from './converter-api.js';

/** What to do when a file to write exists with other content. People are always asked; callers such as tests may decide up front. */
export type ExistingTargetChoice = 'ask' | 'replace' | 'keepBoth' | 'cancel';

export interface ConvertOptions {
  readonly ifExists?: ExistingTargetChoice;
}

export interface ConvertOutcome {
  /** The converted document, as written and opened. */
  readonly output: vscode.Uri;
  /** Every file written: the result and any framework built beside it. */
  readonly written: readonly vscode.Uri[];
  readonly report: ConversionReport;
}

const REPLACE = 'Replace';
const KEEP_BOTH = 'Keep Both';

async function currentText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

async function pickSource(given: unknown): Promise<vscode.Uri | undefined> {
  if (given instanceof vscode.Uri) return given;
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && active.scheme === 'file' && isConvertible(active.fsPath)) return active;
  const picked = await vscode.window.showOpenDialog({
    title: 'Convert Document to Strategy',
    openLabel: 'Convert',
    canSelectMany: false,
    filters: { 'Strategy sources': CONVERTIBLE_EXTENSIONS.map((e) => e.slice(1)) },
  });
  return picked?.[0];
}

async function askAboutExisting(source: vscode.Uri, clashes: readonly PlannedFile[]): Promise<ExistingTargetChoice> {
  const names = clashes.map((f) => basename(f.path));
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
  const answer = await vscode.window.showWarningMessage(
    `${list} already ${names.length === 1 ? 'exists' : 'exist'} and ${names.length === 1 ? 'differs' : 'differ'} from the conversion of ${basename(source.fsPath)}. Replace ${names.length === 1 ? 'it' : 'them'}?`,
    { modal: true, detail: '"Keep Both" writes the converted document under a new name and leaves every existing file as it is.' },
    // The first button is the default one: the choice that loses nothing.
    KEEP_BOTH,
    REPLACE,
  );
  return answer === REPLACE ? 'replace' : answer === KEEP_BOTH ? 'keepBoth' : 'cancel';
}

/** The files to write, after asking about the ones that would replace different content; undefined when the user cancels. */
async function decideWrites(source: vscode.Uri, files: readonly PlannedFile[], choice: ExistingTargetChoice): Promise<PlannedFile[] | undefined> {
  const current = await Promise.all(files.map((f) => currentText(f.path)));
  const clashes = files.filter((f, i) => current[i] !== undefined && current[i] !== f.text);
  const decided = clashes.length === 0 ? 'replace' : choice === 'ask' ? await askAboutExisting(source, clashes) : choice;
  if (decided === 'cancel') return undefined;
  // Identical files need no writing; with "Keep Both", existing files are left alone and the result gets a free name.
  const writes: PlannedFile[] = [];
  for (const [i, f] of files.entries()) {
    if (current[i] === f.text) continue;
    if (current[i] === undefined || decided === 'replace') writes.push(f);
    else if (f.role === 'result') {
      const taken = new Set((await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(vscode.Uri.file(f.path), '..'))).map(([name]) => name));
      writes.push({ ...f, path: freeTargetPath(f.path, (p) => taken.has(basename(p))) });
    }
  }
  return writes;
}

async function showReport(report: ConversionReport): Promise<void> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: reportMarkdown(report) });
  await vscode.commands.executeCommand('markdown.showPreviewToSide', doc.uri);
}

export function registerConvertCommand(commandId: string, converterBundle: string, output: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand(commandId, async (uri?: unknown, _selected?: unknown, options?: ConvertOptions): Promise<ConvertOutcome | undefined> => {
    const source = await pickSource(uri);
    if (!source) return undefined;
    if (source.scheme !== 'file' || !isConvertible(source.fsPath)) {
      void vscode.window.showErrorMessage(`Strategy converts ${CONVERTIBLE_EXTENSIONS.join(', ')} files on disk; ${basename(source.path)} is not one.`);
      return undefined;
    }
    const folder = vscode.workspace.getWorkspaceFolder(source);
    let plan;
    try {
      plan = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Converting ${basename(source.fsPath)}…` }, async () => {
        const strategyFiles = (await vscode.workspace.findFiles('**/*.strategy', '**/node_modules/**')).filter((u) => u.scheme === 'file').map((u) => u.fsPath);
        return loadConverter(converterBundle).planConversion(source.fsPath, { ...(folder ? { configFolder: folder.uri.fsPath } : {}), strategyFiles });
      });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      output.error(`Converting ${source.fsPath} failed: ${message}`);
      void vscode.window.showErrorMessage(`Converting ${basename(source.fsPath)} failed: ${message}`);
      return undefined;
    }
    for (const p of plan.problems) output.warn(p);
    const writes = await decideWrites(source, plan.files, options?.ifExists ?? 'ask');
    if (!writes) return undefined;
    for (const f of writes) await vscode.workspace.fs.writeFile(vscode.Uri.file(f.path), Buffer.from(f.text, 'utf8'));
    const result = writes.find((f) => f.role === 'result') ?? plan.files[0]!;
    const report: ConversionReport = { ...plan.report, output: result.path };
    const opened = vscode.Uri.file(result.path);
    await vscode.window.showTextDocument(opened, { preview: false });
    const frameworks = writes.filter((f) => f.role === 'framework').map((f) => `\n  framework "${f.title ?? ''}" built from its description → ${f.path}`);
    output.info(`Converted ${source.fsPath} → ${result.path}${frameworks.join('')}\n${reportMarkdown(report)}`);
    // Not awaited: the notification stays until dismissed, and the command's caller must not wait for it.
    void vscode.window.showInformationMessage(reportSummary(report), 'Show Report').then((answer) => (answer ? showReport(report) : undefined));
    return { output: opened, written: writes.map((f) => vscode.Uri.file(f.path)), report };
  });
}
