/**
 * Guards between the transport and vscode-jsonrpc, for what the library does
 * not handle (and cannot be configured to):
 *
 * - Framing. On a header without a numeric Content-Length the library's
 *   stream reader reports an error and keeps the message's body in its
 *   buffer, where it is read as the next header, and the next, so the server
 *   stays alive but never reads another message. `FramingGuard` checks each
 *   header before the library sees it, logs a bad one, drops it and the bytes
 *   up to the next header, and passes every good message through untouched.
 * - Order. Requests before `initialize` must get error -32002
 *   (ServerNotInitialized) and notifications other than `exit` be dropped;
 *   the library would run their handlers. `beforeInitialize` does that.
 */
import { Transform, type TransformCallback } from 'node:stream';
import type { Message, RequestMessage } from 'vscode-jsonrpc';

type NotificationResult = void | Promise<void>;

/** A header block longer than this is not a header: LSP headers are two short lines. */
const MAX_HEADER_BYTES = 8 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
const CONTENT_LENGTH = /content-length:/i;

type State = { kind: 'header' } | { kind: 'body'; remaining: number } | { kind: 'resync' };

export class FramingGuard extends Transform {
  private state: State = { kind: 'header' };
  private pending: Buffer = Buffer.alloc(0);

  constructor(
    private readonly report: (message: string) => void,
    /** Called as each whole message passes (message-flow.ts counts them). */
    private readonly passed: () => void = () => undefined,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let data = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = Buffer.alloc(0);
    while (data.length > 0) {
      if (this.state.kind === 'body') {
        // A body passes straight through, however large, without being buffered here.
        const n = Math.min(this.state.remaining, data.length);
        this.push(data.subarray(0, n));
        data = data.subarray(n);
        const remaining = this.state.remaining - n;
        this.state = remaining === 0 ? { kind: 'header' } : { kind: 'body', remaining };
        if (remaining === 0) this.passed();
      } else if (this.state.kind === 'header') {
        const end = data.indexOf(HEADER_END);
        if (end < 0) {
          if (data.length > MAX_HEADER_BYTES) this.reject(data.subarray(0, 200).toString('latin1'), 'is not a header (no blank line after it)');
          else {
            this.pending = data;
            data = Buffer.alloc(0);
          }
          continue;
        }
        const header = data.subarray(0, end).toString('ascii');
        const length = contentLengthOf(header);
        if (length === undefined) {
          this.reject(header, 'has no numeric Content-Length');
          data = data.subarray(end + HEADER_END.length);
          continue;
        }
        this.push(data.subarray(0, end + HEADER_END.length));
        data = data.subarray(end + HEADER_END.length);
        this.state = length === 0 ? { kind: 'header' } : { kind: 'body', remaining: length };
        if (length === 0) this.passed();
      } else {
        // Dropping what follows a bad header until the next one starts.
        const text = data.toString('latin1');
        const at = text.search(CONTENT_LENGTH);
        if (at < 0) {
          // Keep the tail: the next header may start across the chunk boundary.
          this.pending = data.subarray(Math.max(0, data.length - 15));
          data = Buffer.alloc(0);
          continue;
        }
        data = data.subarray(at);
        this.state = { kind: 'header' };
      }
    }
    done();
  }

  private reject(header: string, why: string): void {
    const shown = header.replace(/\r?\n/g, ' | ').slice(0, 200);
    this.report(`Ignored a message whose header ${why}: "${shown}". Messages are framed as "Content-Length: N\\r\\n\\r\\n" and N bytes of JSON; reading goes on at the next header.`);
    this.state = { kind: 'resync' };
  }
}

/** The Content-Length of a header block, if it has one that is a whole number. */
export function contentLengthOf(header: string): number | undefined {
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    return /^\d{1,15}$/.test(value) ? Number(value) : undefined;
  }
  return undefined;
}

/** The method the server answers with -32002; requests that come before `initialize` are routed to it. */
export const NOT_INITIALIZED_METHOD = 'strategy/$notInitialized';

function isRequest(message: Message): message is RequestMessage {
  const m = message as Partial<RequestMessage>;
  return typeof m.method === 'string' && (typeof m.id === 'number' || typeof m.id === 'string');
}

/**
 * A vscode-jsonrpc message strategy: until `initialize` arrives, a request
 * is answered with -32002 (by routing it to NOT_INITIALIZED_METHOD) and a
 * notification other than `exit` is dropped, as the protocol asks.
 */
export function beforeInitialize(): { handleMessage(message: Message, next: (message: Message) => NotificationResult): NotificationResult } {
  let initialized = false;
  return {
    handleMessage(message, next) {
      if (initialized) return next(message);
      const method = (message as { method?: unknown }).method;
      if (method === 'initialize') {
        initialized = true;
        return next(message);
      }
      if (isRequest(message)) return next({ ...message, method: NOT_INITIALIZED_METHOD } as RequestMessage);
      if (method === 'exit' || method === undefined) return next(message);
      return undefined;
    },
  };
}
