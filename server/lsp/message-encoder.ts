/**
 * The JSON encoding of messages over a stream (stdio), with the bytes of
 * each frozen diagnostic kept once they are made.
 *
 * Publishing the ~5,100 diagnostics of a 1 MB document after each keystroke
 * spent more in `JSON.stringify` and the UTF-8 copy of the whole message
 * (1.3 MB) than in linting (profiled: issue 12). The publisher reuses a
 * diagnostic object while its finding shows in the same place
 * (`DiagnosticConverter`, deep-frozen so that it cannot change after it was
 * encoded), so a publication is mostly the same objects as the last one:
 * their bytes are kept, keyed by identity, and a publication is their
 * concatenation. Anything else (and a diagnostic not frozen) is encoded as
 * vscode-jsonrpc encodes it, so the bytes parse to the same message.
 *
 * Over Node IPC (how VS Code starts the server) Node serialises the message
 * itself; only the reuse of converted diagnostics applies there.
 */
import type { ContentTypeEncoderOptions, Message } from 'vscode-languageserver/node';

const PUBLISH = 'textDocument/publishDiagnostics';
const COMMA = Buffer.from(',');
const TAIL = Buffer.from(']}}');

interface PublishMessage {
  readonly jsonrpc: string;
  readonly method: string;
  readonly params: { readonly diagnostics: readonly unknown[] } & Record<string, unknown>;
}

/** A publication this encoder can splice: exactly jsonrpc, method and params, params holding more than the diagnostics. */
function asPublish(msg: Message): PublishMessage | undefined {
  const m = msg as Partial<PublishMessage> & Record<string, unknown>;
  if (m.method !== PUBLISH || typeof m.params !== 'object' || m.params === null || !Array.isArray(m.params.diagnostics)) return undefined;
  for (const key of Object.keys(m)) if (key !== 'jsonrpc' && key !== 'method' && key !== 'params') return undefined;
  if (Object.keys(m.params).length < 2) return undefined;
  return m as PublishMessage;
}

export class CachingJsonEncoder {
  readonly name = 'application/json';
  /** Bytes of frozen diagnostics already encoded; a diagnostic no longer published is let go with its bytes. */
  private readonly bytes = new WeakMap<object, Buffer>();

  encode(msg: Message, options: ContentTypeEncoderOptions): Promise<Uint8Array> {
    try {
      return Promise.resolve(this.encodeNow(msg, options));
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }

  /** The message's bytes (synchronous: for tests, and what `encode` resolves to). */
  encodeNow(msg: Message, options: ContentTypeEncoderOptions = { charset: 'utf-8' }): Buffer {
    const publish = options.charset === 'utf-8' ? asPublish(msg) : undefined;
    if (!publish) return Buffer.from(JSON.stringify(msg, undefined, 0), options.charset);
    const { diagnostics, ...rest } = publish.params;
    // `{"jsonrpc":…,"params":{…}}` with the diagnostics last: its closing `}}` gives way to them.
    const head = JSON.stringify({ jsonrpc: publish.jsonrpc, method: publish.method, params: rest });
    const parts: Buffer[] = [Buffer.from(`${head.slice(0, -2)},"diagnostics":[`)];
    for (let i = 0; i < diagnostics.length; i++) {
      if (i > 0) parts.push(COMMA);
      parts.push(this.bytesOf(diagnostics[i]));
    }
    parts.push(TAIL);
    return Buffer.concat(parts);
  }

  private bytesOf(diagnostic: unknown): Buffer {
    // Only a frozen object cannot change after its bytes are kept (DiagnosticConverter freezes it all the way down).
    if (typeof diagnostic !== 'object' || diagnostic === null || !Object.isFrozen(diagnostic)) return Buffer.from(JSON.stringify(diagnostic) ?? 'null');
    let kept = this.bytes.get(diagnostic);
    if (kept === undefined) {
      kept = Buffer.from(JSON.stringify(diagnostic));
      this.bytes.set(diagnostic, kept);
    }
    return kept;
  }
}
