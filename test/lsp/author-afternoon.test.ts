/**
 * What an author trips over in an afternoon of writing (issue 14), against
 * the real server: one missing `}`, Format Document on a broken file,
 * highlights that follow the language rather than words, NI codes the
 * catalogue has no title for, status counts that follow new files.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CompletionRequest,
  CompletionTriggerKind,
  DocumentFormattingRequest,
  DocumentHighlightKind,
  DocumentHighlightRequest,
  FileChangeType,
  HoverRequest,
  type CompletionItem,
  type CompletionList,
} from 'vscode-languageserver-protocol/node';
import { copyFolder, LspClient, uriOfPath, WORKSPACE_FIXTURES } from './support/lsp-client.js';
import { positionOf } from './support/text.js';

const HEADER = 'strategy "Test" {\n  period 2010-04 to 2013-03\n  framework drugs-2008\n}\n\n';

describe('language server: an afternoon of writing', function () {
  let copy: { path: string; remove: () => void };
  let client: LspClient;
  let n = 0;
  before(async () => {
    copy = copyFolder(WORKSPACE_FIXTURES);
    client = await LspClient.start({ folders: [copy.path] });
    await client.ready();
  });
  after(async () => {
    await client.stop();
    copy.remove();
  });
  const scratch = (): string => join(copy.path, `afternoon-${n++}.strategy`);

  it('one missing `}` is one problem, at the brace, saying where the block ends; the rest keeps its structure', async () => {
    const text = `${HEADER}narrative "Context" {\n  "Some words."\n\npriority P1 "One" {\n  commitment P1.1 "Do" {\n    owner "Police"\n  }\n}\npriority P2 "Two" {\n  commitment P2.1 "Do more" {\n    owner "Police"\n  }\n}\n`;
    const diagnostics = await client.openAndWait(scratch(), text);
    const syntax = diagnostics.filter((d) => d.code === 'syntax-error');
    assert.deepEqual(
      syntax.map((d) => [d.range.start.line + 1, d.message]),
      [[6, 'This `{` of `narrative` is never closed: add `}` before line 9, where its indentation says the block ends.']],
    );
  });

  it('Format Document on a file with syntax errors says why it did nothing', async () => {
    const path = scratch();
    const text = `${HEADER}priority P1 "One" {\n  commitment P1.1 "Do" {\n    owner\n  }\n}\n`;
    await client.openAndWait(path, text);
    const before = client.messages.length;
    const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: uriOfPath(path) }, options: { tabSize: 2, insertSpaces: true } });
    assert.equal(edits, null);
    const shown = client.messages.slice(before);
    assert.equal(shown.length, 1);
    assert.match(shown[0]!.message, /^Strategy: the document was not formatted because it has a syntax error \(formatting would lose text\)\. Line 9: Expected the owner's name/);
  });

  it('highlights the occurrences of a code, not the words of the prose', async () => {
    const path = scratch();
    const text = `${HEADER}priority P1 "Drug treatment" {\n  commitment P1.1 "More drug treatment places" {\n    supports action 40\n    measure NI 40 "Drug treatment"\n  }\n  commitment P1.2 "Drug treatment for parents" {\n    supports action 21, 40\n  }\n}\n`;
    await client.openAndWait(path, text);
    const uri = uriOfPath(path);
    const at = async (needle: string, delta: number) =>
      (await client.connection.sendRequest(DocumentHighlightRequest.type, { textDocument: { uri }, position: positionOf(text, needle, delta) })) ?? [];
    const action = await at('supports action 40', 16);
    assert.deepEqual(
      action.map((h) => [h.range.start.line + 1, h.range.start.character, h.kind]),
      [
        [8, 20, DocumentHighlightKind.Read],
        [12, 24, DocumentHighlightKind.Read],
      ],
      'action 40 twice, not NI 40',
    );
    assert.deepEqual(await at('"More drug treatment', 7), [], 'nothing for a word of a title');
    assert.deepEqual((await at('measure NI 40', 11)).map((h) => h.range.start.line + 1), [9]);
  });

  it('shows the document’s own wording of an NI code the catalogue has no title for, marked as such', async () => {
    const path = scratch();
    const marked = `${HEADER}priority P1 "One" {\n  measure NI 41 "Perceptions of drunk or rowdy behaviour"\n  measure NI 4<|>\n}\n`;
    const { text, position } = LspClient.cursor(marked);
    await client.openAndWait(path, text);
    const uri = uriOfPath(path);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, 'NI 41', 3) });
    const value = JSON.stringify(hover?.contents);
    assert.match(value, /“Perceptions of drunk or rowdy behaviour” _\(this document's wording; the catalogue has no title\)_/);
    const list = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position, context: { triggerKind: CompletionTriggerKind.Invoked } })) as CompletionList | CompletionItem[];
    const items = Array.isArray(list) ? list : list.items;
    assert.equal(items.find((i) => i.label === 'NI 41')?.detail, "“Perceptions of drunk or rowdy behaviour” (this document's wording; the catalogue has no title)");
    // NI 44 has no sourced title and the document does not quote it.
    assert.equal(items.find((i) => i.label === 'NI 44')?.detail, 'title not in the catalogue', 'a code the document does not quote says so');
  });

  it('shows a wording as it is after an edit, the untouched priorities\' wordings kept', async () => {
    const path = scratch();
    const before = `${HEADER}priority P1 "One" {\n  measure NI 41 "Perceptions of drunk or rowdy behaviour"\n}\npriority P2 "Two" {\n  measure NI 44 "Drug dealing as a problem"\n}\n`;
    await client.openAndWait(path, before);
    const uri = uriOfPath(path);
    const hoverAt = async (text: string, needle: string): Promise<string> =>
      JSON.stringify((await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, needle, 3) }))?.contents);
    assert.match(await hoverAt(before, 'NI 44'), /“Drug dealing as a problem”/);
    const after = before.replace('Drug dealing as a problem', 'Perceptions of drug use or drug dealing');
    const published = client.nextDiagnostics(uri);
    await client.change(uri, after);
    await published;
    assert.match(await hoverAt(after, 'NI 44'), /“Perceptions of drug use or drug dealing”/);
    assert.match(await hoverAt(after, 'NI 41'), /“Perceptions of drunk or rowdy behaviour”/);
  });

  it('links rule ids to pages the client serves read-only, when it names a scheme for them', async () => {
    const other = await LspClient.start({ folders: [copy.path], initializationOptions: { ruleDocsScheme: 'strategy-docs' } });
    try {
      await other.ready();
      const diagnostics = await other.openAndWait(scratch(), `${HEADER}priority P1 "One" {\n  commitment P1.1 "Do"\n}\n`);
      const owner = diagnostics.find((d) => d.code === 'missing-owner');
      assert.equal(owner?.codeDescription?.href, 'strategy-docs:/rules/missing-owner.md');
    } finally {
      await other.stop();
    }
    // Without one, the file beside the server.
    const plain = await client.openAndWait(scratch(), `${HEADER}priority P1 "One" {\n  commitment P1.1 "Do"\n}\n`);
    assert.match(plain.find((d) => d.code === 'missing-owner')?.codeDescription?.href ?? '', /^file:\/\/.*\/docs\/rules\/missing-owner\.md$/);
  });

  it('sends fresh file and framework counts for the status bar when files are added', async () => {
    // Counts settle a moment after the last change (the scratch documents above).
    await new Promise((r) => setTimeout(r, 500));
    const before = client.statuses.at(-1)!;
    const path = join(copy.path, 'added-later.strategy');
    writeFileSync(path, `${HEADER}priority P1 "One" {}\n`);
    const started = Date.now();
    const next = new Promise<void>((resolve, reject) => {
      const poll = (): void => {
        if (client.statuses.some((s) => s.state === 'ready' && s.files === before.files + 1)) resolve();
        else if (Date.now() - started > 10_000) reject(new Error(`no status with ${before.files + 1} files: ${JSON.stringify(client.statuses)}`));
        else setTimeout(poll, 20);
      };
      poll();
    });
    await client.filesChanged([{ uri: uriOfPath(path), type: FileChangeType.Created }]);
    await next;
    assert.equal(client.statuses.at(-1)!.frameworks, before.frameworks);
  });
});

