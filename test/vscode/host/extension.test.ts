/**
 * The extension as VS Code sees it: activation, the language and its
 * configuration, commands, settings, status bar, snippets and the lint task's
 * problem matcher.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS } from '../../../client/command-ids.js';
import { CLI } from '../../support/paths.js';
import { EXTENSION_ID, SERVER_DIAGNOSTIC_SOURCE, activateExtension, cliFindings, codeOf, diagnosticsOf, open, severityName, strategyFiles, until, workspaceRoot } from './support.js';

describe('the extension in VS Code', () => {
  it('is active in a workspace with strategy files, and activation is quick', async () => {
    const started = performance.now();
    const api = await activateExtension();
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.equal(ext?.isActive, true);
    console.log(`[metric] activation ${api.activationMs} ms (load of dist/extension.js to end of activate()); activate() awaited ${Math.round(performance.now() - started)} ms in the test`);
    assert.ok(api.activationMs < 1000, `activation took ${api.activationMs} ms`);
  });

  it('gives .strategy files the strategy language', async () => {
    const { doc } = await open(strategyFiles()[0]!);
    assert.equal(doc.languageId, 'strategy');
  });

  it('registers its three commands', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    for (const id of Object.values(COMMANDS)) assert.ok(all.has(id), id);
  });

  it('starts the language server, and the status bar counts the problems of strategy files', async () => {
    const api = await activateExtension();
    await api.serverReady;
    console.log(`[metric] language server answered initialize ${api.serverReadyMs()} ms after activation`);
    const { doc } = await open(strategyFiles()[0]!);
    await diagnosticsOf(doc.uri, () => true);
    const text = await until(
      vscode.languages.onDidChangeDiagnostics,
      () => {
        let total = 0;
        for (const [uri, d] of vscode.languages.getDiagnostics()) if (uri.path.endsWith('.strategy')) total += d.filter((x) => x.source === SERVER_DIAGNOSTIC_SOURCE).length;
        const expected = total === 0 ? /^\$\(check\) Strategy$/ : new RegExp(`^\\$\\((error|warning|info)\\) Strategy: ${total}$`);
        const shown = api.statusText();
        return expected.test(shown) ? shown : undefined;
      },
      'the status bar to show the problem count',
    );
    assert.match(text, /Strategy/);
  });

  it('restarts the language server on command, and diagnostics come back', async () => {
    const api = await activateExtension();
    const { doc } = await open(strategyFiles()[0]!);
    const before = (await diagnosticsOf(doc.uri, () => true)).length;
    await vscode.commands.executeCommand(COMMANDS.restartServer);
    const after = await diagnosticsOf(doc.uri, (d) => d.length === before, 'the same diagnostics after the restart');
    assert.equal(after.length, before);
    assert.doesNotMatch(api.statusText(), /stopped|starting|no server/);
  });

  it('shows its output channel on command', async () => {
    await vscode.commands.executeCommand(COMMANDS.showOutput);
  });

  it('keeps NI 40 and PC.1 whole as words (the language configuration’s word pattern)', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'strategy', content: 'measure NI 40 "x"\nnational aim PC.1\n' });
    assert.equal(doc.getText(doc.getWordRangeAtPosition(new vscode.Position(0, 11))), 'NI 40');
    assert.equal(doc.getText(doc.getWordRangeAtPosition(new vscode.Position(1, 14))), 'PC.1');
  });

  it('offers statements only where they may stand: one source of snippets, the server’s', async () => {
    const doc = await vscode.workspace.openTextDocument({
      language: 'strategy',
      content: 'strategy "S" {\n  period 2010-04 to 2013-03\n}\n\npriority P1 "One" {\n  commitment P1.1 "Do" {\n    \n  }\n}\n\n',
    });
    const labelsAt = async (line: number, character: number): Promise<string[]> => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(line, character), undefined, 500);
      return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    };
    const inCommitment = await labelsAt(6, 4);
    assert.ok(inCommitment.some((l) => l.startsWith('owner')), inCommitment.join(', '));
    for (const l of inCommitment) assert.ok(!/^(strategy|priority|framework)\b/.test(l), `${l} offered inside a commitment`);
    const topLevel = await labelsAt(9, 0);
    assert.ok(topLevel.some((l) => l.startsWith('priority')), topLevel.join(', '));
    assert.ok(!topLevel.some((l) => l.startsWith('strategy')), 'no second header');
  });

  it('contributes its settings with their defaults', () => {
    const config = vscode.workspace.getConfiguration('strategy');
    assert.deepEqual(config.get('rules'), {});
    assert.deepEqual(config.get('frameworks'), []);
    assert.deepEqual(config.get('indicators'), []);
    assert.deepEqual(config.get('indicatorFiles'), []);
    assert.deepEqual(config.get('acronyms'), {});
    assert.equal(config.get('trace.server'), 'off');
  });

  it('validates strategy.config.json against the schema it contributes', async () => {
    const dir = vscode.Uri.joinPath(workspaceRoot(), 'config-check');
    const file = vscode.Uri.joinPath(dir, 'strategy.config.json');
    await vscode.workspace.fs.writeFile(file, Buffer.from('{ "rules": { "missing-owner": "loud" } }\n'));
    try {
      const { doc } = await open(file);
      assert.equal(doc.languageId, 'json');
      // VS Code's JSON language service reports values outside the schema's enum, here the severities the schema lists.
      const found = await until(
        vscode.languages.onDidChangeDiagnostics,
        () => vscode.languages.getDiagnostics(file).find((d) => /error|warning|info|off/.test(d.message) && d.range.start.character > 0),
        'the JSON schema diagnostic',
      );
      assert.match(doc.getText(found.range), /loud/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(dir, { recursive: true });
    }
  });

  it('reads `strategy lint` output in a task through the $strategy problem matcher', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!;
    const cwd = workspaceRoot().fsPath;
    // The extension host's own Node runs the CLI (ELECTRON_RUN_AS_NODE for desktop VS Code, whose host is Electron).
    const execution = new vscode.ProcessExecution(process.execPath, [CLI, 'lint', 'strategies'], { cwd, env: { ELECTRON_RUN_AS_NODE: '1', NO_COLOR: '1' } });
    const task = new vscode.Task({ type: 'process' }, folder, 'lint strategies', 'strategy', execution, ['$strategy']);
    task.presentationOptions = { reveal: vscode.TaskRevealKind.Never };
    const ended = until(vscode.tasks.onDidEndTaskProcess, () => true, 'the lint task to end', 60_000);
    await vscode.tasks.executeTask(task);
    await ended;
    const expected = await cliFindings(cwd, 'strategies');
    assert.ok(expected.length > 0, 'the strategies have findings');
    const matched = (): { uri: vscode.Uri; d: vscode.Diagnostic }[] =>
      vscode.languages.getDiagnostics().flatMap(([uri, ds]) => ds.filter((d) => d.source === 'strategy lint').map((d) => ({ uri, d })));
    // Waits for them all, and on a timeout compares what came, so that the failure shows the difference.
    const fromTask = await until(vscode.languages.onDidChangeDiagnostics, () => (matched().length >= expected.length ? matched() : undefined), 'the problem matcher').catch(() => matched());
    const key = (file: string, line: number, column: number, severity: string, code: string | undefined, message: string): string =>
      `${file}:${line}:${column} ${severity} ${code} ${message}`;
    assert.deepEqual(
      fromTask.map(({ uri, d }) => key(uri.fsPath, d.range.start.line + 1, d.range.start.character + 1, severityName(d.severity), codeOf(d), d.message)).sort(),
      expected.map((f) => key(f.file, f.line, f.column, f.severity, f.ruleId, f.message)).sort(),
    );
  });
});
