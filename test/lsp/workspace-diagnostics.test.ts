/**
 * Diagnostics for every strategy file of the workspace, open or not, from
 * the real server: pulled (`workspace/diagnostic`, `textDocument/diagnostic`
 * with result ids) by a client that pulls, pushed to one that does not, and
 * in both cases equal to `strategy lint --format json` on the folder.
 */
import assert from 'node:assert/strict';
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DocumentDiagnosticReportKind,
  DocumentDiagnosticRequest,
  FileChangeType,
  WorkspaceDiagnosticRequest,
  type Diagnostic,
  type WorkspaceDiagnosticReport,
  type WorkspaceFullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { fileURLToPath } from 'node:url';
import { runCli } from '../support/run-cli.js';
import { SEEDS } from '../support/paths.js';
import { CAPABILITIES, emptyFolder, LspClient, uriOfPath } from './support/lsp-client.js';

type CliFile = { filePath: string; messages: { ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number }[] };
type Row = [file: string, rule: unknown, message: string, line: number, column: number, endLine: number, endColumn: number];

const SEVERITY: Record<string, number> = { error: 1, warning: 2, info: 3 };

function rowsOfCli(files: readonly CliFile[]): Row[] {
  return files.flatMap((f) => f.messages.map((m): Row => [f.filePath, `${m.ruleId}/${SEVERITY[m.severity]}`, m.message, m.line, m.column, m.endLine, m.endColumn]));
}

function rowsOfDiagnostics(folder: string, byUri: ReadonlyMap<string, readonly Diagnostic[]>): Row[] {
  const rows: Row[] = [];
  for (const [uri, diagnostics] of [...byUri].sort(([a], [b]) => a.localeCompare(b))) {
    const file = fileURLToPath(uri).slice(folder.length + 1);
    for (const d of diagnostics) rows.push([file, `${String(d.code)}/${d.severity}`, typeof d.message === "string" ? d.message : d.message.value, d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1]);
  }
  return rows;
}

const sortRows = (rows: Row[]): Row[] => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

const PULL_CAPABILITIES = { ...CAPABILITIES, textDocument: { ...CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } }, workspace: { ...CAPABILITIES.workspace, diagnostics: { refreshSupport: true } } };

function seedsFolder(): { path: string; remove: () => void } {
  const folder = emptyFolder();
  for (const f of readdirSync(SEEDS).filter((n) => n.endsWith('.strategy'))) copyFileSync(join(SEEDS, f), join(folder.path, f));
  return folder;
}

async function cliRows(folder: string): Promise<{ rows: Row[]; files: string[] }> {
  const cli = await runCli(['lint', '--format', 'json', '.'], { cwd: folder });
  const files = JSON.parse(cli.stdout) as CliFile[];
  return { rows: rowsOfCli(files), files: files.map((f) => f.filePath) };
}

describe('language server: diagnostics of the whole workspace', function () {
  this.timeout(60_000);

  describe('a client that pulls diagnostics', () => {
    let folder: { path: string; remove: () => void };
    let client: LspClient;
    before(async () => {
      folder = seedsFolder();
      client = await LspClient.start({ folders: [folder.path], capabilities: PULL_CAPABILITIES });
      await client.ready();
    });
    after(async () => {
      await client?.stop();
      folder?.remove();
    });

    it('declares pull diagnostics with workspace diagnostics and pushes nothing', async () => {
      assert.deepEqual(client.initializeResult.capabilities.diagnosticProvider, { identifier: 'strategy', interFileDependencies: true, workspaceDiagnostics: true });
      await client.open(join(folder.path, 'from-harm-to-hope.strategy'));
      const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: uriOfPath(join(folder.path, 'from-harm-to-hope.strategy')) } });
      assert.equal(report.kind, DocumentDiagnosticReportKind.Full);
      assert.equal(client.diagnostics.size, 0, 'nothing published');
      await client.close(uriOfPath(join(folder.path, 'from-harm-to-hope.strategy')));
    });

    it('answers `workspace/diagnostic` with every seed, as `strategy lint --format json .` reports them', async () => {
      const cli = await cliRows(folder.path);
      assert.ok(cli.rows.length > 200, `the seeds have their findings (${cli.rows.length})`);
      const report = await client.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] });
      const byUri = new Map(report.items.map((i) => [i.uri, (i as WorkspaceFullDocumentDiagnosticReport).items]));
      assert.deepEqual([...byUri.keys()].map((u) => fileURLToPath(u).slice(folder.path.length + 1)).sort(), [...cli.files].sort());
      assert.deepEqual(sortRows(rowsOfDiagnostics(folder.path, byUri)), sortRows(cli.rows));
    });

    it('a second pull with the result ids waits for a change and then reports only the changed file', async () => {
      const first = await client.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] });
      const previousResultIds = first.items.map((i) => ({ uri: i.uri, value: i.resultId! }));
      let answered: WorkspaceDiagnosticReport | undefined;
      const second = client.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds }).then((r) => (answered = r));
      await new Promise((r) => setTimeout(r, 600));
      assert.equal(answered, undefined, 'nothing changed: the pull waits');
      const path = join(folder.path, 'birmingham-drug-strategy-2013.strategy');
      writeFileSync(path, 'strategy "Broken" {\n  priority 1 "P" {\n    commitment 1 "We will act" {\n      owner\n    }\n  }\n}\n');
      await client.filesChanged([{ uri: uriOfPath(path), type: FileChangeType.Changed }]);
      const report = await second;
      assert.deepEqual(
        report.items.map((i) => fileURLToPath(i.uri).slice(folder.path.length + 1)),
        ['birmingham-drug-strategy-2013.strategy'],
      );
      const items = (report.items[0] as WorkspaceFullDocumentDiagnosticReport).items;
      assert.ok(items.some((d) => d.code === 'syntax-error'), items.map((d) => d.message).join('\n'));
    });

    it('answers `textDocument/diagnostic` for a closed file from disk, and "unchanged" for its result id', async () => {
      const uri = uriOfPath(join(folder.path, 'worcestershire-drug-alcohol-strategy-2022-2027.strategy'));
      const full = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
      assert.equal(full.kind, DocumentDiagnosticReportKind.Full);
      assert.ok(full.kind === DocumentDiagnosticReportKind.Full && full.items.some((d) => d.code === 'missing-owner'));
      const again = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId: full.resultId });
      assert.deepEqual(again, { kind: DocumentDiagnosticReportKind.Unchanged, resultId: full.resultId });
    });
  });

  it('a document pulled before the index is built waits for it, so it is not linted without its framework', async () => {
    const folder = seedsFolder();
    const client = await LspClient.start({ folders: [folder.path], capabilities: PULL_CAPABILITIES });
    try {
      // As VS Code does for an editor restored from the last session: open and pull at once.
      const path = join(folder.path, 'gloucestershire-drugs-strategy-2010-2013-draft.strategy');
      await client.open(path);
      const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: uriOfPath(path) } });
      assert.equal(report.kind, DocumentDiagnosticReportKind.Full);
      const codes = report.kind === DocumentDiagnosticReportKind.Full ? report.items.map((d) => d.code) : [];
      assert.ok(codes.length > 0);
      assert.ok(!codes.includes('unknown-framework'), codes.join(', '));
    } finally {
      await client.stop();
      folder.remove();
    }
  });

  describe('a client that does not pull', () => {
    let folder: { path: string; remove: () => void };
    let client: LspClient;
    let expected: { rows: Row[]; files: string[] };
    before(async () => {
      folder = seedsFolder();
      expected = await cliRows(folder.path);
      client = await LspClient.start({ folders: [folder.path] });
      await client.ready();
    });
    after(async () => {
      await client?.stop();
      folder?.remove();
    });

    const published = (): Map<string, readonly Diagnostic[]> => new Map([...client.diagnostics].filter(([, p]) => p.diagnostics.length > 0).map(([u, p]) => [u, p.diagnostics]));

    it('publishes every closed seed’s diagnostics, equal to `strategy lint --format json .`', async () => {
      await Promise.all(expected.files.map((f) => client.diagnosticsMatching(uriOfPath(join(folder.path, f)), (d) => d.length > 0)));
      assert.deepEqual(sortRows(rowsOfDiagnostics(folder.path, published())), sortRows(expected.rows));
    });

    it('with `strategy.diagnostics.scope` "openFiles", clears them, and shows them again when set back', async () => {
      const uri = uriOfPath(join(folder.path, expected.files[0]!));
      const cleared = client.nextDiagnostics(uri, (p) => p.diagnostics.length === 0);
      client.settings = { '*': { diagnostics: { scope: 'openFiles' } } };
      await client.configurationChanged();
      await cleared;
      await Promise.all(expected.files.map((f) => client.diagnosticsMatching(uriOfPath(join(folder.path, f)), (d) => d.length === 0)));
      const back = client.nextDiagnostics(uri, (p) => p.diagnostics.length > 0);
      client.settings = { '*': { diagnostics: { scope: 'workspace' } } };
      await client.configurationChanged();
      await back;
    });

    it('a closed file shows its disk text’s diagnostics again after the editor closes it', async () => {
      const path = join(folder.path, expected.files[0]!);
      const uri = uriOfPath(path);
      await client.diagnosticsMatching(uri, (d) => d.length > 0);
      const opened = await client.openAndWait(path, 'strategy "Clean" {\n}\n');
      assert.deepEqual(opened.map((d) => d.code), []);
      const back = client.nextDiagnostics(uri, (p) => p.diagnostics.length > 0);
      await client.close(uri);
      assert.ok((await back).diagnostics.length > 0);
    });
  });
});
