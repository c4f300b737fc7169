/**
 * Strategy: Open Report Preview. A webview beside the editor showing the
 * reviewer's report of the current strategy, rendered by the language server
 * (the same report `strategy report` writes, from the same findings as the
 * diagnostics), refreshed shortly after the author stops typing. Its
 * `file:line` buttons post a message back and the extension reveals that
 * line. The page's policy allows one nonce'd style and script and nothing
 * remote; the webview may read no local files at all.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { REPORT_PREVIEW_REQUEST, type ReportPreviewParams, type ReportPreviewResult, type RevealMessage } from '../server/lsp/protocol.js';
import { LANGUAGE_ID } from './command-ids.js';

export const REPORT_PREVIEW_VIEW_TYPE = 'strategy.reportPreview';
/** Pause after the last keystroke before the report is rebuilt. */
export const REPORT_UPDATE_DELAY_MS = 300;
const RETRY_DELAY_MS = 1000;
const MAX_RETRIES = 30;

function isRevealMessage(m: unknown): m is RevealMessage {
  if (!m || typeof m !== 'object') return false;
  const r = m as Partial<RevealMessage>;
  return r.type === 'reveal' && typeof r.file === 'string' && Number.isInteger(r.line) && Number.isInteger(r.column);
}

class ReportPreviewPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private files: Readonly<Record<string, string>> = {};
  private loaded = false;
  private retries = 0;
  private disposed = false;
  private rendering: Promise<void> = Promise.resolve();

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly document: vscode.TextDocument,
    private readonly client: () => LanguageClient | undefined,
    private readonly sourceColumn: vscode.ViewColumn | undefined,
    private readonly onDispose: () => void,
  ) {
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document || e.document.languageId === LANGUAGE_ID) this.schedule();
      }),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (d.languageId === LANGUAGE_ID && d !== this.document) this.schedule();
      }),
    );
  }

  schedule(delay = REPORT_UPDATE_DELAY_MS): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.rendering = this.rendering.then(() => this.render());
    }, delay);
  }

  async render(): Promise<void> {
    const client = this.client();
    if (this.disposed) return;
    if (!client) {
      this.showMessage('The Strategy language server is missing from this installation: see Strategy: Show Output.');
      return;
    }
    const nonce = randomBytes(16).toString('base64');
    const params: ReportPreviewParams = { uri: client.code2ProtocolConverter.asUri(this.document.uri), nonce, cspSource: this.panel.webview.cspSource };
    let result: ReportPreviewResult | null;
    try {
      result = await client.sendRequest<ReportPreviewResult | null>(REPORT_PREVIEW_REQUEST, params);
    } catch (e) {
      // Starting, restarting or stopped: say so, and try again shortly (a started server answers).
      this.showMessage(`The report is not ready yet: ${e instanceof Error ? e.message : String(e)}`);
      if (this.retries++ < MAX_RETRIES) this.schedule(RETRY_DELAY_MS);
      return;
    }
    if (this.disposed) return;
    if (!result) {
      this.showMessage('The language server does not know this document yet; the report follows once it does.');
      if (this.retries++ < MAX_RETRIES) this.schedule(RETRY_DELAY_MS);
      return;
    }
    this.retries = 0;
    this.files = result.files;
    this.panel.title = `Report: ${result.title}`;
    if (this.loaded) void this.panel.webview.postMessage({ type: 'update', body: result.body });
    else this.panel.webview.html = result.html;
    // Typed on while the report was built: build it again for the newest text.
    if (result.version !== null && result.version < this.document.version) this.schedule();
  }

  /** A page with one sentence; the next report replaces the whole page. */
  private showMessage(text: string): void {
    this.loaded = false;
    this.panel.webview.html = messagePage(text);
  }

  private async onMessage(m: unknown): Promise<void> {
    if (m && typeof m === 'object' && (m as { type?: unknown }).type === 'ready') {
      // A page shown again after being hidden starts from the last full page: bring it up to date.
      if (this.loaded) this.schedule(0);
      this.loaded = true;
      return;
    }
    if (!isRevealMessage(m)) return;
    const target = this.files[m.file];
    const uri = target ? vscode.Uri.parse(target) : this.document.uri;
    const position = new vscode.Position(Math.max(0, m.line - 1), Math.max(0, m.column - 1));
    await vscode.window.showTextDocument(uri, { viewColumn: this.sourceColumn ?? vscode.ViewColumn.One, selection: new vscode.Range(position, position), preserveFocus: false });
  }

  reveal(): void {
    this.panel.reveal(vscode.ViewColumn.Beside, true);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.disposables.forEach((d) => d.dispose());
    this.panel.dispose();
    this.onDispose();
  }
}

function messagePage(text: string): string {
  const escaped = text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><title>Strategy report</title></head><body><p>${escaped}</p></body></html>`;
}

/** Registers the command; one preview per document, revealed again when asked twice. */
export function registerReportPreviewCommand(commandId: string, client: () => LanguageClient | undefined): vscode.Disposable {
  const panels = new Map<string, ReportPreviewPanel>();
  const command = vscode.commands.registerCommand(commandId, async (resource?: vscode.Uri) => {
    const editor = vscode.window.activeTextEditor;
    const document = resource instanceof vscode.Uri ? await vscode.workspace.openTextDocument(resource) : editor?.document;
    if (!document || document.languageId !== LANGUAGE_ID) {
      void vscode.window.showInformationMessage('Open a .strategy file to preview its report.');
      return;
    }
    const key = document.uri.toString();
    const existing = panels.get(key);
    if (existing) {
      existing.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      REPORT_PREVIEW_VIEW_TYPE,
      `Report: ${document.uri.path.split('/').pop() ?? ''}`,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      // No local resources: the page is self-contained.
      { enableScripts: true, enableFindWidget: true, localResourceRoots: [] },
    );
    const preview = new ReportPreviewPanel(panel, document, client, editor?.document === document ? editor.viewColumn : undefined, () => panels.delete(key));
    panels.set(key, preview);
    await preview.render();
  });
  return vscode.Disposable.from(command, { dispose: () => [...panels.values()].forEach((p) => p.dispose()) });
}
