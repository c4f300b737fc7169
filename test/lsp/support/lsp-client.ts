/**
 * A real language client for tests: starts the bundled server (dist/server.js)
 * as the extension does, in its own process, and speaks JSON-RPC to it over
 * stdio (or Node IPC). It answers the server's own requests (settings,
 * registrations, progress) and records what the server sends, so tests wait
 * on those events, never on time.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowDocumentRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  type ClientCapabilities,
  type Diagnostic,
  type FileEvent,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ShowDocumentParams,
  type ShowMessageParams,
} from 'vscode-languageserver-protocol/node';
import { REPO } from '../../support/paths.js';
import { withCursor } from '../../support/cursor.js';
import type { StatusParams } from '../../../server/lsp/protocol.js';

export const SERVER = join(REPO, 'dist', 'server.js');
export const WORKSPACE_FIXTURES = join(REPO, 'test', 'fixtures', 'workspace');

export function uriOfPath(path: string): string {
  return pathToFileURL(path).href;
}

/** A copy of a fixture folder in a temporary folder, for tests that edit files. */
export function copyFolder(source: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'strategy-lsp-'));
  cpSync(source, path, { recursive: true });
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export function emptyFolder(): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'strategy-lsp-empty-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Full client capabilities of the kinds VS Code declares, so the server uses every path it has. */
export const CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    codeLens: { refreshSupport: true },
    inlayHint: { refreshSupport: true },
    semanticTokens: { refreshSupport: true },
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    workspaceEdit: { documentChanges: true },
    symbol: { dynamicRegistration: false },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    completion: { completionItem: { snippetSupport: true, labelDetailsSupport: true }, contextSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    definition: { linkSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, tagSupport: { valueSet: [1, 2] } },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } }, isPreferredSupport: true },
    rename: { prepareSupport: true },
    semanticTokens: { requests: { full: { delta: true }, range: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
    inlayHint: {},
  },
  window: { workDoneProgress: true },
};

type Waiter<T> = { predicate: (value: T) => boolean; resolve: (value: T) => void };

export interface StartOptions {
  readonly folders: readonly string[];
  readonly transport?: 'stdio' | 'ipc';
  /** The client's `strategy` settings, per folder URI or for all ('*'). */
  readonly settings?: Record<string, unknown>;
  readonly initializationOptions?: Record<string, unknown>;
  readonly capabilities?: ClientCapabilities;
}

export class LspClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly messages: ShowMessageParams[] = [];
  /** `window/showDocument` requests the server sent (a fix placing the cursor, for one). */
  readonly shownDocuments: ShowDocumentParams[] = [];
  readonly logs: string[] = [];
  readonly registrations: string[] = [];
  readonly statuses: StatusParams[] = [];
  progressCreated = 0;
  settings: Record<string, unknown>;
  private readonly diagnosticWaiters = new Map<string, Waiter<PublishDiagnosticsParams>[]>();
  private readonly statusWaiters: Waiter<StatusParams>[] = [];
  readonly refreshes: string[] = [];
  private readonly refreshWaiters: Waiter<string>[] = [];
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  initializeResult!: InitializeResult;

  private constructor(
    readonly connection: ProtocolConnection,
    readonly child: ChildProcess,
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.diagnostics.set(p.uri, p);
      const waiting: Waiter<PublishDiagnosticsParams>[] = [];
      for (const w of this.diagnosticWaiters.get(p.uri) ?? []) {
        if (w.predicate(p)) w.resolve(p);
        else waiting.push(w);
      }
      this.diagnosticWaiters.set(p.uri, waiting);
    });
    connection.onNotification('strategy/status', (p: StatusParams) => {
      this.statuses.push(p);
      for (const w of [...this.statusWaiters]) {
        if (w.predicate(p)) {
          this.statusWaiters.splice(this.statusWaiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    connection.onNotification(ShowMessageNotification.type, (p) => {
      this.messages.push(p);
    });
    connection.onNotification(LogMessageNotification.type, (p) => {
      this.logs.push(p.message);
    });
    connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => (item.section === 'strategy' ? (this.settings[item.scopeUri ?? '*'] ?? this.settings['*'] ?? null) : null)),
    );
    connection.onRequest(RegistrationRequest.type, (params) => {
      for (const r of params.registrations) this.registrations.push(r.method);
    });
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => {
      this.progressCreated++;
    });
    // Messages the server asks the user about (showWarningMessage and the like are requests) are messages too.
    connection.onRequest('window/showMessageRequest', (p: ShowMessageParams) => {
      this.messages.push(p);
      return null;
    });
    connection.onRequest(ShowDocumentRequest.type, (p) => {
      this.shownDocuments.push(p);
      return { success: true };
    });
    for (const method of ['workspace/codeLens/refresh', 'workspace/semanticTokens/refresh', 'workspace/inlayHint/refresh']) {
      connection.onRequest(method, () => {
        this.refreshes.push(method);
        for (const w of this.refreshWaiters.filter((x) => x.predicate(method))) {
          this.refreshWaiters.splice(this.refreshWaiters.indexOf(w), 1);
          w.resolve(method);
        }
        return null;
      });
    }
  }

  static async start(options: StartOptions): Promise<LspClient> {
    const transport = options.transport ?? 'stdio';
    let child: ChildProcess;
    let connection: ProtocolConnection;
    if (transport === 'ipc') {
      child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
      connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    } else {
      child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    }
    child.stderr?.resume();
    const client = new LspClient(connection, child, { ...(options.settings ?? {}) });
    connection.listen();
    const folders = options.folders.map((f) => ({ uri: uriOfPath(f), name: f.split('/').pop() ?? f }));
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders,
      capabilities: options.capabilities ?? CAPABILITIES,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** Resolves when the server reports its index ready (at once if it already has). */
  ready(): Promise<StatusParams> {
    const done = this.statuses.find((s) => s.state === 'ready');
    if (done) return Promise.resolve(done);
    return new Promise((resolve) => this.statusWaiters.push({ predicate: (s) => s.state === 'ready', resolve }));
  }

  /** The next `workspace/…/refresh` request of `method` the server sends. */
  nextRefresh(method: string): Promise<string> {
    return new Promise((resolve) => this.refreshWaiters.push({ predicate: (m) => m === method, resolve }));
  }

  async foldersChanged(added: string[], removed: string[] = []): Promise<void> {
    const folder = (f: string) => ({ uri: uriOfPath(f), name: f.split('/').pop() ?? f });
    await this.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: added.map(folder), removed: removed.map(folder) } });
  }

  /** The next diagnostics published for `uri` that satisfy `predicate` (call before the action that causes them). */
  nextDiagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => {
      const list = this.diagnosticWaiters.get(uri) ?? [];
      list.push({ predicate, resolve });
      this.diagnosticWaiters.set(uri, list);
    });
  }

  /** Diagnostics for `uri` satisfying `predicate`: the last published, if it does, else the next that does. */
  diagnosticsMatching(uri: string, predicate: (d: readonly Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    const last = this.diagnostics.get(uri);
    if (last && predicate(last.diagnostics)) return Promise.resolve(last.diagnostics);
    return this.nextDiagnostics(uri, (p) => predicate(p.diagnostics)).then((p) => p.diagnostics);
  }

  async open(path: string, text = readFileSync(path, 'utf8'), uri = uriOfPath(path)): Promise<string> {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'strategy', version: 1, text } });
    return uri;
  }

  /** Opens a document and resolves with its first diagnostics. */
  async openAndWait(path: string, text?: string, uri = uriOfPath(path)): Promise<Diagnostic[]> {
    const published = this.nextDiagnostics(uri);
    await this.open(path, text, uri);
    return (await published).diagnostics;
  }

  /** Replaces the whole text (as a client with full sync would) and returns the new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  textOf(uri: string): string {
    return this.texts.get(uri) ?? '';
  }

  async filesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  async configurationChanged(): Promise<void> {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { strategy: this.settings['*'] ?? {} } });
  }

  /** The position of `<|>` in a marked text, with the text without the marker. */
  static cursor(marked: string): { text: string; position: { line: number; character: number } } {
    const c = withCursor(marked);
    return { text: c.text, position: { line: c.line, character: c.character } };
  }

  newToken(): CancellationTokenSource {
    return new CancellationTokenSource();
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      this.child.kill();
    }
    await exited;
    this.connection.dispose();
  }
}
