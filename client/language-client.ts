/**
 * Starts the bundled language server (dist/server.js) in a Node process over
 * IPC. Everything the editor shows about a .strategy file (diagnostics,
 * completion, hover, definitions, formatting, semantic tokens) comes from that
 * server; the client only connects it.
 */
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { LANGUAGE_ID } from './command-ids.js';
import { RULE_DOCS_SCHEME } from './rule-docs.js';
import type { ServerState } from './status-text.js';

export function createLanguageClient(serverModule: string, output: vscode.LogOutputChannel): LanguageClient {
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    // --inspect on a fixed port for "attach to server" while developing the server.
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Files on disk and unsaved ones: the server reads frameworks and strategy.config.json from disk.
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
    ],
    // No `synchronize` section: the server registers its own file watchers (*.strategy, strategy.config.json)
    // and pulls the `strategy` settings (workspace/configuration), so the client needs to push neither.
    outputChannel: output,
    traceOutputChannel: output,
    // Rule links open the rendered page, read-only (rule-docs.ts serves the scheme). In an untrusted workspace
    // (Restricted Mode) the server reads no framework or indicator file outside the workspace folders; asked at each
    // start, so a restart after trust is granted lifts it.
    initializationOptions: () => ({ ruleDocsScheme: RULE_DOCS_SCHEME, workspaceTrusted: vscode.workspace.isTrusted }),
  };
  // The id 'strategy' makes the client read the `strategy.trace.server` setting.
  return new LanguageClient(LANGUAGE_ID, 'Strategy Language Server', serverOptions, clientOptions);
}

export function serverState(state: State): ServerState {
  switch (state) {
    case State.Running:
      return 'running';
    case State.Starting:
      return 'starting';
    default:
      return 'stopped';
  }
}
