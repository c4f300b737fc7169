/**
 * `MessageFlow` over vscode-jsonrpc's real reader and connection: an
 * analysis step that waits on `settled()` starts only once every message
 * already read has reached its handler, however many turns decoding and
 * dispatching take; messages that never reach one (a body that is not JSON)
 * do not hold it up.
 */
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { createMessageConnection, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { CountingStreamReader, MessageFlow } from '../../server/lsp/message-flow.js';
import { FramingGuard } from '../../server/lsp/transport.js';

function framed(body: string): string {
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

function notification(n: number): string {
  return framed(JSON.stringify({ jsonrpc: '2.0', method: 'test/note', params: { n } }));
}

/** A connection reading from `input` as the server's does over stdio, counted by `flow`. */
function connectionOver(flow: MessageFlow): { input: PassThrough; connection: MessageConnection; handled: number[] } {
  const input = new PassThrough();
  const guard = new FramingGuard(() => undefined, () => flow.noteRead());
  input.pipe(guard);
  const connection = createMessageConnection(new CountingStreamReader(guard, flow), new StreamMessageWriter(new PassThrough()), undefined, {
    messageStrategy: {
      handleMessage(message, next) {
        flow.noteDispatched();
        next(message);
      },
    },
  });
  const handled: number[] = [];
  connection.onNotification('test/note', (params: unknown) => {
    handled.push((params as { n: number }).n);
  });
  connection.listen();
  return { input, connection, handled };
}

describe('MessageFlow', () => {
  it('settles at once when nothing is waiting', async () => {
    const flow = new MessageFlow();
    let settled = false;
    void flow.settled().then(() => (settled = true));
    await Promise.resolve();
    assert.equal(settled, true);
  });

  it('settles only once every message read has reached its handler, one dispatch per turn', async () => {
    const flow = new MessageFlow();
    const { input, connection, handled } = connectionOver(flow);
    try {
      // Five messages in one chunk, read while an analysis step held the thread.
      input.write(notification(1) + notification(2) + notification(3) + notification(4) + notification(5));
      while (flow.waiting === 0) await Promise.resolve().then(() => nextTurn());
      await flow.settled();
      assert.deepEqual(handled, [1, 2, 3, 4, 5]);
      assert.equal(flow.waiting, 0);
    } finally {
      connection.dispose();
    }
  });

  it('is not held up by a message that never reaches a handler, and forgets it', async () => {
    const flow = new MessageFlow();
    const { input, connection, handled } = connectionOver(flow);
    connection.onError(() => undefined);
    try {
      input.write(framed('{ not json') + notification(7));
      while (flow.waiting < 2) await nextTurn();
      await flow.settled();
      assert.deepEqual(handled, [7]);
      assert.equal(flow.waiting, 0, 'the message that was dropped is no longer counted');
    } finally {
      connection.dispose();
    }
  });
});
