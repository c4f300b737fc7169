/**
 * "Strategy: Convert Document to Strategy" on copies of the seeds' source
 * documents: it writes the result beside the source, opens it, reports, and
 * never replaces an existing file unless told to.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { COMMANDS } from '../../../client/command-ids.js';
import type { ConvertOutcome } from '../../../client/convert-command.js';
import { parse } from '../../../grammar/parse.js';
import { activateExtension, sourceFiles } from './support.js';

describe('converting a document', () => {
  const written: string[] = [];

  before(async () => {
    await activateExtension();
  });

  after(() => {
    for (const f of written) rmSync(f, { force: true });
  });

  function source(): vscode.Uri {
    // The Gloucestershire draft: a strategy with priorities, commitments and measures.
    const uri = sourceFiles().find((u) => /gloucestershire/i.test(u.path)) ?? sourceFiles()[0];
    assert.ok(uri, 'a source document in the test workspace');
    return uri;
  }

  it('writes a .strategy file beside the source, opens it, and reports', async function () {
    this.timeout(120_000);
    const src = source();
    const expectedPath = src.fsPath.replace(/\.[^.]+$/, '.strategy');
    assert.ok(!existsSync(expectedPath));
    const outcome = await vscode.commands.executeCommand<ConvertOutcome | undefined>(COMMANDS.convertDocument, src);
    assert.ok(outcome, 'the command returns what it wrote');
    written.push(...outcome.written.map((u) => u.fsPath));
    assert.equal(outcome.output.fsPath, expectedPath);
    const text = readFileSync(expectedPath, 'utf8');
    assert.deepEqual(parse(text).problems, [], 'the result parses');
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, expectedPath);
    assert.equal(vscode.window.activeTextEditor?.document.languageId, 'strategy');
    assert.equal(outcome.report.output, expectedPath);
    assert.equal(outcome.report.documentKind, 'strategy');
    assert.ok(outcome.report.coverage.ratio > 0.9, `coverage ${outcome.report.coverage.ratio}`);
  });

  it('keeps both files when asked not to replace an edited result', async function () {
    this.timeout(120_000);
    const src = source();
    const first = src.fsPath.replace(/\.[^.]+$/, '.strategy');
    assert.ok(existsSync(first), 'the first conversion wrote its file');
    // The author has worked on the converted file since: converting again must not lose that work.
    writeFileSync(first, `// edited by hand\n${readFileSync(first, 'utf8')}`);
    const before = { text: readFileSync(first, 'utf8'), mtime: statSync(first).mtimeMs };
    const outcome = await vscode.commands.executeCommand<ConvertOutcome | undefined>(COMMANDS.convertDocument, src, undefined, { ifExists: 'keepBoth' });
    assert.ok(outcome);
    written.push(...outcome.written.map((u) => u.fsPath));
    assert.equal(outcome.output.fsPath, src.fsPath.replace(/\.[^.]+$/, '-2.strategy'));
    assert.deepEqual({ text: readFileSync(first, 'utf8'), mtime: statSync(first).mtimeMs }, before, 'the existing file is untouched');
  });

  it('writes nothing when the user cancels instead of replacing an edited result', async () => {
    const src = source();
    const first = src.fsPath.replace(/\.[^.]+$/, '.strategy');
    assert.match(readFileSync(first, 'utf8'), /^\/\/ edited by hand/);
    const before = statSync(first).mtimeMs;
    const outcome = await vscode.commands.executeCommand<ConvertOutcome | undefined>(COMMANDS.convertDocument, src, undefined, { ifExists: 'cancel' });
    assert.equal(outcome, undefined);
    assert.equal(statSync(first).mtimeMs, before);
    assert.ok(!existsSync(src.fsPath.replace(/\.[^.]+$/, '-3.strategy')));
  });
});
