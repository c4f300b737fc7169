/**
 * strategy.config.json in the editor: looked up as `strategy lint` looks it
 * up (so both agree), every valid part kept, and each problem shown at its
 * own line on the config file.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticSeverity, FileChangeType } from 'vscode-languageserver-protocol/node';
import { runCli } from '../support/run-cli.js';
import { emptyFolder, LspClient, uriOfPath } from './support/lsp-client.js';

const WITH_NOTE = 'strategy "W" {}\nnote "add reference"\n';

describe('language server: strategy.config.json', function () {
  let folder: { path: string; remove: () => void };
  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    folder.remove();
  });

  it('keeps the valid parts of a config and shows each problem at its line', async () => {
    folder = emptyFolder();
    const config = '{\n  "rules": { "open-note": "error", "missing-owner": "loud" },\n  "frameworks": ["national/"],\n  "indicators": [{ "code": "NI 420" }]\n}\n';
    writeFileSync(join(folder.path, 'strategy.config.json'), config);
    writeFileSync(join(folder.path, 'w.strategy'), WITH_NOTE);
    client = await LspClient.start({ folders: [folder.path] });
    const onConfig = client.nextDiagnostics(uriOfPath(join(folder.path, 'strategy.config.json')), (p) => p.diagnostics.length > 0);
    await client.ready();
    const diagnostics = await client.openAndWait(join(folder.path, 'w.strategy'));
    const note = diagnostics.find((d) => d.code === 'open-note');
    assert.equal(note?.severity, DiagnosticSeverity.Error, 'the valid rule setting applies');
    const problems = (await onConfig).diagnostics;
    assert.deepEqual(
      problems.map((d) => [d.range.start.line, d.range.start.character]),
      [
        [1, 35],
        [2, 17],
        [3, 17],
      ],
    );
    assert.match(String(problems[0]!.message), /`rules\.missing-owner` must be one of/);
    const lines = config.split('\n');
    const underlined = (i: number): string => lines[problems[i]!.range.start.line]!.slice(problems[i]!.range.start.character, problems[i]!.range.end.character);
    assert.equal(underlined(0), '"missing-owner": "loud"', 'the whole property, key and value');
    assert.match(String(problems[1]!.message), /national does not exist/);
    assert.match(String(problems[2]!.message), /NI 420 is not in the National Indicator Set/);
  });

  it('follows `extends`, and lints again when the extended file changes', async () => {
    folder = emptyFolder();
    const base = join(folder.path, 'team.json');
    writeFileSync(base, JSON.stringify({ rules: { 'open-note': 'error' } }));
    writeFileSync(join(folder.path, 'strategy.config.json'), '{ "extends": "./team.json" }');
    writeFileSync(join(folder.path, 'w.strategy'), WITH_NOTE);
    client = await LspClient.start({ folders: [folder.path] });
    await client.ready();
    const path = join(folder.path, 'w.strategy');
    assert.equal((await client.openAndWait(path)).find((d) => d.code === 'open-note')?.severity, DiagnosticSeverity.Error);
    writeFileSync(base, JSON.stringify({ rules: { 'open-note': 'info' } }));
    const relinted = client.nextDiagnostics(uriOfPath(path), (p) => p.diagnostics.some((d) => d.code === 'open-note' && d.severity === DiagnosticSeverity.Information));
    await client.filesChanged([{ uri: uriOfPath(base), type: FileChangeType.Changed }]);
    await relinted;
  });

  it('uses the config of the document’s own folder, as `strategy lint` does', async () => {
    folder = emptyFolder();
    writeFileSync(join(folder.path, 'strategy.config.json'), JSON.stringify({ rules: { 'open-note': 'error' } }));
    mkdirSync(join(folder.path, 'area'));
    writeFileSync(join(folder.path, 'area', 'strategy.config.json'), '{\n  // this area reviews notes later\n  "rules": { "open-note": "info" }\n}\n');
    writeFileSync(join(folder.path, 'area', 'b.strategy'), WITH_NOTE);
    writeFileSync(join(folder.path, 'a.strategy'), WITH_NOTE);
    client = await LspClient.start({ folders: [folder.path] });
    await client.ready();
    const inArea = (await client.openAndWait(join(folder.path, 'area', 'b.strategy'))).find((d) => d.code === 'open-note');
    const atTop = (await client.openAndWait(join(folder.path, 'a.strategy'))).find((d) => d.code === 'open-note');
    assert.equal(inArea?.severity, DiagnosticSeverity.Information);
    assert.equal(atTop?.severity, DiagnosticSeverity.Error);
    const cli = await runCli(['lint', '-f', 'json'], { cwd: join(folder.path, 'area') });
    const severities = (JSON.parse(cli.stdout) as { messages: { ruleId: string; severity: string }[] }[]).flatMap((f) => f.messages.map((m) => m.severity));
    assert.deepEqual(severities, ['info'], 'the CLI run from the subfolder agrees');
  });
});
