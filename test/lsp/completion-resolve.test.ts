/**
 * Lazy completion documentation: a client that resolves `documentation` when
 * an item is focused (`completionItem.resolveSupport`, as VS Code declares)
 * gets the long lists (actions, aims, indicators) without it, and
 * `completionItem/resolve` gives each item exactly the documentation a client
 * without that capability receives with the list. Two real servers over
 * stdio, one per kind of client, on the same documents.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  CompletionRequest,
  CompletionResolveRequest,
  CompletionTriggerKind,
  type ClientCapabilities,
  type CompletionItem,
} from 'vscode-languageserver-protocol/node';
import { CAPABILITIES, LspClient, uriOfPath, WORKSPACE_FIXTURES } from './support/lsp-client.js';

const HEADER = 'strategy "Test" {\n  period 2010-04 to 2013-03\n  framework drugs-2008\n}\n\n';
const WORDED = 'priority P9 "Quoted" {\n  measure NI 41 "Drug-related offending, as we count it"\n}\n\n';

const LAZY: ClientCapabilities = {
  ...CAPABILITIES,
  textDocument: {
    ...CAPABILITIES.textDocument,
    completion: {
      contextSupport: true,
      completionItem: { snippetSupport: true, labelDetailsSupport: true, resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] } },
    },
  },
};

const CASES: { name: string; marked: string; trigger?: string }[] = [
  { name: 'actions after `supports action`', marked: `${HEADER}priority P1 "One" {\n  commitment P1.1 "Give parents who misuse drugs ready access to treatment" {\n    supports action <|>\n  }\n}\n`, trigger: ' ' },
  { name: 'aims after `supports aim`', marked: `${HEADER}priority P1 "Treatment" {\n  commitment P1.1 "Work" {\n    supports aim <|>\n  }\n}\n`, trigger: ' ' },
  { name: 'aims after `national aim`', marked: `${HEADER}priority P1 "Protecting families" {\n  national aim <|>\n}\n`, trigger: ' ' },
  { name: 'indicators after `measure NI 4`, one with the document’s own wording', marked: `${HEADER}${WORDED}priority P1 "One" {\n  measure NI 4<|>\n}\n` },
  { name: 'every indicator after `measure `', marked: `${HEADER}priority P1 "One" {\n  measure <|>\n}\n`, trigger: ' ' },
];

describe('language server: completion documentation resolved lazily', function () {
  let eager: LspClient;
  let lazy: LspClient;
  let counter = 0;
  before(async () => {
    [eager, lazy] = await Promise.all([
      LspClient.start({ folders: [WORKSPACE_FIXTURES] }),
      LspClient.start({ folders: [WORKSPACE_FIXTURES], capabilities: LAZY, initializationOptions: { diagnosticsDelay: 60_000 } }),
    ]);
    await Promise.all([eager.ready(), lazy.ready()]);
  });
  after(() => Promise.all([eager.stop(), lazy.stop()]));

  async function itemsOf(client: LspClient, marked: string, trigger: string | undefined, keepOpen = false): Promise<{ items: CompletionItem[]; uri: string }> {
    const { text, position } = LspClient.cursor(marked);
    const uri = uriOfPath(join(WORKSPACE_FIXTURES, `resolve-${counter++}.strategy`));
    await client.open(join(WORKSPACE_FIXTURES, 'unused'), text, uri);
    const list = await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position,
      context: trigger ? { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: trigger } : { triggerKind: CompletionTriggerKind.Invoked },
    });
    if (!keepOpen) await client.close(uri);
    return { items: list === null ? [] : Array.isArray(list) ? list : list.items, uri };
  }

  it('says it resolves completion items only to a client that resolves documentation', () => {
    assert.equal(lazy.initializeResult.capabilities.completionProvider?.resolveProvider, true);
    assert.notEqual(eager.initializeResult.capabilities.completionProvider?.resolveProvider, true);
  });

  for (const c of CASES) {
    it(`${c.name}: the list without documentation, each item resolved to what the list gives a client without resolve`, async () => {
      const expected = (await itemsOf(eager, c.marked, c.trigger)).items;
      const { items, uri } = await itemsOf(lazy, c.marked, c.trigger, true);
      assert.ok(expected.length > 0 && expected.every((i) => i.documentation !== undefined), 'the eager list documents every item');
      assert.equal(items.length, expected.length);
      assert.ok(items.every((i) => i.documentation === undefined && i.data !== undefined), 'the lazy list leaves documentation to resolve');
      for (let i = 0; i < items.length; i++) {
        const resolved = await lazy.connection.sendRequest(CompletionResolveRequest.type, items[i]!);
        const { data, ...rest } = resolved;
        assert.deepEqual(data, items[i]!.data, 'resolve keeps what it was given');
        assert.deepEqual(rest, expected[i], `item ${items[i]!.label}`);
      }
      await lazy.close(uri);
    });
  }

  it('resolves an indicator the catalogue has no title for with the document’s own wording', async () => {
    const { items, uri } = await itemsOf(lazy, CASES[3]!.marked, undefined, true);
    const ni41 = items.find((i) => i.label === 'NI 41');
    assert.ok(ni41);
    const doc = (await lazy.connection.sendRequest(CompletionResolveRequest.type, ni41)).documentation;
    assert.match(typeof doc === 'string' ? doc : (doc?.value ?? ''), /Drug-related offending, as we count it/);
    await lazy.close(uri);
  });

  it('resolves from the last analysis while the reparse of an edit is pending', async () => {
    const marked = `${HEADER}priority P1 "One" {\n  commitment P1.1 "Work" {\n    supports action <|>\n  }\n}\n`;
    const { text, position } = LspClient.cursor(marked);
    const uri = uriOfPath(join(WORKSPACE_FIXTURES, `resolve-${counter++}.strategy`));
    await lazy.openAndWait(join(WORKSPACE_FIXTURES, 'unused'), text, uri);
    // Typed since (the pause is a minute, so nothing is analysed): the title of the commitment, above the cursor.
    const version = await lazy.change(uri, text.replace('"Work"', '"Work with families"'));
    const list = await lazy.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position, context: { triggerKind: CompletionTriggerKind.Invoked } });
    const items = list === null ? [] : Array.isArray(list) ? list : list.items;
    const item = items.find((i) => i.label === '20');
    assert.ok(item);
    const resolved = await lazy.connection.sendRequest(CompletionResolveRequest.type, item);
    const doc = resolved.documentation;
    assert.match(typeof doc === 'string' ? doc : (doc?.value ?? ''), /\*\*National action 20\*\*[^]*\*\*Owner:\*\* HO/);
    assert.notEqual(lazy.diagnostics.get(uri)?.version, version, 'nothing was analysed in between');
    await lazy.close(uri);
  });

  it('gives back as it came an item it cannot describe: no data, unknown data, an action no longer there, a closed document', async () => {
    const marked = `${HEADER}priority P1 "One" {\n  commitment P1.1 "Work" {\n    supports action <|>\n  }\n}\n`;
    const { items, uri } = await itemsOf(lazy, marked, ' ');
    const first = items[0]!;
    const asIs: CompletionItem[] = [
      { label: 'plain' },
      { label: 'odd', data: { something: 'else' } },
      { label: 'odd', data: 42 },
      { ...first, data: { ...(first.data as object), action: '9999' } },
      first, // its document was closed by itemsOf
      { label: 'elsewhere', data: { uri: 'file:///nowhere/at-all.strategy', aim: 'PF1' } },
    ];
    for (const item of asIs) assert.deepEqual(await lazy.connection.sendRequest(CompletionResolveRequest.type, item), item);
    assert.ok(uri);
  });
});
