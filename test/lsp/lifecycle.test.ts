/**
 * The server as the extension starts it: over stdio and over Node IPC, with
 * a workspace folder, an empty workspace, or a file outside any folder.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LSPErrorCodes, type ResponseMessage } from 'vscode-languageserver-protocol/node';
import { spawn } from 'node:child_process';
import { StreamMessageReader } from 'vscode-languageserver-protocol/node';
import { emptyFolder, LspClient, SERVER, uriOfPath, WORKSPACE_FIXTURES } from './support/lsp-client.js';
import { guarded, Slicer } from '../../server/lsp/cancellation.js';
import { CancellationTokenSource, ResponseError } from 'vscode-languageserver';

describe('language server: lifecycle', function () {
  it('answers initialize over stdio with every feature it serves', async () => {
    const client = await LspClient.start({ folders: [WORKSPACE_FIXTURES] });
    try {
      const c = client.initializeResult.capabilities;
      assert.equal(client.initializeResult.serverInfo?.name, 'strategy-language-server');
      for (const feature of [
        'completionProvider',
        'hoverProvider',
        'definitionProvider',
        'referencesProvider',
        'documentSymbolProvider',
        'workspaceSymbolProvider',
        'foldingRangeProvider',
        'semanticTokensProvider',
        'documentFormattingProvider',
        'renameProvider',
        'documentLinkProvider',
        'codeActionProvider',
        'codeLensProvider',
        'inlayHintProvider',
      ] as const) {
        assert.ok(c[feature], `${feature} is advertised`);
      }
      const ready = await client.ready();
      assert.deepEqual({ files: ready.files, frameworks: ready.frameworks }, { files: 4, frameworks: 1 });
      assert.ok(client.registrations.includes('workspace/didChangeWatchedFiles'), 'file watching is registered dynamically');
      assert.ok(client.registrations.includes('workspace/didChangeConfiguration'));
    } finally {
      await client.stop();
    }
  });

  it('runs over Node IPC, as VS Code starts it, and exits on shutdown/exit', async () => {
    const client = await LspClient.start({ folders: [WORKSPACE_FIXTURES], transport: 'ipc' });
    await client.ready();
    const diagnostics = await client.openAndWait(join(WORKSPACE_FIXTURES, 'gloucestershire.strategy'));
    assert.ok(diagnostics.some((d) => d.code === 'open-note'));
    await client.stop();
    assert.equal(client.child.exitCode, 0);
  });

  it('stays silent in a workspace without strategy files', async () => {
    const folder = emptyFolder();
    writeFileSync(join(folder.path, 'notes.md'), '# Not a strategy\n');
    const client = await LspClient.start({ folders: [folder.path] });
    try {
      const ready = await client.ready();
      assert.equal(ready.files, 0);
      // A request answered after the index is ready means every notification sent before it has arrived.
      await client.connection.sendRequest('workspace/symbol', { query: '' });
      assert.deepEqual([...client.diagnostics.keys()], []);
      assert.deepEqual(client.messages, []);
      assert.equal(client.progressCreated, 0, 'no progress indicator');
    } finally {
      await client.stop();
      folder.remove();
    }
  });

  it('gives a file opened outside any workspace folder full diagnostics', async () => {
    const folder = emptyFolder();
    const outside = emptyFolder();
    const path = join(outside.path, 'loose.strategy');
    writeFileSync(path, 'strategy "Loose" {\n  period 2010-04 to 2013-03\n}\n\npriority 1 "One" {\n  commitment 1 "Do a thing" {\n    timing "Ongoing"\n  }\n}\n');
    const client = await LspClient.start({ folders: [folder.path] });
    try {
      await client.ready();
      const diagnostics = await client.openAndWait(path);
      const codes = diagnostics.map((d) => d.code).sort();
      assert.deepEqual(codes, ['missing-measure', 'missing-owner', 'missing-target', 'vague-timing']);
    } finally {
      await client.stop();
      folder.remove();
      outside.remove();
    }
  });

  it('indexes a workspace folder added later, and re-lints the open strategies that now find their framework', async () => {
    const empty = emptyFolder();
    const client = await LspClient.start({ folders: [empty.path] });
    try {
      await client.ready();
      const path = join(WORKSPACE_FIXTURES, 'gloucestershire.strategy');
      const before = await client.openAndWait(path);
      assert.ok(before.some((d) => d.code === 'unknown-framework'), 'a loose file: its framework is not known yet');
      const relinted = client.nextDiagnostics(uriOfPath(path), (p) => !p.diagnostics.some((d) => d.code === 'unknown-framework'));
      await client.foldersChanged([WORKSPACE_FIXTURES]);
      await relinted;
    } finally {
      await client.stop();
      empty.remove();
    }
  });

  it('asks the client to refresh code lenses when a strategy changes what it supports', async () => {
    const client = await LspClient.start({ folders: [WORKSPACE_FIXTURES] });
    try {
      await client.ready();
      const path = join(WORKSPACE_FIXTURES, 'gloucestershire.strategy');
      const uri = await client.open(path);
      const refresh = client.nextRefresh('workspace/codeLens/refresh');
      await client.change(uri, client.textOf(uri).replace('supports action 20\n', 'supports action 1\n'));
      await refresh;
    } finally {
      await client.stop();
    }
  });

  it('answers a request cancelled before it ran with RequestCancelled', async () => {
    // Request and cancellation in one write, so both are queued before the server dispatches either.
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const reader = new StreamMessageReader(child.stdout);
    const responses = new Map<number, ResponseMessage>();
    const waiting = new Map<number, (r: ResponseMessage) => void>();
    reader.listen((m) => {
      const r = m as ResponseMessage;
      if (typeof r.id !== 'number') return;
      responses.set(r.id, r);
      waiting.get(r.id)?.(r);
    });
    const response = (id: number): Promise<ResponseMessage> => (responses.has(id) ? Promise.resolve(responses.get(id)!) : new Promise((resolve) => waiting.set(id, resolve)));
    const frame = (message: object): string => {
      const body = JSON.stringify(message);
      return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    };
    const uri = uriOfPath(join(WORKSPACE_FIXTURES, 'gloucestershire.strategy'));
    child.stdin.write(frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } }));
    await response(1);
    child.stdin.write(
      frame({ jsonrpc: '2.0', id: 2, method: 'textDocument/hover', params: { textDocument: { uri }, position: { line: 0, character: 0 } } }) +
        frame({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: 2 } }),
    );
    const cancelled = await response(2);
    assert.equal(cancelled.error?.code, LSPErrorCodes.RequestCancelled);
    child.stdin.write(frame({ jsonrpc: '2.0', id: 3, method: 'shutdown' }) + frame({ jsonrpc: '2.0', method: 'exit' }));
    await new Promise((resolve) => child.once('exit', resolve));
    reader.dispose();
  });

  it('exits when its client goes (standard input closed): 0 after shutdown, 1 without', async () => {
    const frame = (message: object): string => {
      const body = JSON.stringify(message);
      return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    };
    for (const [shutdown, code] of [[true, 0], [false, 1]] as const) {
      const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
      let out = '';
      const answered = (id: number): Promise<void> =>
        new Promise((resolve) => {
          const check = (): void => void (out.includes(`"id":${id}`) ? resolve() : setTimeout(check, 10));
          check();
        });
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.stdin.write(frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } }));
      await answered(1);
      if (shutdown) {
        child.stdin.write(frame({ jsonrpc: '2.0', id: 2, method: 'shutdown' }));
        await answered(2);
      }
      child.stdin.end();
      assert.equal(await exited, code, shutdown ? 'after shutdown' : 'without shutdown');
    }
  });

  it('stops long work when the client cancels it, between time slices', async () => {
    const source = new CancellationTokenSource();
    let slices = 0;
    const handler = guarded('test', { error: () => undefined }, 'fallback', async (_params: undefined, token) => {
      const slicer = new Slicer(token, 1);
      for (;;) {
        const start = performance.now();
        while (performance.now() - start < 2) {
          /* a slice of work */
        }
        slices++;
        if (slices === 2) source.cancel();
        await slicer.check();
      }
    });
    await assert.rejects(handler(undefined, source.token), (e: unknown) => e instanceof ResponseError && e.code === LSPErrorCodes.RequestCancelled);
    assert.equal(slices, 2);
  });

  it('answers a fault in a handler with an empty result, not an error or a crash', async () => {
    const logged: string[] = [];
    const handler = guarded('test', { error: (m) => logged.push(m) }, [] as string[], () => {
      throw new Error('boom');
    });
    assert.deepEqual(await handler(undefined, new CancellationTokenSource().token), []);
    assert.match(logged[0]!, /test failed: Error: boom/);
  });
});
