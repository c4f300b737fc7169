/**
 * Hover, go to definition, references, outline, workspace symbols, folding
 * and links, on the fixture workspace: gloucestershire.strategy answers to
 * the framework drugs-2008.strategy. Files are opened only where a test says
 * so: the others are known to the server from its index alone.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DefinitionRequest,
  DocumentLinkRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  ReferencesRequest,
  WorkspaceSymbolRequest,
  type DocumentSymbol,
  type Hover,
  type LocationLink,
  type Position,
} from 'vscode-languageserver-protocol/node';
import { LspClient, uriOfPath, WORKSPACE_FIXTURES } from './support/lsp-client.js';
import { lineOf, positionOf } from './support/text.js';

const GLOUCESTERSHIRE = join(WORKSPACE_FIXTURES, 'gloucestershire.strategy');
const FRAMEWORK = join(WORKSPACE_FIXTURES, 'drugs-2008.strategy');
const glosText = readFileSync(GLOUCESTERSHIRE, 'utf8');
const frameworkText = readFileSync(FRAMEWORK, 'utf8');
const GLOS = uriOfPath(GLOUCESTERSHIRE);
const FW = uriOfPath(FRAMEWORK);

function hoverText(h: Hover | null): string {
  if (!h) return '';
  const c = h.contents;
  return typeof c === 'string' ? c : 'value' in c ? c.value : c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n');
}

describe('language server: navigation', function () {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ folders: [WORKSPACE_FIXTURES] });
    await client.ready();
    await client.openAndWait(GLOUCESTERSHIRE);
  });
  after(() => client.stop());

  const hover = (uri: string, position: Position) => client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  const definition = async (uri: string, position: Position) => (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position })) as LocationLink[];
  const references = (uri: string, position: Position, includeDeclaration = true) =>
    client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position, context: { includeDeclaration } });

  describe('hover', () => {
    it('shows an indicator’s catalogue title', async () => {
      const text = hoverText(await hover(GLOS, positionOf(glosText, 'measure NI 30', 9)));
      assert.match(text, /\*\*NI 30\*\* — Reoffending rate of Prolific and other Priority Offenders/);
    });

    it('says "title not in the catalogue" for an indicator without one, never a guess', async () => {
      // NI 2 has no sourced title (data/ni-indicators.tsv); NI 42 has had one since the catalogue's refresh.
      const path = join(WORKSPACE_FIXTURES, 'untitled-indicator-scratch.strategy');
      const scratchText = 'strategy "S" {\n  framework drugs-2008\n}\n\npriority 1 "One" {\n  measure NI 2\n}\n';
      const uri = await client.open(path, scratchText);
      const text = hoverText(await hover(uri, positionOf(scratchText, 'measure NI 2', 9)));
      await client.close(uri);
      assert.match(text, /\*\*NI 2\*\* — _title not in the catalogue_/);
    });

    it('shows the document’s own wording of an indicator the catalogue has no title for, marked as such, never a guess', async () => {
      const path = join(WORKSPACE_FIXTURES, 'worded-indicator-scratch.strategy');
      const scratchText = 'strategy "S" {\n  framework drugs-2008\n}\n\npriority 1 "One" {\n  measure NI 2 "People who feel they belong to their neighbourhood"\n}\n';
      const uri = await client.open(path, scratchText);
      const text = hoverText(await hover(uri, positionOf(scratchText, 'measure NI 2', 9)));
      await client.close(uri);
      assert.match(text, /\*\*NI 2\*\* — “People who feel they belong to their neighbourhood” _\(this document's wording; the catalogue has no title\)_/);
    });

    it('shows a national action’s text, owner, timing and outcome', async () => {
      const text = hoverText(await hover(GLOS, positionOf(glosText, 'supports action 20', 16)));
      assert.match(text, /\*\*National action 20\*\* · framework `drugs-2008` · aim PC\.2/);
      assert.match(text, /Using the extension of Neighbourhood Policing/);
      assert.match(text, /\*\*Owner:\*\* HO/);
      assert.match(text, /\*\*Timing:\*\* from 2008-04 "From April 2008"/);
      assert.match(text, /\*\*Outcome:\*\* Communities feel engaged/);
      assert.match(text, /\*\*Coverage:\*\* England and Wales$/);
    });

    it('shows an aim’s title', async () => {
      const text = hoverText(await hover(GLOS, positionOf(glosText, 'national aim PC.1', 13)));
      assert.match(text, /\*\*National aim PC\.1\*\*/);
      assert.match(text, /Proactively targeting and managing drug-misusing offenders/);
    });

    it('expands an acronym from the framework’s glossary, and says when one is undefined', async () => {
      const dip = hoverText(await hover(GLOS, positionOf(glosText, 'PPO/DIP', 4)));
      assert.match(dip, /\*\*DIP\*\* — Drug Interventions Programme/);
      assert.match(dip, /glossary of framework `drugs-2008`/);
      const cdrp = hoverText(await hover(GLOS, positionOf(glosText, 'District CDRPs', 10)));
      assert.match(cdrp, /\*\*CDRP\*\* — Crime and Disorder Reduction Partnerships/);
    });

    it('explains keywords and frameworks', async () => {
      assert.match(hoverText(await hover(GLOS, positionOf(glosText, 'owner "District', 1))), /\*\*owner\*\* — Who is accountable/);
      assert.match(hoverText(await hover(GLOS, positionOf(glosText, 'framework drugs-2008', 12))), /\*\*Framework `drugs-2008`\*\* — Drugs: protecting families/);
    });
  });

  describe('definition', () => {
    it('goes from `supports action 20` to the action in the framework file', async () => {
      const [link] = await definition(GLOS, positionOf(glosText, 'supports action 20', 16));
      assert.ok(link);
      assert.equal(link.targetUri, FW);
      assert.deepEqual(link.targetSelectionRange.start, positionOf(frameworkText, 'action 20 "', 7));
      assert.equal(link.targetRange.start.line, lineOf(frameworkText, 'action 20 "'));
      assert.deepEqual(link.originSelectionRange, { start: positionOf(glosText, 'supports action 20', 16), end: positionOf(glosText, 'supports action 20', 18) });
    });

    it('goes from an aim code to the aim', async () => {
      const [link] = await definition(GLOS, positionOf(glosText, 'national aim PC.1', 14));
      assert.equal(link?.targetUri, FW);
      assert.deepEqual(link?.targetSelectionRange.start, positionOf(frameworkText, 'aim PC.1', 4));
    });

    it('goes from a framework name to the framework file', async () => {
      const [link] = await definition(GLOS, positionOf(glosText, 'framework drugs-2008', 12));
      assert.equal(link?.targetUri, FW);
      assert.equal(link?.targetRange.start.line, lineOf(frameworkText, 'framework drugs-2008'));
    });

    it('goes from an acronym to its glossary entry, here or in the framework', async () => {
      const [national] = await definition(GLOS, positionOf(glosText, 'PPO/DIP', 4));
      assert.equal(national?.targetUri, FW);
      assert.equal(national?.targetSelectionRange.start.line, lineOf(frameworkText, 'DIP "Drug Interventions Programme"'));
      const [own] = await definition(GLOS, positionOf(glosText, 'PPO/DIP', 1));
      assert.equal(own?.targetUri, GLOS);
      assert.equal(own?.targetSelectionRange.start.line, lineOf(glosText, 'PPO "Prolific'));
    });
  });

  describe('references', () => {
    it('from a national action, finds every local commitment supporting it, in files not open', async () => {
      const refs = (await references(FW, positionOf(frameworkText, 'action 20 "', 7))) ?? [];
      assert.deepEqual(
        refs.map((r) => [r.uri, r.range.start.line]).sort(),
        [
          [FW, lineOf(frameworkText, 'action 20 "')],
          [GLOS, lineOf(glosText, 'supports action 20, 21')],
          [GLOS, lineOf(glosText, 'supports action 20\n')],
        ].sort(),
      );
      const withoutDeclaration = (await references(GLOS, positionOf(glosText, 'supports action 20, 21', 16), false)) ?? [];
      assert.equal(withoutDeclaration.length, 2);
      assert.ok(withoutDeclaration.every((r) => r.uri === GLOS));
    });

    it('from an aim, finds the priorities that answer to it', async () => {
      const refs = (await references(FW, positionOf(frameworkText, 'aim PC.1', 4), false)) ?? [];
      assert.deepEqual(refs.map((r) => [r.uri, r.range.start.line]), [[GLOS, lineOf(glosText, 'national aim PC.1')]]);
    });

    it('from an indicator, finds its uses across the workspace', async () => {
      const refs = (await references(GLOS, positionOf(glosText, 'measure NI 42', 9))) ?? [];
      assert.deepEqual(refs.map((r) => r.range.start.line).sort((a, b) => a - b), [lineOf(glosText, 'measure NI 42'), lineOf(glosText, 'target increase NI 42')]);
    });
  });

  it('outlines a strategy: header › priority › commitment', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: GLOS } })) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((s) => [s.detail, s.name]),
      [
        ['strategy', 'Gloucestershire Drugs Strategy 2010–2013'],
        ['partners', 'Key partner agencies'],
        ['narrative', 'The Impact of Drug Misuse in Gloucestershire'],
        ['priority', 'P1 Protecting Communities Through Robust Enforcement to Tackle Drug Supply, Drug Related…'],
        ['priority', 'P3 Preventing Harm to Children, Young People and Families Affected by Drug Misuse'],
        ['glossary', 'glossary'],
      ],
    );
    const p1 = symbols[3]!;
    assert.deepEqual(
      p1.children?.filter((c) => c.detail === 'commitment').map((c) => c.name.split(' ')[0]),
      ['P1.1', 'P1.2'],
    );
    assert.deepEqual(symbols[5]!.children?.map((c) => c.name), ['PPO', 'SAG']);
  });

  it('finds declarations across the workspace by id or words', async () => {
    const byId = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'P1.2' });
    assert.equal(byId?.[0]?.location.uri, GLOS);
    assert.match(byId?.[0]?.name ?? '', /^P1\.2 Continue to respond/);
    const byWords = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'neighbourhood' })) ?? [];
    assert.ok(byWords.some((s) => s.name.startsWith('action 20') && s.location.uri === FW));
  });

  it('folds blocks and comment runs', async () => {
    const ranges = (await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: GLOS } })) ?? [];
    const p1 = lineOf(glosText, 'priority P1');
    assert.ok(ranges.some((r) => r.startLine === p1 && r.endLine === lineOf(glosText, 'note "Terminology')));
    assert.ok(ranges.some((r) => r.startLine === lineOf(glosText, 'commitment P1.1') && r.endLine === lineOf(glosText, 'supports action 20, 21')));
  });

  it('links a framework name to the framework file', async () => {
    const links = (await client.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: GLOS } })) ?? [];
    assert.deepEqual(
      links.map((l) => [l.range.start, l.target]),
      [[positionOf(glosText, 'framework drugs-2008', 10), FW]],
    );
  });
});
