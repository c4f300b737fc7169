/**
 * Writes each message over a stream (stdio) the moment it is sent.
 *
 * vscode-jsonrpc's `StreamMessageWriter` queues every write behind a
 * semaphore that starts it on a later turn (`setImmediate`), encodes through
 * a promise, and writes the body only once the header's write has called
 * back. A completion answered between two turns of an edit's analysis
 * (diagnostics.ts yields to requests there) was therefore not written until
 * the next turn, the reparse or the lint of a 1 MB document, had run: it was
 * computed first and answered after (profiled: 5 to 11 ms of a 12 ms
 * completion, issue 12). Here a message's bytes are made and handed to the
 * stream within `write` itself, so the answer leaves before the analysis
 * goes on. Order is the order of `write` calls, as the semaphore kept it.
 */
import type { Writable } from 'node:stream';
import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';
import type { CachingJsonEncoder } from './message-encoder.js';

/** How long `flushed` waits at most. */
const FLUSH_WAIT_LIMIT_MS = 100;

export class ImmediateMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;

  constructor(
    private readonly stream: Writable,
    private readonly encoder: Pick<CachingJsonEncoder, 'encodeNow'>,
  ) {
    super();
    stream.on('error', (e: Error) => this.fireError(e));
    stream.on('close', () => this.fireClose());
  }

  write(msg: Message): Promise<void> {
    let body: Buffer;
    try {
      body = this.encoder.encodeNow(msg, { charset: 'utf-8' });
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      this.fireError(error);
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      const done = (error: Error | null | undefined): void => {
        if (!error) return resolve();
        this.errorCount++;
        this.fireError(error, msg, this.errorCount);
        reject(error);
      };
      try {
        // Two writes, one after the other in this call: the stream keeps their order, and no copy joins them.
        this.stream.write(`Content-Length: ${body.byteLength}\r\n\r\n`, 'ascii');
        this.stream.write(body, done);
      } catch (e) {
        done(e instanceof Error ? e : new Error(String(e)));
      }
    });
  }

  /**
   * Resolves once what was written has left for the client: the pipe takes
   * 64 KB at a time, and the rest of a long answer (a completion list) waits
   * for the event loop. The publisher waits on this before each step of an
   * analysis, so an answer is not held back behind it. A stream that never
   * drains (a client that stopped reading) holds nothing up for long.
   */
  flushed(): Promise<void> {
    if (this.stream.writableLength === 0 || this.stream.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.stream.off('drain', done);
        this.stream.off('close', done);
        resolve();
      };
      const timer = setTimeout(done, FLUSH_WAIT_LIMIT_MS);
      this.stream.once('drain', done);
      this.stream.once('close', done);
    });
  }

  end(): void {
    this.stream.end();
  }
}
