/**
 * Entry point of the language server (bundled to dist/server.js). The
 * transport comes from the command line, as vscode-languageserver reads it:
 * `--stdio`, `--node-ipc` (how the VS Code extension starts it), `--pipe=…`
 * or `--socket=…`. Over stdio, standard input passes through a framing guard
 * first (see transport.ts).
 */
import { ErrorCodes, LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';
import { beforeInitialize, FramingGuard, NOT_INITIALIZED_METHOD } from './transport.js';

const options = {
  connectionStrategy: {
    // A request cancelled while still queued is answered at once, without running it.
    cancelUndispatched: (message: unknown) => {
      const id = (message as { id?: unknown }).id;
      if (typeof id !== 'number' && typeof id !== 'string') return undefined;
      return { jsonrpc: '2.0' as const, id, error: new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.').toJson() };
    },
  },
  messageStrategy: beforeInitialize(),
};

let connection: Connection | undefined;
const report = (message: string): void => {
  process.stderr.write(`${message}\n`);
  connection?.console.error(message);
};

if (process.argv.includes('--stdio')) {
  const input = new FramingGuard(report);
  process.stdin.pipe(input);
  connection = createConnection(ProposedFeatures.all, input, process.stdout, options);
} else {
  connection = createConnection(ProposedFeatures.all, options);
}
const server = connection;

// What a user types must never bring the server down; a fault is logged and the server carries on.
process.on('uncaughtException', (e) => server.console.error(`Unexpected error: ${e.stack ?? e.message}`));
process.on('unhandledRejection', (e) => server.console.error(`Unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));

server.onRequest(NOT_INITIALIZED_METHOD, () => new ResponseError(ErrorCodes.ServerNotInitialized, 'The server is not initialized: send `initialize` first.'));
startServer(server);
server.listen();
