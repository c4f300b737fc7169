/**
 * Completion while the reparse of an edit is still pending: the server
 * answers from the text as it is now and its last analysis, without parsing
 * (server/lsp/text-view.ts). The diagnostics pause is set to a minute, so no
 * analysis runs between the edits and the completions: every answer below
 * comes from a tree older than the text, and must be right for the text.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { CompletionRequest, CompletionTriggerKind, type CompletionItem, type TextEdit } from 'vscode-languageserver-protocol/node';
import { LspClient, uriOfPath, WORKSPACE_FIXTURES } from './support/lsp-client.js';
import { withCursor } from '../support/cursor.js';

const HEADER = 'strategy "Test" {\n  period 2010-04 to 2013-03\n  framework drugs-2008\n}\n\n';
const ONE = 'priority P1 "One" {\n  commitment P1.1 "Give parents who misuse drugs ready access to treatment" {\n    owner "DAAT"\n  }\n}\n\n';
const TWO = 'priority P2 "Two" {\n  commitment P2.1 "Work" {\n    owner "DAAT"\n  }\n}\n';

describe('language server: completion while a reparse is pending', function () {
  let client: LspClient;
  let counter = 0;
  before(async () => {
    client = await LspClient.start({ folders: [WORKSPACE_FIXTURES], initializationOptions: { diagnosticsDelay: 60_000 } });
    await client.ready();
  });
  after(() => client.stop());

  /** Opens `original` (analysed at once), changes it to `marked` (not analysed: the pause is a minute), completes at `<|>`. */
  async function completeAfterEdit(original: string, marked: string, invoked = true): Promise<{ items: CompletionItem[]; text: string }> {
    const c = withCursor(marked);
    const path = join(WORKSPACE_FIXTURES, `pending-${counter++}.strategy`);
    const uri = uriOfPath(path);
    await client.openAndWait(path, original, uri);
    const version = await client.change(uri, c.text);
    const list = await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: c.line, character: c.character },
      context: invoked ? { triggerKind: CompletionTriggerKind.Invoked } : { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: ' ' },
    });
    // Nothing was analysed in between: the last diagnostics are still the opening's.
    assert.notEqual(client.diagnostics.get(uri)?.version, version);
    await client.close(uri);
    return { items: list === null ? [] : Array.isArray(list) ? list : list.items, text: c.text };
  }

  const labels = (items: readonly CompletionItem[]): string[] =>
    [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);

  it('offers the actions after a `supports action` line typed since the last analysis, ranked by its commitment', async () => {
    const marked = `${HEADER}${ONE.replace('    owner "DAAT"\n', '    owner "DAAT"\n    supports action <|>\n')}${TWO}`;
    const { items } = await completeAfterEdit(`${HEADER}${ONE}${TWO}`, marked, false);
    const ranked = labels(items);
    assert.deepEqual([...ranked].sort(), ['1', '2', '20', '21', '3', '40']);
    assert.equal(ranked[0], '40', ranked.join(', '));
  });

  it('reads the cursor in the current text when an edit earlier in the document moved it', async () => {
    const original = `${HEADER}${ONE}${TWO.replace('    owner "DAAT"\n', '    owner "DAAT"\n    measure NI 4\n')}`;
    // Forty characters typed into the first priority's title: everything after moved.
    const marked = `${HEADER}${ONE.replace('"One"', `"One${' and more'.repeat(4)}"`)}${TWO.replace('    owner "DAAT"\n', '    owner "DAAT"\n    measure NI 4<|>\n')}`;
    const { items, text } = await completeAfterEdit(original, marked);
    assert.deepEqual(labels(items).slice(0, 3), ['NI 4', 'NI 40', 'NI 41']);
    const line = text.split('\n').findIndex((l) => l.includes('measure NI 4'));
    const edit = items[0]!.textEdit as TextEdit;
    assert.deepEqual(edit.range, { start: { line, character: 12 }, end: { line, character: 16 } }, 'the range is in the current text');
  });

  it('knows the blocks around the cursor from the current text, after a block was typed before it', async () => {
    // A commitment typed since, and the cursor on an empty line inside it: statements of a commitment.
    const marked = `${HEADER}${ONE}${TWO.replace('  commitment P2.1', '  commitment P2.0 "New" {\n    <|>\n  }\n  commitment P2.1')}`;
    const { items } = await completeAfterEdit(`${HEADER}${ONE}${TWO}`, marked);
    const offered = items.map((i) => i.label);
    assert.ok(offered.some((l) => l.startsWith('owner')), offered.join(', '));
    assert.ok(!offered.some((l) => l.startsWith('priority')), offered.join(', '));
  });

  it('offers top-level statements on a line typed between two priorities', async () => {
    const original = `${HEADER}${ONE}${TWO}`;
    // A line typed after the first priority: the top level.
    const marked = `${HEADER}${ONE.replace('    owner "DAAT"\n  }\n}\n', '    owner "DAAT"\n  }\n}\n<|>\n')}${TWO}`;
    const { items } = await completeAfterEdit(original, marked);
    const offered = items.map((i) => i.label);
    assert.ok(offered.some((l) => l.startsWith('priority')), offered.join(', '));
    assert.ok(!offered.some((l) => l.startsWith('owner')), offered.join(', '));
  });
});
