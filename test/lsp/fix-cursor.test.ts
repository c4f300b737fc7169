/**
 * Quick fixes that insert a value to fill leave the cursor in the blank:
 * snippet edits (LSP 3.18 `SnippetTextEdit`) for a client that takes them,
 * a follow-up command that shows the document with the cursor in the blank
 * for a client that can show documents, the plain edit otherwise. Against
 * the real server, one client per kind.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  CodeActionRequest,
  ExecuteCommandRequest,
  type ClientCapabilities,
  type CodeAction,
  type Diagnostic,
  type SnippetTextEdit,
  type TextDocumentEdit,
} from 'vscode-languageserver-protocol/node';
import { CAPABILITIES, copyFolder, LspClient, uriOfPath, WORKSPACE_FIXTURES } from './support/lsp-client.js';
import { applyTextEdits, editsFor } from './support/text.js';

const HEADER = 'strategy "Test" {\n  period 2010-04 to 2013-03\n  framework drugs-2008\n}\n\n';
const TEXT = `${HEADER}priority P1 "One" {\n  commitment P1.1 "Do a thing, with the GSSCP" {\n    measure "Things done"\n    target tbc\n  }\n}\n`;

const SNIPPETS: ClientCapabilities = { ...CAPABILITIES, workspace: { ...CAPABILITIES.workspace, workspaceEdit: { documentChanges: true, snippetEditSupport: true } } };
const SHOW_DOCUMENT: ClientCapabilities = { ...CAPABILITIES, window: { ...CAPABILITIES.window, showDocument: { support: true } } };

async function fixes(client: LspClient, path: string, code: string): Promise<{ uri: string; actions: CodeAction[] }> {
  const uri = uriOfPath(path);
  const diagnostics: Diagnostic[] = await client.openAndWait(path, TEXT);
  const wanted = diagnostics.filter((d) => d.code === code);
  assert.equal(wanted.length, 1, `one ${code} in ${diagnostics.map((d) => d.code).join(', ')}`);
  const result = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: wanted[0]!.range, context: { diagnostics: wanted } });
  return { uri, actions: (result ?? []) as CodeAction[] };
}

describe('language server: quick fixes put the cursor in the blank they insert', function () {
  let copy: { path: string; remove: () => void };
  before(() => {
    copy = copyFolder(WORKSPACE_FIXTURES);
  });
  after(() => copy.remove());

  it('a client with snippet edits gets `owner "$1"` and `GSSCP "$1"` as SnippetTextEdits', async () => {
    const client = await LspClient.start({ folders: [copy.path], capabilities: SNIPPETS });
    try {
      await client.ready();
      const path = join(copy.path, 'snippets.strategy');
      const { uri, actions } = await fixes(client, path, 'missing-owner');
      const owner = actions.find((a) => a.title === 'Insert an owner');
      const change = owner?.edit?.documentChanges?.[0] as TextDocumentEdit | undefined;
      assert.equal(change?.textDocument.uri, uri);
      assert.equal(change?.textDocument.version, 1);
      const edit = change?.edits[0] as SnippetTextEdit | undefined;
      // The editor indents a snippet's later lines by the line it is inserted on: the line's own two spaces are left to it.
      assert.deepEqual(edit?.snippet, { kind: 'snippet', value: '\n  owner "$1"' });
      // A fix with no blank stays a plain edit.
      const glossary = await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: { start: { line: 6, character: 40 }, end: { line: 6, character: 40 } },
        context: { diagnostics: client.diagnostics.get(uri)!.diagnostics.filter((d) => d.code === 'undefined-acronym') },
      });
      const add = (glossary as CodeAction[]).find((a) => a.title === 'Add GSSCP to the glossary');
      const addEdits = (add?.edit?.documentChanges?.[0] as TextDocumentEdit | undefined)?.edits as SnippetTextEdit[] | undefined;
      assert.ok(addEdits?.some((e) => e.snippet.value.includes('GSSCP "$1"')), JSON.stringify(add?.edit));
    } finally {
      await client.stop();
    }
  });

  it('a client that can show documents gets the plain edit and a command that puts the cursor in the blank', async () => {
    const client = await LspClient.start({ folders: [copy.path], capabilities: SHOW_DOCUMENT });
    try {
      await client.ready();
      assert.deepEqual(client.initializeResult.capabilities.executeCommandProvider?.commands, ['strategy.placeCursor']);
      const path = join(copy.path, 'command.strategy');
      const { uri, actions } = await fixes(client, path, 'missing-owner');
      const owner = actions.find((a) => a.title === 'Insert an owner')!;
      const after = applyTextEdits(TEXT, editsFor(owner.edit, uri));
      assert.match(after, /commitment P1\.1 "Do a thing, with the GSSCP" \{\n {4}owner ""\n/);
      assert.equal(owner.command?.command, 'strategy.placeCursor');
      await client.connection.sendRequest(ExecuteCommandRequest.type, { command: owner.command!.command, arguments: owner.command!.arguments });
      const shown = client.shownDocuments.at(-1);
      assert.equal(shown?.uri, uri);
      const line = after.split('\n')[shown!.selection!.start.line]!;
      assert.equal(line.slice(0, shown!.selection!.start.character), '    owner "', 'the cursor is between the quotes');
    } finally {
      await client.stop();
    }
  });

  it('a client with neither gets the plain edit alone', async () => {
    const client = await LspClient.start({ folders: [copy.path] });
    try {
      await client.ready();
      const { actions } = await fixes(client, join(copy.path, 'plain.strategy'), 'missing-owner');
      const owner = actions.find((a) => a.title === 'Insert an owner')!;
      assert.equal(owner.command, undefined);
      assert.ok(owner.edit?.changes);
    } finally {
      await client.stop();
    }
  });
});
