/**
 * The stdio writer (server/lsp/message-writer.ts): a message's bytes reach
 * the stream within `write` itself, framed as vscode-jsonrpc frames them and
 * in the order written; `flushed` waits for what the stream still holds.
 * (Every suite in test/lsp runs the server through it, over stdio.)
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { CachingJsonEncoder } from '../../server/lsp/message-encoder.js';
import { ImmediateMessageWriter } from '../../server/lsp/message-writer.js';

/** A stream that keeps what it is given, and calls back at once or only when `release` is called. */
function collector(options: { highWaterMark?: number; held?: boolean } = {}): { stream: Writable; chunks: Buffer[]; release: () => void } {
  const chunks: Buffer[] = [];
  const waiting: (() => void)[] = [];
  const stream = new Writable({
    highWaterMark: options.highWaterMark ?? 16 * 1024,
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(Buffer.from(chunk));
      if (options.held) waiting.push(() => callback());
      else callback();
    },
  });
  return { stream, chunks, release: () => waiting.splice(0).forEach((f) => f()) };
}

/** The messages in `bytes`, read by their Content-Length headers. */
function frames(bytes: Buffer): unknown[] {
  const out: unknown[] = [];
  let at = 0;
  while (at < bytes.length) {
    const end = bytes.indexOf('\r\n\r\n', at);
    const header = bytes.subarray(at, end).toString('ascii');
    const length = Number(/^Content-Length: (\d+)$/.exec(header)?.[1]);
    assert.ok(Number.isInteger(length), header);
    out.push(JSON.parse(bytes.subarray(end + 4, end + 4 + length).toString('utf8')));
    at = end + 4 + length;
  }
  return out;
}

describe('language server: the message writer', () => {
  it('hands a message to the stream before `write` returns, framed, in the order written', () => {
    const { stream, chunks } = collector();
    const writer = new ImmediateMessageWriter(stream, new CachingJsonEncoder());
    const messages = [
      { jsonrpc: '2.0', id: 1, result: { items: [{ label: 'NI 40 — é ✓ 😀' }] } },
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a.strategy', version: 3, diagnostics: [] } },
      { jsonrpc: '2.0', id: 2, result: null },
    ];
    for (const m of messages) void writer.write(m as never);
    // Nothing awaited: the bytes are already there.
    assert.deepEqual(frames(Buffer.concat(chunks)), messages);
  });

  it('resolves a write once the stream has taken it, and `flushed` once the stream has drained', async () => {
    const { stream, chunks, release } = collector({ highWaterMark: 16, held: true });
    const writer = new ImmediateMessageWriter(stream, new CachingJsonEncoder());
    const big = { jsonrpc: '2.0', id: 7, result: { items: Array.from({ length: 200 }, (_, i) => ({ label: String(i) })) } };
    let written = false;
    const write = writer.write(big as never).then(() => (written = true));
    let flushed = false;
    const flush = writer.flushed().then(() => (flushed = true));
    await new Promise((r) => setImmediate(r));
    assert.equal(written, false, 'the stream has not taken it yet');
    assert.equal(flushed, false, 'the stream still holds it');
    // The stream takes one chunk per callback: let it take them all.
    while (!flushed) {
      release();
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all([write, flush]);
    assert.equal(written, true);
    assert.deepEqual(frames(Buffer.concat(chunks)), [big]);
    await writer.flushed(); // nothing held: at once
  });

  it('reports a message it cannot encode, and goes on writing the next', async () => {
    const { stream, chunks } = collector();
    const writer = new ImmediateMessageWriter(stream, new CachingJsonEncoder());
    const errors: unknown[] = [];
    writer.onError((e) => errors.push(e));
    const circular: Record<string, unknown> = { jsonrpc: '2.0', id: 1 };
    circular['result'] = circular;
    await assert.rejects(writer.write(circular as never));
    assert.equal(errors.length, 1);
    await writer.write({ jsonrpc: '2.0', id: 2, result: 'ok' } as never);
    assert.deepEqual(frames(Buffer.concat(chunks)), [{ jsonrpc: '2.0', id: 2, result: 'ok' }]);
  });
});
