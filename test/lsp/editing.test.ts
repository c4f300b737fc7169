/**
 * Features that change text or annotate it: formatting, rename across files,
 * code actions (the rules' fixes, suppression comments, linking to a
 * national action), code lenses, inlay hints and semantic tokens.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CodeActionRequest,
  CodeLensRequest,
  DocumentFormattingRequest,
  InlayHintRequest,
  PrepareRenameRequest,
  RenameRequest,
  SemanticTokensDeltaRequest,
  SemanticTokensRequest,
  type CodeAction,
  type Diagnostic,
  type SemanticTokens,
  type SemanticTokensDelta,
} from 'vscode-languageserver-protocol/node';
import { format } from '../../grammar/index.js';
import { copyFolder, LspClient, uriOfPath, WORKSPACE_FIXTURES } from './support/lsp-client.js';
import { applyTextEdits, editsFor, lineOf, positionOf } from './support/text.js';

describe('language server: editing', function () {
  let copy: { path: string; remove: () => void };
  let client: LspClient;
  let glosPath: string;
  let frameworkPath: string;
  before(async () => {
    copy = copyFolder(WORKSPACE_FIXTURES);
    glosPath = join(copy.path, 'gloucestershire.strategy');
    frameworkPath = join(copy.path, 'drugs-2008.strategy');
    client = await LspClient.start({ folders: [copy.path] });
    await client.ready();
  });
  after(async () => {
    await client.stop();
    copy.remove();
  });

  let scratch = 0;
  const openScratches: string[] = [];
  /** Opens `text` as a new document of the workspace (closed after the test) and waits for its diagnostics. */
  async function openScratch(text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = uriOfPath(join(copy.path, `scratch-${scratch++}.strategy`));
    openScratches.push(uri);
    const diagnostics = await client.openAndWait(join(copy.path, 'unused'), text, uri);
    return { uri, diagnostics };
  }
  afterEach(async () => {
    for (const uri of openScratches.splice(0)) await client.close(uri);
  });

  async function codeActions(uri: string, line: number, character: number, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const result = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line, character }, end: { line, character } },
      context: { diagnostics, ...(only ? { only } : {}) },
    });
    return (result ?? []).filter((a): a is CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
  }

  const HEADER = 'strategy "Test" {\n  period 2010-04 to 2013-03\n  framework drugs-2008\n}\n\n';

  describe('formatting', () => {
    it('formats with the canonical formatter, as a few line edits', async () => {
      const messy = `${HEADER}priority P1   "One"{\n      commitment P1.1 "Do" {\n owner   "X"\n        target tbc\n  }\n}\n`;
      const { uri } = await openScratch(messy);
      const edits = (await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })) ?? [];
      const expected = format(messy);
      assert.ok(expected.ok);
      assert.equal(applyTextEdits(messy, edits), expected.text);
      assert.ok(edits.every((e) => e.range.start.line >= 5), 'the formatted header is left alone');
    });

    it('leaves a document with syntax errors alone', async () => {
      const { uri } = await openScratch(`${HEADER}priority P1 "One" {\n  commitment "unclosed\n}\n`);
      const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
      assert.equal(edits, null);
    });
  });

  describe('rename', () => {
    it('renames a national action and every reference to it, in files not open', async () => {
      const frameworkText = readFileSync(frameworkPath, 'utf8');
      const uri = await client.open(frameworkPath);
      const at = positionOf(frameworkText, 'action 20 "', 7);
      const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position: at });
      assert.deepEqual(prepared, { range: { start: at, end: { line: at.line, character: at.character + 2 } }, placeholder: '20' });
      const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: at, newName: '25' });
      const glosUri = uriOfPath(glosPath);
      assert.deepEqual(Object.keys(edit?.changes ?? {}).sort(), [glosUri, uri].sort());
      const glosAfter = applyTextEdits(readFileSync(glosPath, 'utf8'), editsFor(edit, glosUri));
      assert.match(glosAfter, /supports action 25, 21\n/);
      assert.match(glosAfter, /supports action 25\n/);
      assert.match(applyTextEdits(frameworkText, editsFor(edit, uri)), /action 25 "Using the extension/);
      await client.close(uri);
    });

    it('renames a framework id in its file and in every strategy naming it', async () => {
      const glosText = readFileSync(glosPath, 'utf8');
      const uri = await client.open(glosPath);
      const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: positionOf(glosText, 'framework drugs-2008', 12), newName: 'drugs-2008-11' });
      assert.match(applyTextEdits(readFileSync(frameworkPath, 'utf8'), editsFor(edit, uriOfPath(frameworkPath))), /^framework drugs-2008-11 "/m);
      assert.match(applyTextEdits(glosText, editsFor(edit, uri)), /^ {2}framework drugs-2008-11$/m);
      await client.close(uri);
    });

    it('renames an aim code from a strategy’s reference to it', async () => {
      const glosText = readFileSync(glosPath, 'utf8');
      const uri = await client.open(glosPath);
      const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: positionOf(glosText, 'national aim PC.1', 14), newName: 'PC.9' });
      assert.match(applyTextEdits(readFileSync(frameworkPath, 'utf8'), editsFor(edit, uriOfPath(frameworkPath))), /aim PC\.9 "Proactively/);
      assert.match(applyTextEdits(glosText, editsFor(edit, uri)), /national aim PC\.9 "Identify/);
      await client.close(uri);
    });

    it('refuses names that would not read back, names taken, and NI codes', async () => {
      const frameworkText = readFileSync(frameworkPath, 'utf8');
      const uri = await client.open(frameworkPath);
      const at = positionOf(frameworkText, 'action 20 "', 7);
      await assert.rejects(client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: at, newName: '21' }), /already has an action 21/);
      await assert.rejects(client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: at, newName: 'twenty' }), /action number is a number/);
      await client.close(uri);
      const glosText = readFileSync(glosPath, 'utf8');
      const glosUri = await client.open(glosPath);
      await assert.rejects(
        client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: glosUri }, position: positionOf(glosText, 'measure NI 30', 9) }),
        /cannot be renamed/,
      );
      await client.close(glosUri);
    });
  });

  describe('rename to an id that is taken', () => {
    const text = `${HEADER}priority P1 "One" {\n  commitment P1.1 "Do a thing"\n  commitment P1.2 "Do another thing"\n}\npriority P2 "Two" {\n  commitment P2.1 "Do a third thing"\n}\n`;

    it('refuses a commitment id its priority already has, saying where it is used', async () => {
      const { uri } = await openScratch(text);
      const at = positionOf(text, 'commitment P1.1', 12);
      await assert.rejects(
        client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: at, newName: 'P1.2' }),
        (e: Error) => {
          assert.match(e.message, /^Commitment P1\.2 already exists in priority P1, on line 8 \("Do another thing"\)/);
          return true;
        },
      );
    });

    it('refuses a priority id the file already has', async () => {
      const { uri } = await openScratch(text);
      await assert.rejects(
        client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: positionOf(text, 'priority P2', 10), newName: 'P1' }),
        /Priority P1 already exists, on line 6 \("One"\)/,
      );
    });

    it('accepts an id used only in another priority', async () => {
      const { uri } = await openScratch(text);
      const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: positionOf(text, 'commitment P2.1', 12), newName: 'P1.1' });
      assert.match(applyTextEdits(text, editsFor(edit, uri)), /priority P2 "Two" \{\n {2}commitment P1\.1 "Do a third thing"/);
    });
  });

  describe('code actions', () => {
    it('offers the rules’ fixes: the catalogue title of an indicator', async () => {
      const { uri, diagnostics } = await openScratch(`${HEADER}priority P1 "One" {\n  measure NI 40 "Drug users in treatment"\n}\n`);
      const mismatch = diagnostics.filter((d) => d.code === 'indicator-title-mismatch');
      const actions = await codeActions(uri, 6, 20, mismatch);
      const fix = actions.find((a) => a.title === 'Use the catalogue title of NI 40');
      assert.ok(fix?.isPreferred);
      assert.deepEqual(editsFor(fix?.edit, uri).map((e) => e.newText), ['"Number of drug users recorded as being in effective treatment"']);
    });

    it('offers the nearest real NI codes for an unknown one', async () => {
      const { uri, diagnostics } = await openScratch(`${HEADER}priority P1 "One" {\n  measure NI 31\n}\n`);
      const actions = await codeActions(uri, 6, 12, diagnostics.filter((d) => d.code === 'unknown-indicator'));
      assert.deepEqual(
        actions.filter((a) => a.title.startsWith('Change to')).map((a) => a.title.split(' (')[0]),
        ['Change to NI 30', 'Change to NI 32', 'Change to NI 29'],
      );
    });

    it('offers an owner and a target skeleton where they are missing', async () => {
      const text = `${HEADER}priority P1 "One" {\n  commitment P1.1 "Do a thing" {\n    measure "Things done"\n  }\n}\n`;
      const { uri, diagnostics } = await openScratch(text);
      const actions = await codeActions(uri, 6, 4, diagnostics.filter((d) => d.code === 'missing-owner' || d.code === 'missing-target'));
      const owner = actions.find((a) => a.title === 'Insert an owner');
      const target = actions.find((a) => a.title === 'Insert a target to be agreed');
      assert.match(applyTextEdits(text, editsFor(owner?.edit, uri)), /commitment P1\.1 "Do a thing" \{\n {4}owner ""\n/);
      assert.match(applyTextEdits(text, editsFor(target?.edit, uri)), /\{\n {4}target tbc\n {4}measure/);
    });

    it('takes an acronym the text expands in brackets as defined, and offers to add another to the glossary', async () => {
      const text = `${HEADER}priority P1 "One" {\n  "Led by the Crime and Disorder Reduction Partnerships (CDRP) and the DATs"\n}\n\nglossary {\n  SAG "Substance Action Group"\n}\n`;
      const { uri, diagnostics } = await openScratch(text);
      const acronyms = diagnostics.filter((d) => d.code === 'undefined-acronym');
      assert.deepEqual(acronyms.map((d) => String(d.message).split(' ')[0]), ['DAT']);
      const actions = await codeActions(uri, 6, 70, acronyms);
      const add = actions.find((a) => a.title === 'Add DAT to the glossary');
      assert.match(applyTextEdits(text, editsFor(add?.edit, uri)), /glossary \{\n {2}DAT ""\n {2}SAG/);
    });

    it('offers to renumber commitments to close a gap', async () => {
      const text = `${HEADER}priority P1 "One" {\n  commitment P1.1 "A" { owner "X" target tbc measure "M" }\n  commitment P1.3 "B" { owner "X" target tbc measure "M" }\n}\n`;
      const { uri, diagnostics } = await openScratch(text);
      const actions = await codeActions(uri, 7, 14, diagnostics.filter((d) => d.code === 'numbering-gap'));
      const renumber = actions.find((a) => a.title.startsWith('Renumber'));
      assert.match(applyTextEdits(text, editsFor(renumber?.edit, uri)), /commitment P1\.2 "B"/);
    });

    it('offers to disable a rule for the line and for the file, and the comment silences it', async () => {
      const text = `${HEADER}priority P1 "One" {\n  commitment P1.1 "A" {\n    owner "X"\n    measure "M"\n    target tbc\n    note "check the figure"\n  }\n}\n`;
      const { uri, diagnostics } = await openScratch(text);
      const note = diagnostics.filter((d) => d.code === 'open-note');
      assert.equal(note.length, 1);
      const actions = await codeActions(uri, note[0]!.range.start.line, 6, note);
      const forLine = actions.find((a) => a.title === 'Disable open-note for this line');
      const forFile = actions.find((a) => a.title === 'Disable open-note for this file');
      assert.ok(forLine && forFile);
      const lineFixed = applyTextEdits(text, editsFor(forLine.edit, uri));
      assert.match(lineFixed, / {4}\/\/ strategy-disable-next-line open-note\n {4}note "check the figure"/);
      assert.match(applyTextEdits(text, editsFor(forFile.edit, uri)), /^\/\/ strategy-disable-file open-note\n/);
      const relinted = client.nextDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'open-note' || d.code === 'unused-suppression'));
      await client.change(uri, lineFixed);
      await relinted;
    });

    it('adds a rule to a suppression comment already on the line above', async () => {
      const text = `${HEADER}priority P1 "One" {\n  commitment P1.1 "A" {\n    owner "X"\n    measure "M"\n    target tbc\n    // strategy-disable-next-line placeholder-target -- agreed\n    timing "Ongoing"\n  }\n}\n`;
      const { uri, diagnostics } = await openScratch(text);
      const vague = diagnostics.filter((d) => d.code === 'vague-timing');
      const actions = await codeActions(uri, vague[0]!.range.start.line, 6, vague);
      const forLine = actions.find((a) => a.title === 'Disable vague-timing for this line');
      assert.match(applyTextEdits(text, editsFor(forLine?.edit, uri)), /\/\/ strategy-disable-next-line placeholder-target, vague-timing -- agreed\n/);
    });

    it('offers "Link to national action…" for the five actions most like a commitment', async () => {
      const text = `${HEADER}priority P1 "One" {\n  commitment P1.1 "Increase the number of DIP conditional cautions issued locally" {\n    owner "Police"\n  }\n}\n`;
      const { uri } = await openScratch(text);
      const actions = await codeActions(uri, 6, 20, [], ['refactor']);
      const links = actions.filter((a) => a.title.startsWith('Link to national action'));
      assert.ok(links.length > 0 && links.length <= 5);
      assert.match(links[0]!.title, /^Link to national action 3: Increase the number of DIP conditional cautions/);
      assert.match(applyTextEdits(text, editsFor(links[0]!.edit, uri)), /commitment P1\.1 "[^"]*" \{\n {4}supports action 3\n {4}owner "Police"/);
    });

    it('adds to an existing `supports action` line, and never offers an action already supported', async () => {
      const text = `${HEADER}priority P1 "One" {\n  commitment P1.1 "Increase DIP conditional cautions and DIP intensive interventions" {\n    supports action 3\n  }\n}\n`;
      const { uri } = await openScratch(text);
      const links = (await codeActions(uri, 6, 20, [], ['refactor'])).filter((a) => a.title.startsWith('Link to'));
      assert.ok(links.every((a) => !a.title.startsWith('Link to national action 3:')));
      assert.match(links[0]!.title, /^Link to national action 1:/);
      assert.match(applyTextEdits(text, editsFor(links[0]!.edit, uri)), /supports action 3, 1\n/);
    });

    it('fixes everything fixable at once as a source action, as `--fix` does', async () => {
      const text = `${HEADER}// strategy-disable-next-line open-note\npriority P1 "One" {\n  measure NI 40 "Drug users in treatment"\n}\n`;
      const { uri } = await openScratch(text);
      const [fixAll] = await codeActions(uri, 0, 0, [], ['source.fixAll']);
      assert.equal(fixAll?.kind, 'source.fixAll.strategy');
      const fixed = applyTextEdits(text, editsFor(fixAll?.edit, uri));
      assert.ok(!fixed.includes('strategy-disable-next-line'));
      assert.match(fixed, /measure NI 40 "Number of drug users recorded as being in effective treatment"/);
    });
  });

  it('shows on each national action how many local commitments support it, and on commitments what they support', async () => {
    const frameworkText = readFileSync(frameworkPath, 'utf8');
    const uri = await client.open(frameworkPath);
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
    const at = (needle: string): string | undefined => lenses.find((l) => l.range.start.line === lineOf(frameworkText, needle))?.command?.title;
    assert.equal(at('action 20 "'), 'supported by 2 local commitments (1 strategy)');
    assert.equal(at('action 21 "'), 'supported by 1 local commitment (1 strategy)');
    assert.equal(at('action 1 "'), undefined, 'no lens saying "none" over every unsupported action');
    // One count throughout: an aim counts what answers to it or to any of its actions.
    assert.equal(at('aim PC.2 "'), '2 local commitments and priorities answer to this aim or its actions (1 strategy)');
    assert.equal(at('aim PC.1 "'), '1 local commitment or priority answers to this aim or its actions (1 strategy)');
    assert.equal(at('aim FAM.1 "'), 'no local commitment answers to this aim or its actions');
    const setLenses = async (settings: Record<string, unknown>): Promise<void> => {
      const refreshed = client.nextRefresh('workspace/codeLens/refresh');
      client.settings = settings;
      await client.configurationChanged();
      await refreshed;
    };
    await setLenses({ '*': { codeLens: { framework: 'all' } } });
    const all = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
    assert.equal(all.find((l) => l.range.start.line === lineOf(frameworkText, 'action 1 "'))?.command?.title, 'no local commitment supports this action');
    await setLenses({ '*': { codeLens: { framework: 'off' } } });
    assert.deepEqual((await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [], []);
    await setLenses({});
    const twenty = lenses.find((l) => l.range.start.line === lineOf(frameworkText, 'action 20 "'));
    assert.equal(twenty?.command?.command, 'strategy.showReferences');
    assert.equal((twenty?.command?.arguments?.[2] as unknown[]).length, 2);
    await client.close(uri);

    const glosText = readFileSync(glosPath, 'utf8');
    const glosUri = await client.open(glosPath);
    const local = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: glosUri } })) ?? [];
    const p11 = local.find((l) => l.range.start.line === lineOf(glosText, 'commitment P1.1'));
    assert.equal(p11?.command?.title, 'supports national actions 20: Using the extension of Neighbourhood… · 21: Promote the use of community…');
    await client.close(glosUri);
  });

  it('shows the short title of a bare NI code as an inlay hint', async () => {
    const text = `${HEADER}priority P1 "One" {\n  measure NI 40\n  measure NI 41\n  measure NI 30 "Reoffending rate of Prolific and other Priority Offenders"\n  target reduce NI 30 by 2013-03\n}\n`;
    const { uri } = await openScratch(text);
    const hints = (await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } } })) ?? [];
    assert.deepEqual(
      hints.map((h) => [h.position.line, h.label]),
      [
        [6, 'Number of drug users recorded as being…'],
        [9, 'Reoffending rate of Prolific and other…'],
      ],
    );
  });

  it('colours tokens by what they are, with deltas after an edit', async () => {
    const text = `${HEADER}// a comment\npriority P1 "One" {\n  measure NI 40\n  commitment P1.1 "Do" {\n    owner HO\n    supports action 20\n    status draft\n  }\n}\n`;
    const { uri } = await openScratch(text);
    const legend = client.initializeResult.capabilities.semanticTokensProvider!.legend;
    const tokens = (await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } })) as SemanticTokens;
    const decoded: [string, string, string[]][] = [];
    let line = 0;
    let character = 0;
    const lines = text.split('\n');
    for (let i = 0; i < tokens.data.length; i += 5) {
      const [dl, dc, length, type, modifiers] = tokens.data.slice(i, i + 5) as [number, number, number, number, number];
      line += dl;
      character = dl === 0 ? character + dc : dc;
      decoded.push([lines[line]!.slice(character, character + length), legend.tokenTypes[type]!, legend.tokenModifiers.filter((_, bit) => modifiers & (1 << bit))]);
    }
    const find = (image: string): [string, string[]] | undefined => {
      const t = decoded.find(([i]) => i === image);
      return t ? [t[1], t[2]] : undefined;
    };
    assert.deepEqual(find('priority'), ['keyword', []]);
    assert.deepEqual(find('P1'), ['namespace', ['declaration']]);
    assert.deepEqual(find('P1.1'), ['function', ['declaration']]);
    assert.deepEqual(find('"One"'), ['string', []]);
    assert.deepEqual(find('NI 40'), ['enumMember', ['defaultLibrary']]);
    assert.deepEqual(find('20'), ['method', []]);
    assert.deepEqual(find('HO'), ['type', []]);
    assert.deepEqual(find('draft'), ['enumMember', []]);
    assert.deepEqual(find('// a comment'), ['comment', []]);
    assert.deepEqual(find('drugs-2008'), ['namespace', []]);

    await client.change(uri, text.replace('measure NI 40', 'measure NI 40\n  measure NI 41'));
    const delta = (await client.connection.sendRequest(SemanticTokensDeltaRequest.type, { textDocument: { uri }, previousResultId: tokens.resultId! })) as SemanticTokensDelta;
    assert.ok('edits' in delta && delta.edits.length > 0, 'answered with edits to the previous result');
  });
});
