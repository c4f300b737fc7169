/**
 * Helpers for tests that run inside the extension host: find the test
 * workspace's files, open them, and wait for the language server's results
 * by listening to VS Code's events (never by sleeping).
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { StrategyExtensionApi } from '../../../client/extension.js';
import { isConvertible } from '../../../client/conversion-paths.js';
import { CLI } from '../../support/paths.js';

export const EXTENSION_ID = 'strategy-tools.strategy-language';

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need the test workspace open as a folder');
  return folder.uri;
}

export function strategyFiles(): vscode.Uri[] {
  const dir = vscode.Uri.joinPath(workspaceRoot(), 'strategies');
  return readdirSync(dir.fsPath)
    .filter((f) => f.endsWith('.strategy'))
    .sort()
    .map((f) => vscode.Uri.joinPath(dir, f));
}

/** The documents under sources/ that the convert command reads (not the .strategy files it writes there). */
export function sourceFiles(): vscode.Uri[] {
  const dir = vscode.Uri.joinPath(workspaceRoot(), 'sources');
  return readdirSync(dir.fsPath)
    .filter(isConvertible)
    .sort()
    .map((f) => vscode.Uri.joinPath(dir, f));
}

export async function activateExtension(): Promise<StrategyExtensionApi> {
  const ext = vscode.extensions.getExtension<StrategyExtensionApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed in this VS Code`);
  return ext.activate();
}

export async function open(uri: vscode.Uri): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  return { doc, editor };
}

/** Settles when `test` holds, checking now and at every event; fails with `what` after `ms`. */
export function until<T>(event: vscode.Event<unknown>, test: () => T | undefined, what: string, ms = 30_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const value = test();
      if (value === undefined) return false;
      finish();
      resolve(value);
      return true;
    };
    const listener = event(() => void check());
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
    }, ms);
    function finish(): void {
      listener.dispose();
      clearTimeout(timer);
    }
    check();
  });
}

/**
 * The diagnostics of a document once the server has published for its current
 * version: the status bar item re-renders on every diagnostics change, so the
 * first change after opening is the server's answer (an empty list is an answer too).
 */
export function diagnosticsOf(uri: vscode.Uri, test: (d: readonly vscode.Diagnostic[]) => boolean = (d) => d.length > 0, what = 'diagnostics'): Promise<vscode.Diagnostic[]> {
  return until(
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const d = serverDiagnostics(uri);
      return test(d) ? d : undefined;
    },
    `${what} of ${uri.path}`,
  );
}

/** The language server's diagnostics of a file (a lint task's problem matcher adds its own, with their own source). */
export function serverDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SERVER_DIAGNOSTIC_SOURCE);
}

/** The `source` of the language server's diagnostics (server/lsp/diagnostics.ts). */
export const SERVER_DIAGNOSTIC_SOURCE = 'strategy';

export function codeOf(d: vscode.Diagnostic): string | undefined {
  if (d.code === undefined) return undefined;
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** The position of `needle`'s `at`-th character in the document (the first occurrence after `from`). */
export function positionOf(doc: vscode.TextDocument, needle: string | RegExp, at = 0, from = 0): vscode.Position {
  const text = doc.getText();
  let index: number;
  if (typeof needle === 'string') index = text.indexOf(needle, from);
  else {
    const re = new RegExp(needle.source, needle.flags.includes('g') ? needle.flags : `${needle.flags}g`);
    re.lastIndex = from;
    index = re.exec(text)?.index ?? -1;
  }
  if (index < 0) throw new Error(`${String(needle)} is not in ${doc.uri.path}`);
  return doc.positionAt(index + at);
}

export interface CliFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: 'error' | 'warning' | 'info';
  readonly ruleId: string;
  readonly message: string;
  readonly suggestions: readonly string[];
}

/** Runs the repository's `strategy lint -f json` in a folder, as a user would in a terminal. */
export function cliFindings(folder: string, target = '.'): Promise<CliFinding[]> {
  return new Promise((resolve, reject) => {
    // In desktop VS Code the extension host is Electron: ELECTRON_RUN_AS_NODE makes it a plain Node.
    const child = spawn(process.execPath, [CLI, 'lint', '-f', 'json', target], { cwd: folder, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', NO_COLOR: '1' } });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0 && code !== 1) return reject(new Error(`strategy lint exited with ${code}: ${err}`));
      const files = JSON.parse(out) as { filePath: string; messages: { ruleId: string; severity: CliFinding['severity']; message: string; line: number; column: number; suggestions?: { title: string }[] }[] }[];
      resolve(
        files.flatMap((f) =>
          f.messages.map((m) => ({
            file: join(folder, f.filePath),
            line: m.line,
            column: m.column,
            severity: m.severity,
            ruleId: m.ruleId,
            message: m.message,
            suggestions: (m.suggestions ?? []).map((s) => s.title),
          })),
        ),
      );
    });
  });
}

export function severityName(s: vscode.DiagnosticSeverity): CliFinding['severity'] {
  return s === vscode.DiagnosticSeverity.Error ? 'error' : s === vscode.DiagnosticSeverity.Warning ? 'warning' : 'info';
}

/** A strategy linked to a national action, the framework declaring it, and where the link is. */
export interface ActionLink {
  readonly strategy: vscode.TextDocument;
  readonly framework: vscode.TextDocument;
  readonly action: string;
  readonly actionText: string;
  /** Where the action's number stands in `supports action N`. */
  readonly reference: vscode.Position;
}

/**
 * Links a commitment of a strategy to the first action of its framework, as
 * an author does: the converted seeds name their framework but cannot know
 * which national action each commitment supports. The edit is left unsaved
 * (the server works on the open text); revert() undoes it.
 */
export async function linkAction(): Promise<ActionLink> {
  const docs = await Promise.all(strategyFiles().map((u) => vscode.workspace.openTextDocument(u)));
  for (const framework of docs) {
    const id = /^\s*framework\s+([A-Za-z0-9_.-]+)\s+["\u201c]/m.exec(framework.getText())?.[1];
    const action = /^[ \t]*action (\d+) "((?:[^"\\]|\\.)*)"/m.exec(framework.getText());
    if (!id || !action) continue;
    const names = new RegExp(`^\\s*framework\\s+(?:[A-Za-z0-9_.-]+\\s*,\\s*)*${id.replace(/[.-]/g, '\\$&')}\\s*(?:,|$|//)`, 'm');
    for (const strategy of docs) {
      if (strategy === framework || !names.test(strategy.getText())) continue;
      const commitment = /^([ \t]*)commitment\b[^\n]*?(\{)?[ \t]*$/m.exec(strategy.getText());
      if (!commitment) continue;
      const { editor } = await open(strategy.uri);
      const line = strategy.positionAt(commitment.index).line;
      const indent = commitment[1]!;
      const end = strategy.lineAt(line).range.end;
      const insert = commitment[2] ? `\n${indent}  supports action ${action[1]}` : ` {\n${indent}  supports action ${action[1]}\n${indent}}`;
      assert.ok(await editor.edit((e) => e.insert(end, insert)));
      const reference = new vscode.Position(line + 1, indent.length + '  supports action '.length);
      return { strategy, framework, action: action[1]!, actionText: action[2]!, reference };
    }
  }
  throw new Error('no strategy in the test workspace names a framework of the workspace that has actions');
}

/** Puts a document back as it is on disk, so each test starts from the file. */
export async function revert(doc: vscode.TextDocument): Promise<void> {
  if (!doc.isDirty) return;
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}
