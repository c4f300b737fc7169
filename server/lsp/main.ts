/**
 * Entry point of the language server (bundled to dist/server.js). The
 * transport comes from the command line, as vscode-languageserver reads it:
 * `--stdio`, `--node-ipc` (how the VS Code extension starts it), `--pipe=…`
 * or `--socket=…`. Over stdio, standard input passes through a framing guard
 * first (see transport.ts), and messages are written as they are sent
 * (message-writer.ts) with an encoder that keeps the JSON of diagnostics
 * published again (message-encoder.ts).
 */
import { ErrorCodes, LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import { createConnection, IPCMessageWriter, ProposedFeatures } from 'vscode-languageserver/node';
import { CachingJsonEncoder } from './message-encoder.js';
import { CountingIpcReader, CountingStreamReader, MessageFlow } from './message-flow.js';
import { ImmediateMessageWriter } from './message-writer.js';
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
  messageStrategy: noteShutdown(beforeInitialize()),
};

/** Messages read from the client and not yet handed to their handlers (message-flow.ts); counted over stdio and node IPC. */
const flow = new MessageFlow();

/** Whether `shutdown` was asked for: the exit code when standard input ends (0 after it, 1 without), as vscode-languageserver sets it for streams. */
let shutdownReceived = false;
function noteShutdown(inner: ReturnType<typeof beforeInitialize>): ReturnType<typeof beforeInitialize> {
  return {
    handleMessage(message, next) {
      flow.noteDispatched();
      if ((message as { method?: unknown }).method === 'shutdown') shutdownReceived = true;
      return inner.handleMessage(message, next);
    },
  };
}

let connection: Connection | undefined;
let messagesSettled: (() => Promise<void>) | undefined;
let outputFlushed: (() => Promise<void>) | undefined;
const report = (message: string): void => {
  process.stderr.write(`${message}\n`);
  connection?.console.error(message);
};

if (process.argv.includes('--stdio')) {
  const input = new FramingGuard(report, () => flow.noteRead());
  process.stdin.pipe(input);
  // Diagnostics published again and again keep their JSON (message-encoder.ts).
  // Each message is written as it is sent, not on a later turn (message-writer.ts).
  const writer = new ImmediateMessageWriter(process.stdout, new CachingJsonEncoder());
  outputFlushed = () => writer.flushed();
  connection = createConnection(ProposedFeatures.all, new CountingStreamReader(input, flow), writer, options);
  messagesSettled = () => flow.settled();
  // Given a reader rather than a stream, vscode-languageserver no longer exits when the client goes: this does.
  const exitWithClient = (): void => process.exit(shutdownReceived ? 0 : 1);
  input.on('end', exitWithClient);
  input.on('close', exitWithClient);
} else if (process.argv.includes('--node-ipc')) {
  // How the VS Code extension starts the server: the reader and writer createConnection would make, the reader counted.
  connection = createConnection(ProposedFeatures.all, new CountingIpcReader(process, flow), new IPCMessageWriter(process), options);
  messagesSettled = () => flow.settled();
} else {
  connection = createConnection(ProposedFeatures.all, options);
}
const server = connection;

// What a user types must never bring the server down; a fault is logged and the server carries on.
process.on('uncaughtException', (e) => server.console.error(`Unexpected error: ${e.stack ?? e.message}`));
process.on('unhandledRejection', (e) => server.console.error(`Unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));

server.onRequest(NOT_INITIALIZED_METHOD, () => new ResponseError(ErrorCodes.ServerNotInitialized, 'The server is not initialized: send `initialize` first.'));
startServer(server, { outputFlushed, messagesSettled });
server.listen();
