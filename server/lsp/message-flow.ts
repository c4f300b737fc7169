/**
 * Which of the client's messages are read but not yet handed to their
 * handlers, so that a step of analysis can let them all go first.
 *
 * A message passes three stages, each a turn of the event loop or more:
 * its bytes are read (over stdio, the framing guard sees it whole); over
 * stdio vscode-jsonrpc decodes it on a later turn (its reader's semaphore
 * runs on `setImmediate`) and queues it; and the connection dispatches its
 * queue one message per turn, again on `setImmediate`. Yielding a fixed
 * number of turns is not enough: a completion request read just before the
 * analysis's last turn gets its dispatch queued behind that turn, so the
 * analysis starts its next step first, and the completion waits a whole
 * parse or lint more (the tail of completion latency while typing). Counting
 * the stages tells exactly when every message already read has gone.
 */
import type { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { DataCallback, Disposable } from 'vscode-jsonrpc';
import { IPCMessageReader, StreamMessageReader } from 'vscode-languageserver/node';

export class MessageFlow {
  private read = 0;
  private dispatched = 0;
  /** Bumped at every stage, so that a turn in which a message moved on is told from one in which none did. */
  private moves = 0;

  /** A whole message was read from the client. */
  noteRead(): void {
    this.read++;
    this.moves++;
  }

  /** A message was decoded and queued (over stdio, a turn or more after its bytes were read). */
  noteQueued(): void {
    this.moves++;
  }

  /** The connection handed a message to its handler. */
  noteDispatched(): void {
    this.dispatched++;
    this.moves++;
  }

  /** Messages read and not yet dispatched. */
  get waiting(): number {
    return this.read - this.dispatched;
  }

  /**
   * Resolves once every message read before the call, and any read while it
   * waits, has been dispatched: one turn at a time, while some message moved
   * on in the turn. A turn in which none did means the rest never will be
   * dispatched (the connection itself answers a request cancelled while it
   * was queued, and takes the cancellation; a body that is not JSON is
   * dropped), so they are forgotten.
   */
  async settled(): Promise<void> {
    while (this.waiting > 0) {
      const moves = this.moves;
      await nextTurn();
      if (this.moves === moves) {
        this.read = this.dispatched;
        return;
      }
    }
  }
}

/** vscode-jsonrpc's stream reader, noting each message it decodes and queues (the bytes are counted by the framing guard before it). */
export class CountingStreamReader extends StreamMessageReader {
  constructor(
    readable: Readable,
    private readonly flow: MessageFlow,
  ) {
    super(readable);
  }

  override listen(callback: DataCallback): Disposable {
    return super.listen((message) => {
      this.flow.noteQueued();
      callback(message);
    });
  }
}

/** vscode-jsonrpc's IPC reader (what createConnection makes for `--node-ipc`), noting each message as it arrives: read and queued at once. */
export class CountingIpcReader extends IPCMessageReader {
  constructor(
    process: NodeJS.Process,
    private readonly flow: MessageFlow,
  ) {
    super(process);
  }

  override listen(callback: DataCallback): Disposable {
    return super.listen((message) => {
      this.flow.noteRead();
      callback(message);
    });
  }
}
