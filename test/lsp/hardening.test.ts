/**
 * Regression cases of issue 10 for the language server, over its real
 * transport: framing errors, requests before `initialize`, completion past a
 * line's end, deep nesting in the editor, a device named as an indicator
 * file, and Restricted Mode.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CompletionRequest,
  CompletionTriggerKind,
  DocumentSymbolRequest,
  type CompletionItem,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { LspClient, SERVER, uriOfPath, WORKSPACE_FIXTURES } from './support/lsp-client.js';
import { scratch } from '../support/temp.js';
import { contentLengthOf, FramingGuard } from '../../server/lsp/transport.js';

function frame(message: unknown): string {
  const body = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/** The server over stdio with raw bytes in, and the JSON-RPC messages it writes out. */
function rawServer(): { send(bytes: string): void; next(predicate: (m: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>; stderr(): string; stop(): void } {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = Buffer.alloc(0);
  let err = '';
  const received: Record<string, unknown>[] = [];
  const waiters: { predicate: (m: Record<string, unknown>) => boolean; resolve: (m: Record<string, unknown>) => void }[] = [];
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  child.stdout.on('data', (chunk: Buffer) => {
    out = Buffer.concat([out, chunk]);
    for (;;) {
      const end = out.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = contentLengthOf(out.subarray(0, end).toString('ascii'))!;
      if (out.length < end + 4 + length) return;
      const message = JSON.parse(out.subarray(end + 4, end + 4 + length).toString('utf8')) as Record<string, unknown>;
      out = out.subarray(end + 4 + length);
      received.push(message);
      for (const w of [...waiters]) if (w.predicate(message)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(message); }
    }
  });
  return {
    send: (bytes) => void child.stdin.write(bytes),
    next: (predicate) => {
      const found = received.find(predicate);
      return found ? Promise.resolve(found) : new Promise((resolve) => waiters.push({ predicate, resolve }));
    },
    stderr: () => err,
    stop: () => void child.kill(),
  };
}

const INITIALIZE = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } };

describe('language server: hardening (issue 10)', function () {
  this.timeout(60_000);

  it('answers a request before `initialize` with error -32002 (it answered null)', async () => {
    const server = rawServer();
    try {
      server.send(frame({ jsonrpc: '2.0', id: 7, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///x.strategy' }, position: { line: 0, character: 0 } } }));
      const reply = await server.next((m) => m['id'] === 7);
      assert.equal((reply['error'] as { code: number }).code, -32002);
      server.send(frame(INITIALIZE));
      const init = await server.next((m) => m['id'] === 1);
      assert.ok(init['result'], 'initialize still works afterwards');
    } finally {
      server.stop();
    }
  });

  for (const [what, header] of [
    ['a missing Content-Length', 'Content-Type: application/vscode-jsonrpc; charset=utf-8'],
    ['a non-numeric Content-Length', 'Content-Length: forty-two'],
  ] as const) {
    it(`logs a message with ${what} and goes on reading (it went deaf)`, async () => {
      const server = rawServer();
      try {
        server.send(`${header}\r\n\r\n{"jsonrpc":"2.0","id":99,"method":"shutdown"}`);
        server.send(frame(INITIALIZE));
        const init = await server.next((m) => m['id'] === 1);
        assert.ok(init['result'], 'the next well-framed message is answered');
        assert.match(server.stderr(), /Ignored a message whose header has no numeric Content-Length/);
      } finally {
        server.stop();
      }
    });
  }

  it('the framing guard passes good messages through byte for byte, whatever the chunking', async () => {
    const messages = [frame({ a: 1 }), 'Content-Length: x\r\n\r\n{"bad":1}', frame({ b: 'é'.repeat(5000) }), frame({ c: 3 })];
    const bytes = Buffer.from(messages.join(''), 'utf8');
    const reports: string[] = [];
    const guard = new FramingGuard((m) => reports.push(m));
    const out: Buffer[] = [];
    guard.on('data', (c: Buffer) => out.push(c));
    for (let i = 0; i < bytes.length; i += 7) guard.write(bytes.subarray(i, i + 7));
    guard.end();
    await new Promise((resolve) => guard.on('end', resolve));
    assert.equal(Buffer.concat(out).toString('utf8'), messages[0]! + messages[2]! + messages[3]!);
    assert.equal(reports.length, 1);
  });

  describe('in a workspace', () => {
    let client: LspClient;
    before(async () => {
      client = await LspClient.start({ folders: [WORKSPACE_FIXTURES] });
      await client.ready();
    });
    after(() => client.stop());

    it('completion past the end of a line replaces up to the line\'s end, never a range running backwards', async () => {
      const uri = uriOfPath(join(WORKSPACE_FIXTURES, 'hardening-completion.strategy'));
      await client.open(join(WORKSPACE_FIXTURES, 'unused'), 'priority P1 "One" {\n  own\n}\n', uri);
      const list = await client.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri },
        position: { line: 1, character: 40 },
        context: { triggerKind: CompletionTriggerKind.Invoked },
      });
      await client.close(uri);
      const items: CompletionItem[] = list === null ? [] : Array.isArray(list) ? list : list.items;
      assert.ok(items.length > 0);
      for (const item of items) {
        const { start, end } = (item.textEdit as TextEdit).range;
        assert.ok(start.line === 1 && end.line === 1 && start.character <= end.character && end.character <= 5, `${item.label}: ${JSON.stringify((item.textEdit as TextEdit).range)}`);
      }
    });

    it('a document nested 400 deep gets its diagnostics and an outline (it got neither)', async () => {
      const text = `${'priority "p" {\n'.repeat(400)}${'}\n'.repeat(400)}`;
      const uri = uriOfPath(join(WORKSPACE_FIXTURES, 'hardening-deep.strategy'));
      const diagnostics = client.nextDiagnostics(uri);
      await client.open(join(WORKSPACE_FIXTURES, 'unused'), text, uri);
      const published = await diagnostics;
      assert.ok(published.diagnostics.some((d) => /nested deeper than 32 levels/.test(typeof d.message === 'string' ? d.message : d.message.value)));
      const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
      assert.ok(symbols && symbols.length > 0, 'an outline');
      await client.close(uri);
    });
  });

  it('a config naming /dev/zero as an indicator file is refused with a warning; the server stays up', async () => {
    const dir = scratch({ 'strategy.config.json': JSON.stringify({ indicatorFiles: ['/dev/zero'] }), 'a.strategy': 'note "n"\n' });
    const client = await LspClient.start({ folders: [dir] });
    try {
      await client.ready();
      const diagnostics = await client.openAndWait(join(dir, 'a.strategy'));
      assert.ok(Array.isArray(diagnostics));
      assert.ok(client.logs.some((m) => /\/dev\/zero is not a regular file/.test(m)), JSON.stringify(client.logs));
    } finally {
      await client.stop();
    }
  });

  it('in Restricted Mode reads no framework outside the workspace folders', async () => {
    const outside = scratch({ 'drugs-2008.strategy': 'framework drugs-2008 "National" {\n  period 2008-04 to 2011-03\n}\n' });
    const strategy = 'strategy "S" {\n  framework drugs-2008\n}\n';
    const config = JSON.stringify({ frameworks: [outside] });
    for (const trusted of [true, false]) {
      const dir = scratch({ 'strategy.config.json': config, 'a.strategy': strategy });
      mkdirSync(join(dir, 'sub'), { recursive: true });
      writeFileSync(join(dir, 'sub', 'keep.txt'), '');
      const client = await LspClient.start({ folders: [dir], initializationOptions: { workspaceTrusted: trusted } });
      try {
        await client.ready();
        const diagnostics = await client.openAndWait(join(dir, 'a.strategy'));
        const unknown = diagnostics.some((d) => d.code === 'unknown-framework');
        assert.equal(unknown, !trusted, `trusted: ${trusted}: ${JSON.stringify(diagnostics.map((d) => d.code))}`);
        if (!trusted) assert.ok(client.logs.some((m) => /outside the workspace folders; in Restricted Mode/.test(m)), JSON.stringify(client.logs));
      } finally {
        await client.stop();
      }
    }
  });
});
