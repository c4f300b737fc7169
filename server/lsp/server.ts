/**
 * The language server: wires the protocol to the project model and one
 * provider per feature. Everything here is plumbing; what the server knows
 * lives in `project.ts` and the analysis, what it answers in the providers.
 */
import { readBoundedTextFile, readBoundedTextFileAsync } from '../analysis/text-file.js';
import { basename, dirname, extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  DocumentDiagnosticReportKind,
  type DocumentDiagnosticReport,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type Disposable,
  type InitializeParams,
  type InitializeResult,
  type WorkDoneProgressServerReporter,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import pkg from '../../package.json';
import { CONFIG_FILE_NAME } from '../config/config-schema.js';
import { guarded, type Logger } from './cancellation.js';
import { FIX_ALL_KIND, LINK_ACTION_KIND, provideCodeActions, type FixCursorSupport } from './code-action-provider.js';
import { provideCodeLenses } from './code-lens-provider.js';
import { provideCompletion, resolveCompletion } from './completion-provider.js';
import { provideDefinition } from './definition-provider.js';
import { configDiagnostic, DiagnosticsPublisher, setRuleDocsScheme } from './diagnostics.js';
import { isFileKey, keyOf, uriOf } from './document-keys.js';
import { provideDocumentHighlights } from './document-highlight-provider.js';
import { provideDocumentLinks } from './document-link-provider.js';
import { provideDocumentSymbols } from './document-symbol-provider.js';
import { provideFoldingRanges } from './folding-range-provider.js';
import { provideFormatting } from './formatting-provider.js';
import { provideHover } from './hover-provider.js';
import { provideInlayHints } from './inlay-hint-provider.js';
import { Project } from './project.js';
import { PLACE_CURSOR_COMMAND, STATUS_NOTIFICATION, type InitializationOptions, type PlaceCursorArguments, type StatusParams } from './protocol.js';
import { provideReferences } from './references-provider.js';
import { REPORT_PREVIEW_REQUEST, type ReportPreviewParams, type ReportPreviewResult } from './protocol.js';
import { provideReportPreview } from './report-provider.js';
import { providePrepareRename, provideRename } from './rename-provider.js';
import { SEMANTIC_TOKENS_LEGEND, SemanticTokensProvider } from './semantic-tokens-provider.js';
import { provideWorkspaceSymbols } from './workspace-symbol-provider.js';
import { readEditorSettings, type EditorSettings } from './editor-settings.js';
import { WorkspaceDiagnostics } from './workspace-diagnostics.js';

export const SERVER_NAME = 'strategy-language-server';
const REFRESH_DELAY_MS = 300;

function readInitializationOptions(raw: unknown): InitializationOptions {
  if (typeof raw !== 'object' || raw === null) return {};
  const delay = (raw as Record<string, unknown>)['diagnosticsDelay'];
  const trusted = (raw as Record<string, unknown>)['workspaceTrusted'];
  const scheme = (raw as Record<string, unknown>)['ruleDocsScheme'];
  return {
    ...(typeof delay === 'number' && Number.isFinite(delay) && delay >= 0 ? { diagnosticsDelay: delay } : {}),
    ...(typeof trusted === 'boolean' ? { workspaceTrusted: trusted } : {}),
    ...(typeof scheme === 'string' && /^[a-z][a-z0-9+.-]*$/.test(scheme) ? { ruleDocsScheme: scheme } : {}),
  };
}

/** A file's text, or undefined when it is not a regular file, too large, binary or not UTF-8. */
async function readText(path: string): Promise<string | undefined> {
  const r = await readBoundedTextFileAsync(path);
  return r.ok ? r.text : undefined;
}

export interface ServerOptions {
  /** Resolves once the messages written so far have left for the client (stdio: message-writer.ts). */
  readonly outputFlushed?: () => Promise<void>;
  /** Resolves once every message read from the client so far has been handed to its handler (message-flow.ts). */
  readonly messagesSettled?: () => Promise<void>;
}

export function startServer(connection: Connection, serverOptions: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  let capabilities: ClientCapabilities = {};
  let pullConfiguration = false;
  /** The client pulls diagnostics (`textDocument/diagnostic`, `workspace/diagnostic`): nothing is pushed. */
  let pullDiagnostics = false;
  let fixCursor: FixCursorSupport = { snippetEdits: false, placeCursorCommand: false };
  /** The client resolves completion items' documentation when one is focused (VS Code does): long lists are sent without it. */
  let lazyDocumentation = false;
  let pushedSettings: unknown;
  let stopped = false;
  let restricted = false;
  const log: Logger = { error: (m) => connection.console.error(m) };

  const project = new Project({
    readFile: readText,
    readFileNow: (path) => {
      const r = readBoundedTextFile(path);
      return r.ok ? r.text : undefined;
    },
    isRestricted: () => restricted,
    async clientSettings(scopeUri) {
      if (!pullConfiguration) return pushedSettings;
      try {
        return await connection.workspace.getConfiguration(scopeUri ? { scopeUri, section: 'strategy' } : { section: 'strategy' });
      } catch {
        return undefined;
      }
    },
    log: (m) => connection.console.error(m),
  });
  let publisher = new DiagnosticsPublisher(project, connection);
  const workspaceDiagnostics = new WorkspaceDiagnostics(project, {
    readFile: readText,
    onError: (m) => connection.console.error(m),
    messagesSettled: serverOptions.messagesSettled,
  });
  let editorSettings: EditorSettings = readEditorSettings(undefined);
  const reloadEditorSettings = async (): Promise<void> => {
    let raw: unknown = pushedSettings;
    if (pullConfiguration) raw = await connection.workspace.getConfiguration({ section: 'strategy' }).catch(() => undefined);
    editorSettings = readEditorSettings(raw);
    workspaceDiagnostics.scope = editorSettings.diagnosticsScope;
  };
  // Open documents' diagnostics depend on frameworks too: a pulling client is asked to pull again.
  const refreshPulledDiagnostics = (): void => {
    if (pullDiagnostics && capabilities.workspace?.diagnostics?.refreshSupport) void connection.languages.diagnostics.refresh().catch(() => undefined);
  };
  const semanticTokens = new SemanticTokensProvider();

  // ── settings problems: on the config file, and a message once ────────────
  const configDiagnosticsShown = new Set<string>();
  const messagesShown = new Set<string>();
  const reportSettingsProblems = (): void => {
    const now = new Set<string>();
    const noisy = project.index.size > 0 || project.openKeys().length > 0;
    // Each problem of each config file at its own line; a workspace with no strategy files hears nothing from us.
    if (noisy) {
      const byFile = new Map<string, Diagnostic[]>();
      for (const problem of project.configProblems()) {
        const uri = uriOf(problem.file);
        byFile.set(uri, [...(byFile.get(uri) ?? []), configDiagnostic(problem)]);
      }
      for (const [uri, diagnostics] of byFile) {
        now.add(uri);
        connection.sendDiagnostics({ uri, diagnostics });
      }
    }
    for (const { settings } of project.allSettings()) {
      for (const problem of settings.problems) {
        connection.console.warn(problem);
        if (noisy && !messagesShown.has(problem)) {
          messagesShown.add(problem);
          void connection.window.showWarningMessage(`Strategy settings: ${problem}`);
        }
      }
    }
    for (const uri of configDiagnosticsShown) if (!now.has(uri)) connection.sendDiagnostics({ uri, diagnostics: [] });
    configDiagnosticsShown.clear();
    for (const uri of now) configDiagnosticsShown.add(uri);
  };

  // Files outside the workspace folders that settings name (framework paths, indicator files) are
  // watched too, where the client can watch a path relative to any folder.
  let extraWatchers: Disposable | undefined;
  let watchedExtras = '';
  const watchConfiguredFiles = async (): Promise<void> => {
    const workspace = capabilities.workspace?.didChangeWatchedFiles;
    if (!workspace?.dynamicRegistration || !workspace.relativePatternSupport) return;
    const paths = new Set<string>();
    for (const { settings } of project.allSettings()) {
      // Framework files inside a folder are already watched as .strategy files; indicator files are not.
      for (const p of settings.frameworkPaths) if (!project.folderFor(p)) paths.add(p);
      for (const p of settings.indicatorFiles) paths.add(p);
      // Configs that `extends` names are not called strategy.config.json: watch them by name.
      for (const p of settings.configFiles) if (basename(p) !== CONFIG_FILE_NAME) paths.add(p);
    }
    const signature = [...paths].sort().join('\n');
    if (signature === watchedExtras) return;
    watchedExtras = signature;
    extraWatchers?.dispose();
    extraWatchers = undefined;
    if (paths.size === 0) return;
    const watchers = [...paths].map((p) => ({
      globPattern: { baseUri: pathToFileURL(extname(p) ? dirname(p) : p).href, pattern: extname(p) ? basename(p) : '**/*.strategy' },
    }));
    extraWatchers = await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
  };
  const isIndicatorFile = (key: string): boolean =>
    project.allSettings().some(({ settings }) => settings.indicatorFiles.includes(key) || settings.configFiles.includes(key));

  // Views that count across files (code lenses) or read settings (inlay hints, tokens) are asked to
  // refresh when those change, at most a few times a second.
  let refreshTimer: NodeJS.Timeout | undefined;
  const refreshViews = (settingsToo: boolean): void => {
    if (refreshTimer) clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => {
      refreshTimer = undefined;
      const workspace = capabilities.workspace;
      if (workspace?.codeLens?.refreshSupport) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
      if (settingsToo && workspace?.inlayHint?.refreshSupport) void connection.languages.inlayHint.refresh().catch(() => undefined);
      if (settingsToo && workspace?.semanticTokens?.refreshSupport) void connection.languages.semanticTokens.refresh().catch(() => undefined);
    }, REFRESH_DELAY_MS);
  };
  project.onIndexChanged(() => refreshViews(false));
  project.onIndexChanged(() => workspaceDiagnostics.changed());
  // The status bar's counts follow files added and removed after the first index.
  let statusTimer: NodeJS.Timeout | undefined;
  let lastStatus = '';
  const sendStatus = (): void => {
    const summaries = project.index.all().filter((s) => isFileKey(s.key) && project.isIndexable(s.key) && !project.isIgnored(s.key));
    const status: StatusParams = { state: 'ready', files: summaries.length, frameworks: summaries.filter((s) => s.kind === 'framework').length };
    const signature = `${status.files}/${status.frameworks}`;
    if (signature === lastStatus) return;
    lastStatus = signature;
    void connection.sendNotification(STATUS_NOTIFICATION, status);
  };
  project.onIndexChanged(() => {
    if (statusTimer) clearTimeout(statusTimer);
    statusTimer = setTimeout(() => sendStatus(), REFRESH_DELAY_MS);
  });

  project.onFrameworksChanged((ids) => {
    if (project.isReady) publisher.scheduleNow(project.openDependents(ids));
    if (project.isReady && project.openDependents(ids).length > 0) refreshPulledDiagnostics();
    workspaceDiagnostics.changed();
  });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities;
    pullConfiguration = capabilities.workspace?.configuration === true;
    pullDiagnostics = capabilities.textDocument?.diagnostic !== undefined;
    if (!pullDiagnostics) workspaceDiagnostics.pushTo(connection);
    const options = readInitializationOptions(params.initializationOptions);
    restricted = options.workspaceTrusted === false;
    setRuleDocsScheme(options.ruleDocsScheme);
    const workspaceEdit = capabilities.workspace?.workspaceEdit;
    lazyDocumentation = capabilities.textDocument?.completion?.completionItem?.resolveSupport?.properties.includes('documentation') === true;
    fixCursor = { snippetEdits: workspaceEdit?.snippetEditSupport === true && workspaceEdit.documentChanges === true, placeCursorCommand: capabilities.window?.showDocument?.support === true };
    publisher = new DiagnosticsPublisher(project, connection, {
      delayMs: options.diagnosticsDelay,
      trace: (m) => connection.tracer.log(m),
      onError: (m) => connection.console.error(m),
      push: !pullDiagnostics,
      outputFlushed: serverOptions.outputFlushed,
      messagesSettled: serverOptions.messagesSettled,
    });
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: basename(keyOf(params.rootUri)) }] : []);
    project.setFolders(folders);
    return {
      serverInfo: { name: SERVER_NAME, version: pkg.version },
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: [' ', ',', '"'], completionItem: { labelDetailsSupport: true }, ...(lazyDocumentation ? { resolveProvider: true } : {}) },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        documentSymbolProvider: { label: 'Strategy' },
        workspaceSymbolProvider: true,
        foldingRangeProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: { delta: true }, range: true },
        documentFormattingProvider: true,
        renameProvider: { prepareProvider: true },
        documentLinkProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, LINK_ACTION_KIND, FIX_ALL_KIND] },
        codeLensProvider: { resolveProvider: false },
        inlayHintProvider: true,
        executeCommandProvider: { commands: [PLACE_CURSOR_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...(pullDiagnostics ? { diagnosticProvider: { identifier: 'strategy', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
      },
    };
  });

  connection.onInitialized(async () => {
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.strategy' }, { globPattern: `**/${CONFIG_FILE_NAME}` }],
      });
    }
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'strategy' });
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(async (e) => {
        project.removeFolders(e.removed);
        await project.addFolders(e.added);
        reportSettingsProblems();
        publisher.scheduleNow(project.openKeys());
      });
    }
    await project.reloadSettings();
    await reloadEditorSettings();
    const indexing: StatusParams = { state: 'indexing', files: 0, frameworks: 0 };
    void connection.sendNotification(STATUS_NOTIFICATION, indexing);
    let progress: WorkDoneProgressServerReporter | undefined;
    // Kept so that `done` waits for `begin`: the client may answer the create request after a small index has finished.
    let progressReady: Promise<WorkDoneProgressServerReporter | undefined> | undefined;
    const stats = await project.buildIndex({
      isStopped: () => stopped,
      onFound: (files) => {
        // No files, no noise: progress only where there is something to index.
        if (files > 0 && capabilities.window?.workDoneProgress) {
          progressReady = connection.window.createWorkDoneProgress().then(
            (p) => {
              progress = p;
              p.begin('Indexing strategy files', 0, `${files} files`);
              return p;
            },
            () => undefined,
          );
        }
      },
      onProgress: (done, total) => progress?.report(Math.round((done / total) * 100), `${done}/${total} files`),
    });
    (await progressReady)?.done();
    reportSettingsProblems();
    await watchConfiguredFiles();
    const ready: StatusParams = { state: 'ready', files: stats.files, frameworks: stats.frameworks, durationMs: Math.round(stats.durationMs) };
    connection.tracer.log(`indexed ${stats.files} files (${stats.frameworks} frameworks) in ${Math.round(stats.durationMs)} ms`);
    lastStatus = `${ready.files}/${ready.frameworks}`;
    void connection.sendNotification(STATUS_NOTIFICATION, ready);
    publisher.scheduleNow(project.openKeys());
    workspaceDiagnostics.indexReady();
    refreshPulledDiagnostics();
  });

  connection.onShutdown(() => {
    stopped = true;
  });

  connection.onDidChangeConfiguration(async (params) => {
    if (!pullConfiguration) {
      const settings = params.settings as Record<string, unknown> | null | undefined;
      pushedSettings = settings && typeof settings === 'object' ? settings['strategy'] : undefined;
    }
    await project.reloadSettings();
    await reloadEditorSettings();
    reportSettingsProblems();
    await watchConfiguredFiles();
    publisher.scheduleNow(project.openKeys());
    refreshViews(true);
    refreshPulledDiagnostics();
    workspaceDiagnostics.changed();
  });

  connection.onDidChangeWatchedFiles(async (params) => {
    let settingsChanged = false;
    for (const change of params.changes) {
      const key = keyOf(change.uri);
      if (!isFileKey(key)) continue;
      if (basename(key) === CONFIG_FILE_NAME || isIndicatorFile(key)) {
        settingsChanged = true;
        continue;
      }
      if (!key.endsWith('.strategy')) continue;
      if (change.type === FileChangeType.Deleted) project.removeFile(key);
      else if (project.isIndexable(key) && !project.isIgnored(key)) await project.refreshFile(key);
    }
    if (settingsChanged) {
      await project.reloadSettings();
      reportSettingsProblems();
      await watchConfiguredFiles();
      publisher.scheduleNow(project.openKeys());
      refreshViews(true);
      refreshPulledDiagnostics();
      workspaceDiagnostics.changed();
    }
  });

  // ── documents ───────────────────────────────────────────────────────────
  documents.onDidOpen((e) => {
    const key = project.openDocument(e.document.uri, e.document.getText(), e.document.version);
    workspaceDiagnostics.opened(key);
    publisher.scheduleNow([key]);
  });
  documents.onDidChangeContent((e) => {
    const key = keyOf(e.document.uri);
    if (project.versionOf(key) === e.document.version) return; // the open itself
    project.changeDocument(e.document.uri, e.document.getText(), e.document.version);
    workspaceDiagnostics.edited();
    publisher.documentChanged(key);
  });
  documents.onDidClose((e) => {
    semanticTokens.forget(e.document.uri);
    publisher.documentClosed(project.closeDocument(e.document.uri));
  });

  // ── requests ────────────────────────────────────────────────────────────
  const catalogueOf = (uri: string) => project.settingsFor(keyOf(uri)).lint.catalogue;
  const analysedOf = (uri: string) => project.analysed(keyOf(uri));

  connection.onCompletion(guarded('completion', log, null, (params) => provideCompletion(project, params, { lazyDocumentation })));
  // A fault while resolving gives the item back as it came.
  connection.onCompletionResolve((item, token) => guarded('completionItem/resolve', log, item, (i: typeof item) => resolveCompletion(project, i))(item, token));
  connection.onHover(guarded('hover', log, null, (params) => provideHover(project, params)));
  connection.onDefinition(guarded('definition', log, null, (params) => provideDefinition(project, params)));
  connection.onDocumentHighlight(guarded('documentHighlight', log, [], (params) => provideDocumentHighlights(project, params)));
  connection.onReferences(guarded('references', log, null, (params, token) => provideReferences(project, params, token)));
  connection.onDocumentSymbol(guarded('documentSymbol', log, [], (params) => provideDocumentSymbols(project, params)));
  connection.onWorkspaceSymbol(guarded('workspaceSymbol', log, [], (params, token) => provideWorkspaceSymbols(project, params, token)));
  connection.onFoldingRanges(guarded('foldingRange', log, [], (params) => provideFoldingRanges(project, params)));
  connection.onDocumentFormatting(guarded('formatting', log, null, (params) => provideFormatting(project, params, (m) => void connection.window.showWarningMessage(m))));
  connection.onPrepareRename(guarded('prepareRename', log, null, (params) => providePrepareRename(project, params)));
  connection.onRenameRequest(guarded('rename', log, null, (params, token) => provideRename(project, params, token)));
  connection.onDocumentLinks(guarded('documentLink', log, [], (params) => provideDocumentLinks(project, params)));
  connection.onCodeAction(guarded('codeAction', log, [], (params, token) => provideCodeActions(project, params, token, fixCursor)));
  connection.onCodeLens(guarded('codeLens', log, [], (params, token) => provideCodeLenses(project, params, token, editorSettings.frameworkCodeLens)));
  connection.onExecuteCommand(
    guarded('executeCommand', log, null, async (params) => {
      if (params.command !== PLACE_CURSOR_COMMAND) return null;
      const [uri, position] = (params.arguments ?? []) as PlaceCursorArguments;
      if (typeof uri === 'string' && position) await connection.window.showDocument({ uri, selection: { start: position, end: position }, takeFocus: true });
      return null;
    }),
  );
  connection.languages.diagnostics.on(
    guarded('diagnostic', log, { kind: DocumentDiagnosticReportKind.Full, items: [] } as DocumentDiagnosticReport, (params) => workspaceDiagnostics.documentReport(params.textDocument.uri, params.previousResultId)),
  );
  connection.languages.diagnostics.onWorkspace((params, token, _workDone, resultProgress) =>
    guarded('workspaceDiagnostic', log, { items: [] }, (p: typeof params, t) => workspaceDiagnostics.workspaceReport(p, t, resultProgress))(params, token),
  );
  connection.onRequest(
    REPORT_PREVIEW_REQUEST,
    guarded<ReportPreviewParams, ReportPreviewResult | null>('reportPreview', log, null, (params) => provideReportPreview(project, params, pkg.version)),
  );
  connection.languages.inlayHint.on(guarded('inlayHint', log, [], (params) => provideInlayHints(project, params)));
  connection.languages.semanticTokens.on(
    guarded('semanticTokens', log, { data: [] }, (params) => {
      const doc = analysedOf(params.textDocument.uri);
      return doc ? semanticTokens.full(params.textDocument.uri, doc, catalogueOf(params.textDocument.uri)) : { data: [] };
    }),
  );
  connection.languages.semanticTokens.onDelta(
    guarded('semanticTokens/delta', log, { data: [] }, (params) => {
      const doc = analysedOf(params.textDocument.uri);
      return doc ? semanticTokens.delta(params.textDocument.uri, params.previousResultId, doc, catalogueOf(params.textDocument.uri)) : { data: [] };
    }),
  );
  connection.languages.semanticTokens.onRange(
    guarded('semanticTokens/range', log, { data: [] }, (params) => {
      const doc = analysedOf(params.textDocument.uri);
      return doc ? semanticTokens.range(doc, params.range, catalogueOf(params.textDocument.uri)) : { data: [] };
    }),
  );

  documents.listen(connection);
}
