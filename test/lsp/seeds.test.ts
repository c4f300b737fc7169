/**
 * The language server on the real documents: the converted seeds (the
 * Gloucestershire draft answers to the converted national Action Plan,
 * framework drugs-2008). The seeds are copied to a temporary folder first,
 * so the test sees one consistent set while the converter is re-run.
 */
import assert from 'node:assert/strict';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  CompletionTriggerKind,
  DefinitionRequest,
  HoverRequest,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type LocationLink,
} from 'vscode-languageserver-protocol/node';
import { analyseDocument } from '../../server/analysis/document-model.js';
import { frameworkIndexOf } from '../../server/analysis/framework-index.js';
import { runCli } from '../support/run-cli.js';
import { SEEDS } from '../support/paths.js';
import { emptyFolder, LspClient, uriOfPath } from './support/lsp-client.js';
import { lineOf, positionOf } from './support/text.js';

const GLOUCESTERSHIRE = 'gloucestershire-drugs-strategy-2010-2013-draft.strategy';
const ACTION_PLAN = 'national-drug-strategy-action-plan-2008-2011.strategy';
const COMMITMENT = 'commitment "Increase the numbers of Gloucestershire residents entering treatment through our Drug Interventions Programme and Prolific Offenders Scheme."';

describe('language server: the converted seeds', function () {
  let folder: { path: string; remove: () => void };
  let client: LspClient;
  let glosText: string;
  let planText: string;

  before(async function () {
    folder = emptyFolder();
    for (const f of readdirSync(SEEDS).filter((n) => n.endsWith('.strategy'))) copyFileSync(join(SEEDS, f), join(folder.path, f));
    glosText = readFileSync(join(folder.path, GLOUCESTERSHIRE), 'utf8');
    planText = readFileSync(join(folder.path, ACTION_PLAN), 'utf8');
    // The seeds these tests lean on: a changed conversion should fail here, loudly, not pass vacuously.
    assert.ok(glosText.includes(COMMITMENT), `the Gloucestershire seed has the commitment ${COMMITMENT}`);
    assert.match(planText, /^framework drugs-2008 /m);
    client = await LspClient.start({ folders: [folder.path] });
    await client.ready();
  });
  after(async () => {
    await client?.stop();
    folder?.remove();
  });

  const glosUri = (): string => uriOfPath(join(folder.path, GLOUCESTERSHIRE));
  const planUri = (): string => uriOfPath(join(folder.path, ACTION_PLAN));

  it('reports on every seed exactly what `strategy lint` reports', async () => {
    const cli = await runCli(['lint', '--format', 'json', '.'], { cwd: folder.path });
    const files = JSON.parse(cli.stdout) as { filePath: string; messages: { ruleId: string; message: string; line: number; column: number; endLine: number; endColumn: number }[] }[];
    assert.ok(files.length >= 5);
    for (const file of files) {
      const diagnostics = await client.openAndWait(join(folder.path, file.filePath));
      assert.deepEqual(
        diagnostics.map((d) => [d.code, d.message, d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1]),
        file.messages.map((m) => [m.ruleId, m.message, m.line, m.column, m.endLine, m.endColumn]),
        file.filePath,
      );
      await client.close(uriOfPath(join(folder.path, file.filePath)));
    }
  });

  it('completes `supports action` in a Gloucestershire commitment with the Action Plan’s actions', async () => {
    const plan = frameworkIndexOf(analyseDocument('plan', planText))!;
    const { text, position } = LspClient.cursor(glosText.replace(COMMITMENT, `${COMMITMENT} {\n      supports action <|>\n    }`));
    await client.open(join(folder.path, GLOUCESTERSHIRE), text);
    const list = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: glosUri() },
      position,
      context: { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: ' ' },
    })) as CompletionList | CompletionItem[];
    const items = Array.isArray(list) ? list : list.items;
    assert.equal(items.length, plan.actions.size);
    assert.ok(plan.actions.size > 50, 'the converted Action Plan has its actions');
    for (const item of items) assert.equal(item.detail, plan.actions.get(item.label)?.node.title?.value, `action ${item.label}`);
    await client.close(glosUri());
  });

  it('goes from a Gloucestershire commitment to the national action it supports, and back', async () => {
    const edited = glosText.replace(COMMITMENT, `${COMMITMENT} {\n      supports action 3\n    }`);
    await client.openAndWait(join(folder.path, GLOUCESTERSHIRE), edited);
    const at = positionOf(edited, 'supports action 3', 16);
    const [link] = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: glosUri() }, position: at })) as LocationLink[];
    assert.equal(link?.targetUri, planUri());
    assert.equal(link?.targetSelectionRange.start.line, lineOf(planText, 'action 3 "'));
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: glosUri() }, position: at });
    assert.match(JSON.stringify(hover?.contents), /Increase the number of DIP conditional cautions/);

    await client.open(join(folder.path, ACTION_PLAN));
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: planUri() } })) ?? [];
    const three = lenses.find((l) => l.range.start.line === lineOf(planText, 'action 3 "'));
    assert.equal(three?.command?.title, 'supported by 1 local commitment (1 strategy)');
    await client.close(planUri());
    await client.close(glosUri());
  });

  it('suggests national actions for a real Gloucestershire commitment', async () => {
    await client.openAndWait(join(folder.path, GLOUCESTERSHIRE));
    const at = positionOf(glosText, COMMITMENT, 20);
    const actions = ((await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: glosUri() },
      range: { start: at, end: at },
      context: { diagnostics: [], only: ['refactor'] },
    })) ?? []) as CodeAction[];
    const links = actions.filter((a) => a.title.startsWith('Link to national action'));
    assert.equal(links.length, 5);
    // The commitment is about the Drug Interventions Programme and treatment: so should its first suggestions be.
    assert.match(links[0]!.title, /DIP|Drug Interventions|treatment/i);
    await client.close(glosUri());
  });
});
