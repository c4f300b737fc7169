/**
 * The Strategy extension: starts the language server, registers the three
 * commands and the status bar item. Thin on purpose: the language's logic
 * lives in the server and the converter, and activation only wires them up
 * (the converter's large document readers load on first use).
 */
import * as vscode from 'vscode';
import { existsSync } from 'node:fs';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SHOW_REFERENCES_COMMAND, STATUS_NOTIFICATION, type ShowReferencesArguments, type StatusParams } from '../server/lsp/protocol.js';
import { COMMANDS } from './command-ids.js';
import { registerConvertCommand } from './convert-command.js';
import { registerReportPreviewCommand } from './report-preview.js';
import { createLanguageClient, serverState } from './language-client.js';
import { registerRuleDocs } from './rule-docs.js';
import { serverDiagnostics, StrategyStatusBar } from './status-bar.js';
import { MIN_NODE_MAJOR, nodeSupported } from './status-text.js';

/** When this module was loaded, so that activation time includes loading the bundle. */
const loadedAt = performance.now();

/** What activate() returns: used by the tests in VS Code, and harmless to other extensions. */
export interface StrategyExtensionApi {
  /** Milliseconds from loading dist/extension.js to the end of activate(). */
  readonly activationMs: number;
  /** Settles when the language server has answered `initialize` (rejects if it cannot start). */
  readonly serverReady: Promise<void>;
  /** Milliseconds from activation to the server's answer to `initialize`, once it has answered. */
  serverReadyMs(): number | undefined;
  /** The status bar item's text now. */
  statusText(): string;
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): StrategyExtensionApi {
  const output = vscode.window.createOutputChannel('Strategy', { log: true });
  const statusBar = new StrategyStatusBar();
  context.subscriptions.push(output, statusBar);

  const serverModule = context.asAbsolutePath('dist/server.js');
  let serverReady: Promise<void>;
  let serverReadyMs: number | undefined;
  if (!nodeSupported(process.versions.node)) {
    // Said plainly, rather than a server that crashes on start in an older VS Code.
    statusBar.setState('unsupported');
    output.error(`The Strategy language server needs Node.js ${MIN_NODE_MAJOR} or later; this VS Code runs extensions on Node.js ${process.versions.node} (VS Code 1.101 and later run Node.js 22).`);
    serverReady = Promise.reject(new Error(`Node.js ${process.versions.node} is too old for the language server`));
    serverReady.catch(() => undefined); // reported above
  } else if (existsSync(serverModule)) {
    client = createLanguageClient(serverModule, output);
    const c = client;
    statusBar.setDiagnosticsSource(serverDiagnostics);
    context.subscriptions.push(
      c.onDidChangeState((e) => statusBar.setState(serverState(e.newState))),
      c.onNotification(STATUS_NOTIFICATION, (p: StatusParams) => statusBar.setIndex(p.state, p)),
      // The server's code lenses ("supported by 3 local commitments") run this with LSP values; the editor's peek wants its own types.
      vscode.commands.registerCommand(SHOW_REFERENCES_COMMAND, (...[uri, position, locations]: ShowReferencesArguments) =>
        vscode.commands.executeCommand(
          'editor.action.showReferences',
          c.protocol2CodeConverter.asUri(uri),
          c.protocol2CodeConverter.asPosition(position),
          locations.map((l) => c.protocol2CodeConverter.asLocation(l)),
        ),
      ),
    );
    const startedAt = performance.now();
    // Not awaited: activation returns at once and the server starts in its own process.
    serverReady = client.start().then(() => {
      serverReadyMs = Math.round(performance.now() - startedAt);
      output.info(`Language server ready in ${serverReadyMs} ms.`);
    });
    serverReady.catch((e: unknown) => {
      statusBar.setState('stopped');
      output.error(`The language server did not start: ${e instanceof Error ? e.message : String(e)}`);
    });
  } else {
    statusBar.setState('missing');
    output.error(`The language server is missing: ${serverModule} does not exist (run \`npm run build\`).`);
    serverReady = Promise.reject(new Error(`${serverModule} does not exist`));
    serverReady.catch(() => undefined); // reported above; callers that care await it themselves
  }

  context.subscriptions.push(
    registerRuleDocs(context.asAbsolutePath('docs')),
    registerConvertCommand(COMMANDS.convertDocument, context.asAbsolutePath('dist/converter.js'), output),
    vscode.commands.registerCommand(COMMANDS.restartServer, async () => {
      if (!client) {
        void vscode.window.showErrorMessage('The Strategy language server is missing from this installation; see Strategy: Show Output.');
        return;
      }
      output.info('Restarting the language server.');
      await (client.isRunning() ? client.restart() : client.start());
    }),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => output.show(true)),
    registerReportPreviewCommand(COMMANDS.openReportPreview, () => client),
    // Trust granted: the server starts again without Restricted Mode's limits.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (client?.isRunning()) void client.restart();
    }),
  );

  const activationMs = Math.round(performance.now() - loadedAt);
  output.info(`Activated in ${activationMs} ms.`);
  return { activationMs, serverReady, serverReadyMs: () => serverReadyMs, statusText: () => statusBar.text };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
