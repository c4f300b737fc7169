/**
 * Completion where the cursor is: each case is a document with the cursor
 * marked `<|>`, in the fixture workspace (whose framework is drugs-2008).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { CompletionRequest, CompletionTriggerKind, type CompletionItem, type CompletionList, type TextEdit } from 'vscode-languageserver-protocol/node';
import { LspClient, uriOfPath, WORKSPACE_FIXTURES } from './support/lsp-client.js';

const HEADER = 'strategy "Test" {\n  period 2010-04 to 2013-03\n  framework drugs-2008\n}\n\npartners {\n  "Gloucestershire Police"\n}\n\n';

describe('language server: completion', function () {
  let client: LspClient;
  let counter = 0;
  before(async () => {
    client = await LspClient.start({ folders: [WORKSPACE_FIXTURES] });
    await client.ready();
  });
  after(() => client.stop());

  /** Completion at `<|>` in `marked`, opened as a new document of the workspace. */
  async function complete(marked: string, trigger?: string): Promise<{ items: CompletionItem[]; list: CompletionList | CompletionItem[] | null; text: string }> {
    const { text, position } = LspClient.cursor(marked);
    const uri = uriOfPath(join(WORKSPACE_FIXTURES, `completion-${counter++}.strategy`));
    await client.open(join(WORKSPACE_FIXTURES, 'unused'), text, uri);
    const list = await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position,
      context: trigger ? { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: trigger } : { triggerKind: CompletionTriggerKind.Invoked },
    });
    await client.close(uri);
    const items = list === null ? [] : Array.isArray(list) ? list : list.items;
    return { items, list, text };
  }

  const labels = (items: readonly CompletionItem[]): string[] =>
    [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);

  it('offers NI codes as `NI 4` is typed: NI 4, NI 40, NI 41… with titles', async () => {
    const { items, list } = await complete(`${HEADER}priority P1 "One" {\n  measure NI 4<|>\n}\n`);
    assert.deepEqual(labels(items), ['NI 4', 'NI 40', 'NI 41', 'NI 42', 'NI 43', 'NI 44', 'NI 45', 'NI 46', 'NI 47', 'NI 48', 'NI 49']);
    assert.ok(list && !Array.isArray(list) && list.isIncomplete, 're-asked as the user types, so the ranking follows');
    const ni40 = items.find((i) => i.label === 'NI 40')!;
    assert.equal(ni40.detail, 'Number of drug users recorded as being in effective treatment');
    assert.deepEqual((ni40.textEdit as TextEdit).range, { start: { line: 10, character: 10 }, end: { line: 10, character: 14 } });
    assert.equal(items.find((i) => i.label === 'NI 41')!.detail, 'title not in the catalogue');
  });

  it('shows an indicator’s theme and PSA where the catalogue has them', async () => {
    const { items } = await complete(`${HEADER}priority P1 "One" {\n  target reduce NI 15<|>\n}\n`);
    const ni151 = items.find((i) => i.label === 'NI 151');
    assert.ok(ni151);
    const documentation = typeof ni151.documentation === 'string' ? ni151.documentation : ni151.documentation?.value;
    assert.match(documentation ?? '', /Theme: /);
  });

  it('offers every NI code after `measure `, on the space', async () => {
    const { items } = await complete(`${HEADER}priority P1 "One" {\n  measure <|>\n}\n`, ' ');
    assert.equal(items.length, 198);
    assert.equal(labels(items)[0], 'NI 1');
  });

  it('offers the framework’s action numbers with their text after `supports action`', async () => {
    const { items } = await complete(`${HEADER}priority P1 "One" {\n  commitment P1.1 "Work" {\n    supports action <|>\n  }\n}\n`, ' ');
    assert.deepEqual(labels(items), ['1', '2', '3', '20', '21', '40'], 'nothing to match: framework order');
    assert.equal(items.find((i) => i.label === '40')!.detail, 'All drug-misusing parents with treatment needs to have ready access to treatment');
    const doc = items.find((i) => i.label === '20')!.documentation;
    assert.match(typeof doc === 'string' ? doc : (doc?.value ?? ''), /\*\*Owner:\*\* HO/);
  });

  it('ranks `supports action` by how well each action matches the commitment’s words (BM25)', async () => {
    const { items } = await complete(`${HEADER}priority P1 "One" {\n  commitment P1.1 "Give parents who misuse drugs ready access to treatment" {\n    supports action <|>\n  }\n}\n`, ' ');
    const ranked = labels(items);
    assert.equal(ranked[0], '40', ranked.join(', '));
    assert.equal(items.find((i) => i.label === '40')!.preselect, true);
    const police = labels((await complete(`${HEADER}priority P1 "One" {\n  commitment P1.1 "Ask neighbourhood police to find local drug issues with communities" {\n    supports action <|>\n  }\n}\n`, ' ')).items);
    assert.equal(police[0], '20', police.join(', '));
  });

  it('ranks `national aim` by the words of the priority it stands in', async () => {
    const { items } = await complete(`${HEADER}priority P1 "Support families where parents misuse drugs" {\n  national aim <|>\n}\n`, ' ');
    assert.equal(labels(items)[0], 'FAM.1', labels(items).join(', '));
  });

  it('offers owners used elsewhere in the workspace after the strategy’s own, before the glossary’s acronyms', async () => {
    // Closed files' owners are known once their diagnostics have been checked.
    await client.diagnosticsMatching(uriOfPath(join(WORKSPACE_FIXTURES, 'gloucestershire.strategy')), () => true);
    const { items } = await complete(`${HEADER}priority P1 "One" {\n  commitment P1.1 "Work" {\n    owner <|>\n  }\n}\n`, ' ');
    const all = labels(items);
    const at = (label: string): number => {
      const i = all.indexOf(label);
      assert.ok(i >= 0, `${label} in ${all.join(', ')}`);
      return i;
    };
    assert.equal(at('"Gloucestershire Police"'), 0);
    assert.match(items.find((i) => i.label === '"District CDRPs"')!.labelDetails?.description ?? '', /owner in 1 other file/);
    const glossaryOnly = items.filter((i) => i.labelDetails?.description === 'glossary');
    assert.ok(glossaryOnly.length > 0);
    for (const g of glossaryOnly) assert.ok(at(g.label) > at('"District CDRPs"'), `${g.label} after the workspace's owners`);
  });

  it('leaves out the actions already listed', async () => {
    const { items } = await complete(`${HEADER}priority P1 "One" {\n  commitment P1.1 "Work" {\n    supports action 20, <|>\n  }\n}\n`, ',');
    assert.deepEqual(labels(items), ['1', '2', '3', '21', '40']);
  });

  it('offers the framework’s aim codes after `national aim`, then the aim’s title', async () => {
    const codes = await complete(`${HEADER}priority P1 "One" {\n  national aim <|>\n}\n`, ' ');
    assert.deepEqual(labels(codes.items), ['PC.1', 'PC.2', 'FAM.1']);
    assert.equal(codes.items[0]!.detail, 'Proactively targeting and managing drug-misusing offenders');
    const title = await complete(`${HEADER}priority P1 "One" {\n  national aim PC.2 <|>\n}\n`, ' ');
    assert.deepEqual(labels(title.items), ['"Engaging and empowering communities with stronger, locally-responsive law enforcement"']);
  });

  it('offers owners: the strategy’s partners, the framework’s departments, glossary acronyms', async () => {
    const { items } = await complete(`${HEADER}priority P1 "One" {\n  commitment P1.1 "Work" {\n    owner <|>\n  }\n}\n`, ' ');
    const all = labels(items);
    assert.equal(all[0], '"Gloucestershire Police"', 'partners first');
    for (const department of ['HO', 'CLG', 'DH', 'DCSF']) assert.ok(all.includes(department), department);
    assert.equal(items.find((i) => i.label === 'HO')!.detail, 'Home Office');
    const inQuotes = await complete(`${HEADER}priority P1 "One" {\n  commitment P1.1 "Work" {\n    owner "Gloucestershire Po<|>\n  }\n}\n`, '"');
    assert.equal(labels(inQuotes.items)[0], 'Gloucestershire Police');
    assert.ok(inQuotes.items.every((i) => i.kind === 12), 'in quotes, names only (no bare acronyms)');
    assert.deepEqual((inQuotes.items[0]!.textEdit as TextEdit).range, { start: { line: 11, character: 11 }, end: { line: 11, character: 29 } }, 'replaces all typed inside the quotes');
  });

  it('offers the statements that may stand in a commitment, not those that may not', async () => {
    const { items } = await complete(`${HEADER}priority P1 "One" {\n  commitment P1.1 "Work" {\n    <|>\n  }\n}\n`);
    const all = items.map((i) => i.label);
    for (const ok of ['owner', 'timing', 'target', 'measure', 'supports action', 'national aim', 'note', 'outcome']) assert.ok(all.includes(ok), ok);
    for (const no of ['priority', 'commitment', 'action', 'glossary', 'status']) assert.ok(!all.includes(no), no);
  });

  it('offers a whole commitment skeleton numbered after its siblings, with the strategy’s dates', async () => {
    const { items } = await complete(`${HEADER}priority P1 "One" {\n  commitment P1.1 "A" { owner "X" }\n  commitment P1.2 "B" { owner "X" }\n  com<|>\n}\n`);
    const skeleton = items.find((i) => i.label.startsWith('commitment {'));
    assert.ok(skeleton);
    const snippet = (skeleton.textEdit as TextEdit).newText;
    assert.equal(
      snippet,
      [
        'commitment ${1:P1.3} "${2:What we will do}" {',
        '  owner "${3:Who is accountable}"',
        '  timing ${4:2010-04} to ${5:2013-03}',
        '  measure ${6:NI 40}',
        '  target ${7|increase,reduce,maintain|} ${8:tbc} by ${9:2013-03}',
        '}',
      ].join('\n'),
    );
  });

  it('offers top-level statements at the top level, and no second header', async () => {
    const { items } = await complete(`${HEADER}<|>\n`);
    const all = items.map((i) => i.label);
    for (const ok of ['priority', 'commitment', 'glossary', 'narrative']) assert.ok(all.includes(ok), ok);
    for (const no of ['strategy', 'owner', 'action', 'supports action']) assert.ok(!all.includes(no), no);
  });

  it('offers a header skeleton in an empty file', async () => {
    const { items } = await complete('<|>');
    assert.ok(items.some((i) => i.label === 'strategy' && (i.textEdit as TextEdit).newText.includes('framework ${6:framework-id}')));
  });

  it('offers values after `status`, and the workspace’s frameworks after `framework`', async () => {
    const status = await complete('strategy "T" {\n  status <|>\n}\n', ' ');
    assert.deepEqual(labels(status.items), ['draft', 'consultation', 'final', 'published', 'superseded', 'archived']);
    const framework = await complete('strategy "T" {\n  framework <|>\n}\n', ' ');
    assert.deepEqual(labels(framework.items), ['drugs-2008']);
  });

  it('offers directions, indicators and connectives in a target', async () => {
    const { items } = await complete(`${HEADER}priority P1 "One" {\n  target <|>\n}\n`, ' ');
    const all = items.map((i) => i.label);
    for (const ok of ['increase', 'reduce', 'maintain', 'tbc', 'by', 'NI 40']) assert.ok(all.includes(ok), ok);
  });

  it('offers the acronyms a document uses but does not define, in its glossary', async () => {
    const { items } = await complete(`${HEADER}priority P1 "One" {\n  commitment P1.1 "Work with the CDRP" { owner SMOG }\n}\n\nglossary {\n  <|>\n}\n`);
    assert.deepEqual(
      items.map((i) => i.label).sort(),
      ['CDRP', 'SMOG'],
    );
  });

  it('offers rule ids in a suppression comment', async () => {
    const { items } = await complete(`${HEADER}// strategy-disable-next-line missing-o<|>\n`);
    assert.ok(items.some((i) => i.label === 'missing-owner'));
  });

  it('stays quiet inside prose and on a space in indentation', async () => {
    assert.deepEqual((await complete(`${HEADER}priority P1 "One two <|>"\n`, ' ')).items, []);
    assert.deepEqual((await complete(`${HEADER}priority P1 "One" {\n   <|>\n}\n`, ' ')).items, []);
  });
});
