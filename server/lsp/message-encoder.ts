/**
 * The JSON encoding of messages over a stream (stdio), with the JSON of
 * each frozen diagnostic kept once it is made.
 *
 * Publishing the ~5,100 diagnostics of a 1 MB document after each keystroke
 * spent more in `JSON.stringify` and the UTF-8 copy of the whole message
 * (1.3 MB) than in linting (profiled: issue 12). The publisher reuses a
 * diagnostic object while its finding shows in the same place
 * (`DiagnosticConverter`, deep-frozen so that it cannot change after it was
 * encoded), so a publication is mostly the same objects as the last one:
 * their JSON is kept, keyed by identity, and a publication is its
 * concatenation. Anything else (and a diagnostic not frozen) is encoded as
 * vscode-jsonrpc encodes it, so the bytes parse to the same message.
 *
 * Over Node IPC (how VS Code starts the server) Node serialises the message
 * itself; only the reuse of converted diagnostics applies there.
 */
import type { ContentTypeEncoderOptions, Message } from 'vscode-languageserver/node';

const PUBLISH = 'textDocument/publishDiagnostics';

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

/** A diagnostic's JSON and its length in UTF-8 bytes. */
interface Encoded {
  readonly text: string;
  readonly bytes: number;
}

export class CachingJsonEncoder {
  readonly name = 'application/json';
  /**
   * JSON of frozen diagnostics already encoded; a diagnostic no longer published is let go with its JSON.
   * Strings, not a Buffer each: thousands of small Buffers share 8 KB pool slabs, and one survivor keeps its
   * whole slab, so a publication's bytes are written once from the strings instead.
   */
  private readonly json = new WeakMap<object, Encoded>();

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
    const open = `${head.slice(0, -2)},"diagnostics":[`;
    const close = ']}}';
    const parts: Encoded[] = new Array(diagnostics.length);
    let total = Buffer.byteLength(open, 'utf8') + close.length + Math.max(0, diagnostics.length - 1);
    for (let i = 0; i < diagnostics.length; i++) {
      const part = this.encodedOf(diagnostics[i]);
      parts[i] = part;
      total += part.bytes;
    }
    // Each piece written straight into the message's buffer: joining 1.3 MB of JSON first, then flattening and
    // copying it into bytes, cost more than the rest of a publication (profiled).
    const out = Buffer.allocUnsafe(total);
    let at = out.write(open, 0, 'utf8');
    for (let i = 0; i < parts.length; i++) {
      if (i > 0) out[at++] = 0x2c; // ,
      const part = parts[i]!;
      // A text as long in UTF-8 bytes as in code units is ASCII: copied as Latin-1, the same bytes, without V8's UTF-8 writer (about 3 ms per MB here).
      at += out.write(part.text, at, part.bytes === part.text.length ? 'latin1' : 'utf8');
    }
    at += out.write(close, at, 'utf8');
    return at === total ? out : out.subarray(0, at);
  }

  private encodedOf(diagnostic: unknown): Encoded {
    // Only a frozen object cannot change after its JSON is kept (DiagnosticConverter freezes it all the way down).
    if (typeof diagnostic !== 'object' || diagnostic === null || !Object.isFrozen(diagnostic)) return encoded(JSON.stringify(diagnostic) ?? 'null');
    let kept = this.json.get(diagnostic);
    if (kept === undefined) {
      kept = encoded(JSON.stringify(diagnostic));
      this.json.set(diagnostic, kept);
    }
    return kept;
  }
}

function encoded(text: string): Encoded {
  return { text, bytes: Buffer.byteLength(text, 'utf8') };
}
