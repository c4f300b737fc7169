/**
 * The status bar item: the language server's state and the number of
 * problems in strategy files, kept current from VS Code's events (client
 * state changes and diagnostics changes), never by polling.
 */
import * as vscode from 'vscode';
import { COMMANDS } from './command-ids.js';
import { statusView, type IndexInfo, type ProblemCounts, type ServerState } from './status-text.js';

/** Where the problems come from: the language client's diagnostics (a lint task's problem matcher adds its own copies, not counted twice). */
export type DiagnosticsSource = () => Iterable<readonly [vscode.Uri, readonly vscode.Diagnostic[]]>;

/** The `source` the language server gives its diagnostics (server/lsp/diagnostics.ts). */
export const SERVER_DIAGNOSTIC_SOURCE = 'strategy';

/**
 * The server's diagnostics as the editor holds them, pushed or pulled (a
 * pulling client keeps them in a collection of its own, not in
 * `client.diagnostics`), without a lint task's copies (source "strategy lint").
 */
export function serverDiagnostics(): Iterable<readonly [vscode.Uri, readonly vscode.Diagnostic[]]> {
  return vscode.languages.getDiagnostics().map(([uri, list]) => [uri, list.filter((d) => d.source === SERVER_DIAGNOSTIC_SOURCE)] as const);
}

export function countProblems(source: DiagnosticsSource): ProblemCounts {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const [uri, diagnostics] of source()) {
    if (!uri.path.endsWith('.strategy')) continue;
    for (const d of diagnostics) {
      if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
      else infos++;
    }
  }
  return { errors, warnings, infos };
}

export class StrategyStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('strategy.status', vscode.StatusBarAlignment.Left, 10);
  private readonly subscriptions: vscode.Disposable[] = [];
  private state: ServerState = 'starting';
  private index: IndexInfo | undefined;
  private diagnostics: DiagnosticsSource = () => [];

  constructor() {
    this.item.name = 'Strategy Language Server';
    this.subscriptions.push(vscode.languages.onDidChangeDiagnostics((e) => e.uris.some((u) => u.path.endsWith('.strategy')) && this.render()));
    this.render();
    this.item.show();
  }

  setState(state: ServerState): void {
    // The client says "running" as soon as the server answers; the server's own status says whether it is still indexing.
    this.state = state === 'running' && this.state === 'indexing' ? 'indexing' : state;
    this.render();
  }

  setDiagnosticsSource(source: DiagnosticsSource): void {
    this.diagnostics = source;
    this.render();
  }

  /** The server's `strategy/status` notification. */
  setIndex(state: 'indexing' | 'ready', index: IndexInfo): void {
    this.index = index;
    if (this.state === 'running' || this.state === 'indexing' || this.state === 'starting') this.state = state === 'indexing' ? 'indexing' : 'running';
    this.render();
  }

  private render(): void {
    const view = statusView(this.state, countProblems(this.diagnostics), this.index);
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.backgroundColor = view.alarm ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    // The click does what the tooltip promises for each state.
    this.item.command =
      this.state === 'stopped' ? COMMANDS.restartServer : this.state === 'missing' || this.state === 'unsupported' ? COMMANDS.showOutput : 'workbench.actions.view.problems';
  }

  /** For tests and the output log: what the item shows now. */
  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
