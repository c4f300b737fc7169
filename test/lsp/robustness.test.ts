/**
 * Whatever an author types, half-typed, the server answers every request and
 * keeps running: the fixture cut short at many points, and a few texts no
 * one should write, asked every question at many positions.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentFormattingRequest,
  DocumentLinkRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  ResponseError,
  SemanticTokensRequest,
  type Position,
} from 'vscode-languageserver-protocol/node';
import { LspClient, uriOfPath, WORKSPACE_FIXTURES } from './support/lsp-client.js';

const glosText = readFileSync(join(WORKSPACE_FIXTURES, 'gloucestershire.strategy'), 'utf8');

const ODD_TEXTS = [
  '',
  '{{{{',
  '}}}} priority',
  '"unterminated\ncommitment "x" {\n  owner "',
  'strategy "S" {\n  framework\n}\npriority P1 "A" {\n  supports action ,,, 9999999999999999999\n  measure NI\n  target reduce NI 99999 from by\n  national aim\n}\n',
  '\u201ccurly\u201d \u201cunclosed\n// strategy-disable-next-line\n// strategy-disable-file no-such-rule\nglossary { X "y" Y }\n',
  `priority 1 "${'long '.repeat(5000)}" {\n${'  commitment "c"\n'.repeat(200)}}\n`,
  'framework drugs-2008 "Duplicate" {}\naction 1 "a"\naction 1 "b"\n',
  '\ufeff\u0000\u0007 \t\r\n\r\n NI-4 NI40 2009/10 13.1.2 X% tbc%',
];

describe('language server: robustness', function () {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ folders: [WORKSPACE_FIXTURES] });
    await client.ready();
  });
  after(() => client.stop());

  async function askEverything(uri: string, text: string): Promise<void> {
    const lines = text.split('\n');
    const positions: Position[] = [];
    for (let line = 0; line < lines.length; line += Math.max(1, Math.floor(lines.length / 12))) {
      const length = lines[line]!.length;
      for (const character of [0, Math.floor(length / 2), length]) positions.push({ line, character });
    }
    const textDocument = { uri };
    const ask = async <T>(request: Promise<T>): Promise<void> => {
      try {
        await request;
      } catch (e) {
        // Refusing to rename what cannot be renamed is an answer, not a failure.
        if (e instanceof ResponseError && /rename|renamed/i.test(e.message)) return;
        throw e;
      }
    };
    const whole = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
    await ask(client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }));
    await ask(client.connection.sendRequest(FoldingRangeRequest.type, { textDocument }));
    await ask(client.connection.sendRequest(SemanticTokensRequest.type, { textDocument }));
    await ask(client.connection.sendRequest(CodeLensRequest.type, { textDocument }));
    await ask(client.connection.sendRequest(InlayHintRequest.type, { textDocument, range: whole }));
    await ask(client.connection.sendRequest(DocumentLinkRequest.type, { textDocument }));
    await ask(client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument, options: { tabSize: 2, insertSpaces: true } }));
    for (const position of positions) {
      await ask(client.connection.sendRequest(CompletionRequest.type, { textDocument, position }));
      await ask(client.connection.sendRequest(HoverRequest.type, { textDocument, position }));
      await ask(client.connection.sendRequest(DefinitionRequest.type, { textDocument, position }));
      await ask(client.connection.sendRequest(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } }));
      await ask(client.connection.sendRequest(PrepareRenameRequest.type, { textDocument, position }));
      await ask(client.connection.sendRequest(CodeActionRequest.type, { textDocument, range: { start: position, end: position }, context: { diagnostics: client.diagnostics.get(uri)?.diagnostics ?? [], only: ['quickfix', 'refactor', 'source'] } }));
    }
  }

  it('answers every request on the fixture cut short at forty points, without a fault', async () => {
    const uri = uriOfPath(join(WORKSPACE_FIXTURES, 'cut-short.strategy'));
    await client.open(join(WORKSPACE_FIXTURES, 'unused'), '', uri);
    for (let i = 1; i <= 40; i++) {
      const text = glosText.slice(0, Math.floor((glosText.length * i) / 40));
      const published = client.nextDiagnostics(uri, (p) => p.version === i + 1);
      await client.change(uri, text);
      await published;
      await askEverything(uri, text);
    }
    await client.close(uri);
    assert.deepEqual(client.logs.filter((l) => /failed|Unexpected error/.test(l)), []);
  });

  it('answers every request on texts no one should write, without a fault', async () => {
    for (const [i, text] of ODD_TEXTS.entries()) {
      const uri = uriOfPath(join(WORKSPACE_FIXTURES, `odd-${i}.strategy`));
      await client.openAndWait(join(WORKSPACE_FIXTURES, 'unused'), text, uri);
      await askEverything(uri, text);
      await client.close(uri);
    }
    assert.deepEqual(client.logs.filter((l) => /failed|Unexpected error/.test(l)), []);
    assert.equal(client.child.exitCode, null, 'still running');
  });
});
