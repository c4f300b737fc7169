/**
 * Entry point of the language server (bundled to dist/server.js). The
 * transport comes from the command line, as vscode-languageserver reads it:
 * `--stdio`, `--node-ipc` (how the VS Code extension starts it), `--pipe=…`
 * or `--socket=…`.
 */
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';

const connection = createConnection(ProposedFeatures.all, {
  // A request cancelled while still queued is answered at once, without running it.
  cancelUndispatched: (message) => {
    const id = (message as { id?: unknown }).id;
    if (typeof id !== 'number' && typeof id !== 'string') return undefined;
    return { jsonrpc: '2.0', id, error: new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.').toJson() };
  },
});

// What a user types must never bring the server down; a fault is logged and the server carries on.
process.on('uncaughtException', (e) => connection.console.error(`Unexpected error: ${e.stack ?? e.message}`));
process.on('unhandledRejection', (e) => connection.console.error(`Unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));

startServer(connection);
connection.listen();
