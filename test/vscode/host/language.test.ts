/**
 * The language server's features, reached the way the editor reaches them
 * (VS Code's `vscode.execute…Provider` commands), on the converted seeds:
 * diagnostics (the same as the CLI's), completion, definition, hover,
 * references, code actions, formatting, symbols and semantic tokens.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { format } from '../../../grammar/formatter.js';
import { activateExtension, cliFindings, codeOf, diagnosticsOf, linkAction, open, positionOf, revert, serverDiagnostics, severityName, strategyFiles, until, workspaceRoot, type CliFinding } from './support.js';
import { REPO } from '../../support/paths.js';
import { tokenize } from './textmate.js';

interface Catalogue {
  indicators: { code: number; title?: string }[];
}

/** The catalogue's title of an indicator, read from the bundled National Indicator Set. */
function indicatorTitle(code: number): string {
  const catalogue = JSON.parse(readFileSync(`${REPO}/server/catalogue/ni-indicators.json`, 'utf8')) as Catalogue;
  const title = catalogue.indicators.find((i) => i.code === code)?.title;
  if (!title) throw new Error(`NI ${code} has no title in the catalogue`);
  return title;
}

function label(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function markdownText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

function target(l: vscode.Location | vscode.LocationLink): { uri: vscode.Uri; range: vscode.Range } {
  return 'targetUri' in l ? { uri: l.targetUri, range: l.targetSelectionRange ?? l.targetRange } : { uri: l.uri, range: l.range };
}

describe('language features through VS Code', () => {
  before(async function () {
    this.timeout(120_000);
    await (await activateExtension()).serverReady;
  });

  afterEach(async () => {
    for (const doc of vscode.workspace.textDocuments) if (doc.uri.scheme === 'file') await revert(doc);
  });

  it('reports the same findings as `strategy lint` in every strategy file', async function () {
    this.timeout(180_000);
    const all = await cliFindings(workspaceRoot().fsPath, 'strategies');
    for (const uri of strategyFiles()) {
      const expected = all.filter((f: CliFinding) => f.file === uri.fsPath);
      await open(uri);
      const actual = await diagnosticsOf(uri, (d) => d.length === expected.length, `${expected.length} diagnostics`).catch(() => serverDiagnostics(uri));
      const key = (line: number, column: number, severity: string, code: string | undefined, message: string): string => `${line}:${column} ${severity} ${code} ${message}`;
      assert.deepEqual(
        actual.map((d) => key(d.range.start.line + 1, d.range.start.character + 1, severityName(d.severity), codeOf(d), d.message)).sort(),
        expected.map((f) => key(f.line, f.column, f.severity, f.ruleId, f.message)).sort(),
        uri.path,
      );
    }
  });

  it('shows the problems of a strategy file nobody has opened (pulled workspace diagnostics)', async function () {
    this.timeout(120_000);
    const dir = vscode.Uri.joinPath(workspaceRoot(), 'closed-check');
    const uri = vscode.Uri.joinPath(dir, 'never-opened.strategy');
    await vscode.workspace.fs.createDirectory(dir);
    await vscode.workspace.fs.writeFile(uri, Buffer.from('strategy "Never opened" {\n  period 2010-04 to 2013-03\n}\n\npriority P1 "One" {\n  commitment P1.1 "Do a thing"\n}\n'));
    try {
      const expected = (await cliFindings(workspaceRoot().fsPath, 'closed-check')).filter((f) => f.file === uri.fsPath);
      assert.ok(expected.some((f) => f.ruleId === 'missing-owner'), 'the CLI finds the missing owner');
      const shown = await diagnosticsOf(uri, (d) => d.length === expected.length, `${expected.length} diagnostics on a file never opened`);
      assert.deepEqual(shown.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)}`).sort(), expected.map((f) => `${f.line}:${f.column} ${f.ruleId}`).sort());
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'still not open');
    } finally {
      await vscode.workspace.fs.delete(dir, { recursive: true });
    }
  });

  it('opens a rule’s page, rendered and read-only, from a diagnostic’s code link', async function () {
    this.timeout(60_000);
    const uri = strategyFiles()[0]!;
    const [diagnostic] = await diagnosticsOf(uri);
    const link = typeof diagnostic!.code === 'object' ? diagnostic!.code.target : undefined;
    assert.equal(link?.scheme, 'strategy-docs');
    const page = await vscode.workspace.openTextDocument(link!);
    assert.match(page.getText(), /^# /, 'the page’s markdown');
    // What the Problems panel's link does: open the URI; the rendered preview takes the source's place.
    await vscode.commands.executeCommand('vscode.open', link);
    const preview = await until(
      vscode.window.tabGroups.onDidChangeTabs,
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType)),
      'a markdown preview tab',
    );
    assert.ok(preview);
    assert.ok(!vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === 'strategy-docs'), 'no editable source tab');
    await vscode.window.tabGroups.close(preview);
  });

  it('wraps long prose lines in strategy files', () => {
    assert.equal(vscode.workspace.getConfiguration('editor', { languageId: 'strategy' }).get('wordWrap'), 'on');
  });

  it('completes `NI 4` in a measure with NI 40 and its title', async () => {
    const uri = strategyFiles().find((u) => /^\s*measure NI ?\d+/m.test(readFileSync(u.fsPath, 'utf8')));
    assert.ok(uri, 'a strategy with a measure');
    const { doc, editor } = await open(uri);
    const measure = positionOf(doc, /^[ \t]*measure NI ?\d+/m);
    const line = doc.lineAt(measure.line);
    const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
    await editor.edit((e) => e.insert(line.range.end, `\n${indent}measure NI 4`));
    const at = new vscode.Position(measure.line + 1, indent.length + 'measure NI 4'.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at);
    const ni40 = list.items.find((i) => label(i) === 'NI 40');
    assert.ok(ni40, `NI 40 among ${list.items.slice(0, 20).map(label).join(', ')}`);
    const shown = [ni40.detail, typeof ni40.label === 'string' ? '' : ni40.label.description, typeof ni40.documentation === 'string' ? ni40.documentation : ni40.documentation?.value].join(' ');
    assert.ok(shown.includes(indicatorTitle(40)), shown);
  });

  it('goes from `supports action N` to the action in the framework file', async () => {
    const link = await linkAction();
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', link.strategy.uri, link.reference);
    assert.equal(locations.length, 1, JSON.stringify(locations));
    const t = target(locations[0]!);
    assert.equal(t.uri.fsPath, link.framework.uri.fsPath);
    assert.match(link.framework.lineAt(t.range.start.line).text, new RegExp(`^\\s*action ${link.action}\\b`));
  });

  it('shows the action’s text on hover over `supports action N`', async () => {
    const link = await linkAction();
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', link.strategy.uri, link.reference);
    const text = markdownText(hovers);
    assert.ok(text.includes(link.actionText.slice(0, 60)), text);
  });

  it('finds the commitments that support a national action', async () => {
    const link = await linkAction();
    const at = positionOf(link.framework, new RegExp(`^[ \\t]*action ${link.action} `, 'm'));
    const declaration = new vscode.Position(at.line, link.framework.lineAt(at.line).text.indexOf(` ${link.action} `) + 1);
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', link.framework.uri, declaration);
    assert.ok(
      refs.some((r) => r.uri.fsPath === link.strategy.uri.fsPath && r.range.start.line === link.reference.line),
      refs.map((r) => `${r.uri.path}:${r.range.start.line + 1}`).join(', '),
    );
  });

  it('offers the fixes of the CLI and a suppression as code actions, and the suppression works', async () => {
    const all = await cliFindings(workspaceRoot().fsPath, 'strategies');
    const finding = all.find((f) => f.suggestions.length > 0) ?? all[0];
    assert.ok(finding, 'the strategies have findings');
    const uri = vscode.Uri.file(finding.file);
    await open(uri);
    const diagnostics = await diagnosticsOf(uri, (ds) => ds.some((d) => codeOf(d) === finding.ruleId && d.range.start.line === finding.line - 1));
    const diagnostic = diagnostics.find((d) => codeOf(d) === finding.ruleId && d.range.start.line === finding.line - 1)!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    for (const s of finding.suggestions) assert.ok(titles.includes(s), `"${s}" in ${titles.join(' | ')}`);
    const disable = actions.find((a) => a.edit && new RegExp(`disable.*${finding.ruleId}.*line|line.*${finding.ruleId}`, 'i').test(a.title));
    assert.ok(disable?.edit, `a "disable ${finding.ruleId} for this line" action in ${titles.join(' | ')}`);
    const before = diagnostics.filter((d) => codeOf(d) === finding.ruleId).length;
    assert.ok(await vscode.workspace.applyEdit(disable.edit));
    await diagnosticsOf(uri, (ds) => ds.filter((d) => codeOf(d) === finding.ruleId).length === before - 1, `one ${finding.ruleId} fewer`);
  });

  it('formats a document as the canonical formatter does', async () => {
    const uri = strategyFiles()[0]!;
    const { doc, editor } = await open(uri);
    // Undo the layout: every indented line loses its indentation, so the formatter has work to do.
    await editor.edit((e) => {
      for (let i = 0; i < doc.lineCount; i++) {
        const line = doc.lineAt(i);
        if (line.firstNonWhitespaceCharacterIndex > 0) e.delete(new vscode.Range(i, 0, i, line.firstNonWhitespaceCharacterIndex));
      }
    });
    const messy = doc.getText();
    const expected = format(messy);
    assert.ok(expected.ok, 'the document parses');
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', uri, { tabSize: 2, insertSpaces: true });
    assert.ok(edits.length > 0, 'the formatter has edits to make');
    const edit = new vscode.WorkspaceEdit();
    edit.set(uri, edits);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(doc.getText(), expected.text);
  });

  it('outlines priorities and their commitments', async () => {
    const uri = strategyFiles().find((u) => /^\s*commitment\b/m.test(readFileSync(u.fsPath, 'utf8')));
    assert.ok(uri);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    const flat = (s: readonly vscode.DocumentSymbol[]): vscode.DocumentSymbol[] => s.flatMap((x) => [x, ...flat(x.children)]);
    assert.ok(symbols.length > 0);
    assert.ok(flat(symbols).some((s) => s.children.length > 0), 'a symbol with children (priority › commitment)');
  });

  it('colours with semantic tokens whose types the manifest maps to the TextMate scopes', async () => {
    const uri = strategyFiles()[0]!;
    await open(uri);
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend | undefined>('vscode.provideDocumentSemanticTokensLegend', uri);
    assert.ok(legend, 'the server provides semantic tokens');
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', uri);
    assert.ok(tokens && tokens.data.length > 0);
    const manifest = vscode.extensions.getExtension('strategy-tools.strategy-language')!.packageJSON as {
      contributes: { semanticTokenScopes?: { language?: string; scopes: Record<string, string[]> }[] };
    };
    const mapped = new Set((manifest.contributes.semanticTokenScopes ?? []).flatMap((s) => Object.keys(s.scopes).map((k) => k.split('.')[0])));
    const unmapped = legend.tokenTypes.filter((t) => !mapped.has(t));
    assert.deepEqual(unmapped, [], 'token types without a TextMate scope in contributes.semanticTokenScopes');
  });
});

describe('colours through VS Code', () => {
  before(async function () {
    this.timeout(120_000);
    await (await activateExtension()).serverReady;
  });

  it('gives every semantic token of the server the scope the TextMate grammar gives the same text', async function () {
    this.timeout(120_000);
    const ext = vscode.extensions.getExtension('strategy-tools.strategy-language')!;
    const manifest = ext.packageJSON as { contributes: { semanticTokenScopes: { scopes: Record<string, string[]> }[] } };
    const scopes = manifest.contributes.semanticTokenScopes[0]!.scopes;
    const grammarPath = join(ext.extensionPath, 'syntaxes', 'strategy.tmLanguage.json');
    const mismatches: string[] = [];
    let compared = 0;
    for (const uri of strategyFiles()) {
      const doc = await vscode.workspace.openTextDocument(uri);
      const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend | undefined>('vscode.provideDocumentSemanticTokensLegend', uri);
      const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', uri);
      assert.ok(legend && tokens, 'the server provides semantic tokens');
      const lines = await tokenize(grammarPath, doc.getText());
      let line = 0;
      let character = 0;
      for (let i = 0; i < tokens.data.length; i += 5) {
        const [deltaLine, deltaStart, length, typeIndex, modifierBits] = Array.from(tokens.data.subarray(i, i + 5)) as [number, number, number, number, number];
        line += deltaLine;
        character = deltaLine === 0 ? character + deltaStart : deltaStart;
        const type: string = legend.tokenTypes[typeIndex] ?? '?';
        const modifiers: string[] = legend.tokenModifiers.filter((_, bit) => (modifierBits & (1 << bit)) !== 0);
        const selector: string = modifiers.map((m) => `${type}.${m}`).find((s) => scopes[s] !== undefined) ?? type;
        const expected = scopes[selector]?.[0];
        const text = doc.lineAt(line).text.slice(character, character + length);
        // An NI code outside the catalogue is a plain enumMember to the server, which knows the catalogue; the grammar cannot.
        if (type === 'enumMember' && !modifiers.includes('defaultLibrary') && /^NI/.test(text)) continue;
        const tm = lines[line]?.find((t) => t.start <= character && character < t.end);
        compared++;
        if (!expected || !tm?.scopes.includes(expected)) {
          mismatches.push(`${uri.path.split('/').pop()}:${line + 1}:${character + 1} "${text}" semantic ${selector} → ${expected}, TextMate ${tm?.scopes.slice(1).join(' ')}`);
        }
      }
    }
    console.log(`[metric] semantic tokens compared with TextMate scopes: ${compared}, mismatches ${mismatches.length}`);
    assert.deepEqual(mismatches.slice(0, 30), []);
  });
});
