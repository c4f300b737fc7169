/**
 * Diagnostics: the engine's findings, as the CLI reports them, kept current
 * across files (a framework edit re-lints its strategies), file changes on
 * disk and settings changes.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiagnosticSeverity, DiagnosticTag, FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { runCli } from '../support/run-cli.js';
import { copyFolder, emptyFolder, LspClient, uriOfPath, WORKSPACE_FIXTURES } from './support/lsp-client.js';

const hasCode = (code: string) => (ds: readonly Diagnostic[]) => ds.some((d) => d.code === code);
const lacksCode = (code: string) => (ds: readonly Diagnostic[]) => !ds.some((d) => d.code === code);

describe('language server: diagnostics', function () {
  describe('on the fixture workspace', () => {
    let client: LspClient;
    before(async () => {
      client = await LspClient.start({ folders: [WORKSPACE_FIXTURES] });
      await client.ready();
    });
    after(() => client.stop());

    it('gives each finding its rule id as code, a link to the rule page, and its severity', async () => {
      const diagnostics = await client.openAndWait(join(WORKSPACE_FIXTURES, 'gloucestershire.strategy'));
      const note = diagnostics.find((d) => d.code === 'open-note');
      assert.ok(note, 'open-note reported');
      assert.equal(note.source, 'strategy');
      assert.equal(note.severity, DiagnosticSeverity.Warning);
      for (const d of diagnostics) {
        const href = d.codeDescription?.href;
        assert.ok(href, `${String(d.code)} has a doc link`);
        assert.ok(href.endsWith(`/docs/rules/${String(d.code)}.md`), href);
        assert.ok(existsSync(fileURLToPath(href)), `${href} exists`);
      }
    });

    it('adds related information: a duplicate points at the first declaration', async () => {
      const path = join(WORKSPACE_FIXTURES, 'duplicate-scratch.strategy');
      const text = 'strategy "S" {\n  framework drugs-2008\n}\n\npriority 1 "One" {\n  commitment 1 "A" { owner "X" target tbc }\n  commitment 1 "B" { owner "X" target tbc }\n}\n';
      const diagnostics = await client.openAndWait(path, text);
      const duplicate = diagnostics.find((d) => d.code === 'duplicate-id');
      assert.ok(duplicate);
      assert.equal(duplicate.range.start.line, 6);
      assert.deepEqual(duplicate.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line, r.message]), [[uriOfPath(path), 5, 'First commitment 1']]);
      await client.close(uriOfPath(path));
    });

    it('fades suppressions that suppress nothing', async () => {
      const path = join(WORKSPACE_FIXTURES, 'unused-scratch.strategy');
      const text = 'strategy "S" {\n  framework drugs-2008\n}\n\n// strategy-disable-next-line open-note\npriority 1 "One" {\n  commitment 1 "A" { owner "X" target tbc measure "M" }\n}\n';
      const diagnostics = await client.openAndWait(path, text);
      const unused = diagnostics.find((d) => d.code === 'unused-suppression');
      assert.deepEqual(unused?.tags, [DiagnosticTag.Unnecessary]);
      await client.close(uriOfPath(path));
    });

    it('clears a document’s diagnostics when it is closed', async () => {
      const uri = uriOfPath(join(WORKSPACE_FIXTURES, 'birmingham.strategy'));
      await client.openAndWait(join(WORKSPACE_FIXTURES, 'birmingham.strategy'));
      const cleared = client.nextDiagnostics(uri);
      await client.close(uri);
      assert.deepEqual((await cleared).diagnostics, []);
    });
  });

  it('reports exactly what `strategy lint` reports on the same files', async () => {
    const copy = copyFolder(WORKSPACE_FIXTURES);
    const client = await LspClient.start({ folders: [copy.path] });
    try {
      await client.ready();
      const cli = await runCli(['lint', '--format', 'json', '.'], { cwd: copy.path });
      assert.ok(cli.code === 0 || cli.code === 1, cli.stderr);
      const files = JSON.parse(cli.stdout) as { filePath: string; messages: { ruleId: string; message: string; line: number; column: number; endLine: number; endColumn: number }[] }[];
      assert.equal(files.length, 4);
      for (const file of files) {
        const diagnostics = await client.openAndWait(join(copy.path, file.filePath));
        const fromServer = diagnostics.map((d) => [d.code, d.message, d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1]);
        const fromCli = file.messages.map((m) => [m.ruleId, m.message, m.line, m.column, m.endLine, m.endColumn]);
        assert.deepEqual(fromServer, fromCli, file.filePath);
      }
    } finally {
      await client.stop();
      copy.remove();
    }
  });

  describe('across files', () => {
    let copy: { path: string; remove: () => void };
    let client: LspClient;
    let strategyUri: string;
    beforeEach(async () => {
      copy = copyFolder(WORKSPACE_FIXTURES);
      client = await LspClient.start({ folders: [copy.path] });
      await client.ready();
      strategyUri = uriOfPath(join(copy.path, 'gloucestershire.strategy'));
      const first = await client.openAndWait(join(copy.path, 'gloucestershire.strategy'));
      assert.ok(lacksCode('unknown-national-action')(first));
    });
    afterEach(async () => {
      await client.stop();
      copy.remove();
    });

    it('an edit to an open framework re-lints the strategies that name it', async () => {
      const frameworkPath = join(copy.path, 'drugs-2008.strategy');
      const frameworkUri = await client.open(frameworkPath);
      const text = readFileSync(frameworkPath, 'utf8');
      const withoutAction21 = text.replace(/action 21 "[^"]*" \{[\s\S]*?\n {4}\}\n/, '');
      assert.notEqual(withoutAction21, text);
      const relinted = client.nextDiagnostics(strategyUri, (p) => hasCode('unknown-national-action')(p.diagnostics));
      await client.change(frameworkUri, withoutAction21);
      const diagnostics = (await relinted).diagnostics.filter((d) => d.code === 'unknown-national-action');
      assert.deepEqual(
        diagnostics.map((d) => d.message),
        ['Action 21 is not in framework drugs-2008 (it has actions 1–40).'],
      );
      // And putting it back clears it.
      const restored = client.nextDiagnostics(strategyUri, (p) => lacksCode('unknown-national-action')(p.diagnostics));
      await client.change(frameworkUri, text);
      await restored;
    });

    it('a framework changed on disk (file watching) re-lints the open strategies that name it', async () => {
      const frameworkPath = join(copy.path, 'drugs-2008.strategy');
      const text = readFileSync(frameworkPath, 'utf8');
      writeFileSync(frameworkPath, text.replace('action 20 "', 'action 22 "'));
      const relinted = client.nextDiagnostics(strategyUri, (p) => hasCode('unknown-national-action')(p.diagnostics));
      await client.filesChanged([{ uri: uriOfPath(frameworkPath), type: FileChangeType.Changed }]);
      const messages = (await relinted).diagnostics.filter((d) => d.code === 'unknown-national-action').map((d) => d.message);
      assert.equal(messages.length, 2, 'both `supports action 20` are now unknown');
    });

    it('a framework deleted on disk leaves its strategies naming an unknown framework', async () => {
      const frameworkPath = join(copy.path, 'drugs-2008.strategy');
      rmSync(frameworkPath);
      const relinted = client.nextDiagnostics(strategyUri, (p) => hasCode('unknown-framework')(p.diagnostics));
      await client.filesChanged([{ uri: uriOfPath(frameworkPath), type: FileChangeType.Deleted }]);
      assert.ok(hasCode('unknown-framework')((await relinted).diagnostics));
    });

    it('applies client settings live: a rule turned off disappears', async () => {
      client.settings = { '*': { rules: { 'open-note': 'off' } } };
      const relinted = client.nextDiagnostics(strategyUri, (p) => lacksCode('open-note')(p.diagnostics));
      await client.configurationChanged();
      await relinted;
    });

    it('applies strategy.config.json live when it changes on disk', async () => {
      const configPath = join(copy.path, 'strategy.config.json');
      writeFileSync(configPath, JSON.stringify({ rules: { 'open-note': 'error' } }));
      const relinted = client.nextDiagnostics(strategyUri, (p) => p.diagnostics.some((d) => d.code === 'open-note' && d.severity === DiagnosticSeverity.Error));
      await client.filesChanged([{ uri: uriOfPath(configPath), type: FileChangeType.Created }]);
      await relinted;
    });

    it('shows a broken strategy.config.json as a problem on the file, and lints with the defaults meanwhile', async () => {
      const configPath = join(copy.path, 'strategy.config.json');
      writeFileSync(configPath, '{ "rules": { "open-nite": "off" } }');
      const onConfig = client.nextDiagnostics(uriOfPath(configPath));
      const relinted = client.nextDiagnostics(strategyUri);
      await client.filesChanged([{ uri: uriOfPath(configPath), type: FileChangeType.Created }]);
      const problems = (await onConfig).diagnostics;
      assert.equal(problems.length, 1);
      assert.match(String(problems[0]!.message), /unknown rule `open-nite` \(did you mean `open-note`\?\)/);
      assert.equal(problems[0]!.range.start.line, 0);
      assert.ok(hasCode('open-note')((await relinted).diagnostics));
    });

    it('takes framework paths from the client settings, outside the workspace folder too', async () => {
      const elsewhere = emptyFolder();
      try {
        const frameworkPath = join(elsewhere.path, 'alcohol.strategy');
        writeFileSync(frameworkPath, 'framework alcohol-2012 "Alcohol Strategy" {\n  period 2012-04 to 2015-03\n}\n\npriority A "Alcohol" {\n  aim A.1 "Less harm" {\n    action 1 "Cut harm" { owner HO }\n  }\n}\n\nglossary {\n  HO "Home Office"\n}\n');
        const path = join(copy.path, 'alcohol-local.strategy');
        const text = 'strategy "Local alcohol" {\n  framework alcohol-2012\n}\n\npriority 1 "One" {\n  commitment 1 "Cut harm here" {\n    owner "Council"\n    supports action 1\n    target tbc\n    measure "Admissions"\n  }\n}\n';
        assert.ok(hasCode('unknown-framework')(await client.openAndWait(path, text)));
        client.settings = { '*': { frameworks: [frameworkPath] } };
        const relinted = client.nextDiagnostics(uriOfPath(path), (p) => lacksCode('unknown-framework')(p.diagnostics));
        await client.configurationChanged();
        assert.ok(lacksCode('unknown-national-action')((await relinted).diagnostics));
      } finally {
        elsewhere.remove();
      }
    });

    it('watches the indicator files strategy.config.json names', async () => {
      const configPath = join(copy.path, 'strategy.config.json');
      const indicatorsPath = join(copy.path, 'local-indicators.json');
      writeFileSync(indicatorsPath, JSON.stringify([{ code: 'NI 250', title: 'Local drug-related litter reports' }]));
      writeFileSync(configPath, JSON.stringify({ indicatorFiles: ['local-indicators.json'] }));
      const path = join(copy.path, 'local-indicator.strategy');
      const uri = uriOfPath(path);
      const configured = client.nextDiagnostics(strategyUri);
      await client.filesChanged([{ uri: uriOfPath(configPath), type: FileChangeType.Created }]);
      await configured;
      assert.ok(client.registrations.filter((r) => r === 'workspace/didChangeWatchedFiles').length >= 2, 'the indicator file is watched');
      const text = 'strategy "S" {\n  framework drugs-2008\n}\n\npriority 1 "One" {\n  measure NI 250\n}\n';
      assert.ok(lacksCode('unknown-indicator')(await client.openAndWait(path, text)));
      writeFileSync(indicatorsPath, '[]');
      const relinted = client.nextDiagnostics(uri, (p) => hasCode('unknown-indicator')(p.diagnostics));
      await client.filesChanged([{ uri: uriOfPath(indicatorsPath), type: FileChangeType.Changed }]);
      await relinted;
    });

    it('takes extra indicators from the client settings', async () => {
      const path = join(copy.path, 'local-indicator.strategy');
      const text = 'strategy "S" {\n  framework drugs-2008\n}\n\npriority 1 "One" {\n  measure NI 250\n}\n';
      const before = await client.openAndWait(path, text);
      assert.ok(hasCode('unknown-indicator')(before));
      client.settings = { '*': { indicators: [{ code: 'NI 250', title: 'Local drug-related litter reports' }] } };
      const relinted = client.nextDiagnostics(uriOfPath(path), (p) => lacksCode('unknown-indicator')(p.diagnostics));
      await client.configurationChanged();
      await relinted;
    });
  });
});
