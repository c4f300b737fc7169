/**
 * The extension manifest (package.json) against the code it describes: the
 * commands the extension registers, the rules the engine has, the files the
 * contributions name, and the CLI output the problem matcher reads.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS } from '../../client/command-ids.js';
import { RULES } from '../../server/rules/registry.js';
import { REPO, fixture } from '../support/paths.js';
import { runCli } from '../support/run-cli.js';

interface Manifest {
  main: string;
  icon: string;
  categories: string[];
  engines: { vscode: string };
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: boolean | 'limited'; restrictedConfigurations?: string[] }; virtualWorkspaces: { supported: boolean | 'limited' } };
  contributes: {
    languages: { id: string; extensions: string[]; configuration: string; icon: { light: string; dark: string } }[];
    grammars: { language: string; scopeName: string; path: string }[];
    snippets?: { language: string; path: string }[];
    commands: { command: string; title: string; category: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    configuration: { properties: Record<string, { properties?: Record<string, { enum: string[]; description: string }>; enum?: string[] }> };
    jsonValidation: { fileMatch: string; url: string }[];
    problemPatterns: { name: string; regexp: string; file: number; line: number; column: number; severity: number; code: number; message: number }[];
    problemMatchers: { name: string; pattern: string; fileLocation: string[] }[];
  };
}

const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as Manifest;
const c = manifest.contributes;

function shipped(path: string): string {
  return join(REPO, path.replace(/^\.\//, ''));
}

describe('extension manifest', () => {
  it('contributes exactly the commands the extension registers, under the Strategy category', () => {
    assert.deepEqual(c.commands.map((x) => x.command).sort(), Object.values(COMMANDS).sort());
    for (const cmd of c.commands) assert.equal(cmd.category, 'Strategy');
    const titles = Object.fromEntries(c.commands.map((x) => [x.command, `${x.category}: ${x.title}`]));
    assert.equal(titles[COMMANDS.convertDocument], 'Strategy: Convert Document to Strategy');
    assert.equal(titles[COMMANDS.restartServer], 'Strategy: Restart Language Server');
    assert.equal(titles[COMMANDS.showOutput], 'Strategy: Show Output');
  });

  it('activates on the language, on a workspace with strategy files, and on its commands only', () => {
    assert.deepEqual(manifest.activationEvents.filter((e) => !e.startsWith('onCommand:')), [
      'onLanguage:strategy',
      'workspaceContains:**/*.strategy',
      'workspaceContains:**/strategy.config.json',
    ]);
    assert.deepEqual(
      manifest.activationEvents.filter((e) => e.startsWith('onCommand:')).sort(),
      Object.values(COMMANDS).map((id) => `onCommand:${id}`).sort(),
    );
    assert.ok(!manifest.activationEvents.includes('*'));
  });

  it('offers conversion in the explorer for exactly the formats the converter reads', () => {
    const when = c.menus['explorer/context']?.find((m) => m.command === COMMANDS.convertDocument)?.when ?? '';
    const regex = /resourceExtname =~ \/(.+)\/(i?)/.exec(when);
    assert.ok(regex, when);
    const re = new RegExp(regex[1]!, regex[2]);
    for (const ext of ['.txt', '.md', '.docx', '.html', '.htm', '.pdf', '.PDF']) assert.ok(re.test(ext), ext);
    for (const ext of ['.strategy', '.json', '.doc', '.mdx']) assert.ok(!re.test(ext), ext);
  });

  it('has a setting for the severity of every rule, and only those', () => {
    const rules = c.configuration.properties['strategy.rules']?.properties ?? {};
    assert.deepEqual(Object.keys(rules).sort(), RULES.map((r) => r.meta.id).sort());
    for (const r of RULES) {
      assert.deepEqual(rules[r.meta.id]?.enum, ['error', 'warning', 'info', 'off']);
      assert.equal(rules[r.meta.id]?.description, `${r.meta.description} (default: ${r.meta.defaultSeverity})`);
    }
    for (const key of ['strategy.frameworks', 'strategy.indicators', 'strategy.indicatorFiles', 'strategy.acronyms', 'strategy.trace.server']) {
      assert.ok(c.configuration.properties[key], key);
    }
    assert.deepEqual(c.configuration.properties['strategy.trace.server']?.enum, ['off', 'messages', 'verbose']);
  });

  it('contributes no static snippets: the server’s completion, which knows where a statement may stand, is the one source', () => {
    assert.equal(c.snippets, undefined);
    assert.ok(!manifest.categories.includes('Snippets'));
  });

  it('names files that exist: bundle entry, icon, grammar, language configuration, schema', () => {
    assert.equal(manifest.main, './dist/extension.js');
    const files = [
      manifest.icon,
      ...c.languages.flatMap((l) => [l.configuration, l.icon.light, l.icon.dark]),
      ...c.grammars.map((g) => g.path),
      ...c.jsonValidation.map((j) => j.url),
    ];
    for (const f of files) assert.ok(existsSync(shipped(f)), f);
    assert.deepEqual(c.languages.map((l) => [l.id, l.extensions]), [['strategy', ['.strategy']]]);
    assert.deepEqual(c.jsonValidation, [{ fileMatch: 'strategy.config.json', url: './schemas/strategy.config.schema.json' }]);
  });

  it('targets a VS Code that has the API it is compiled against and runs extensions on Node 22', () => {
    const types = JSON.parse(readFileSync(join(REPO, 'node_modules', '@types', 'vscode', 'package.json'), 'utf8')) as { version: string };
    const engine = /^\^1\.(\d+)\.0$/.exec(manifest.engines.vscode);
    assert.ok(engine, manifest.engines.vscode);
    const engineMinor = Number(engine[1]);
    assert.ok(engineMinor >= Number(types.version.split('.')[1]), `engines.vscode ${manifest.engines.vscode} is older than @types/vscode ${types.version}`);
    // The server and the converter need Node 22 (Chevrotain 13, pdf.js); VS Code runs extensions on it from 1.101.
    assert.ok(engineMinor >= 101, `engines.vscode ${manifest.engines.vscode} allows a VS Code whose extension host is Node 20`);
  });

  it('declares its trust and virtual-workspace support', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    for (const key of manifest.capabilities.untrustedWorkspaces.restrictedConfigurations ?? []) assert.ok(c.configuration.properties[key], key);
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, false);
  });

  it('resolves the problem matcher’s paths against the workspace folder without a file-system check per line', () => {
    // "autoDetect" checks that each path exists, one remote round trip per finding; in VS Code 1.139 the
    // matcher is closed 100 ms after the process exits, and the last file's findings of a large run were lost.
    assert.deepEqual(c.problemMatchers.map((m) => m.fileLocation), [['relative', '${workspaceFolder}']]);
  });

  it("has a problem matcher that reads every finding of the CLI's stylish output", async () => {
    const pattern = c.problemPatterns.find((p) => c.problemMatchers.some((m) => m.pattern === `$${p.name}`));
    assert.ok(pattern);
    const re = new RegExp(pattern.regexp);
    const dir = fixture('workspace');
    const [stylish, json] = await Promise.all([runCli(['lint', dir]), runCli(['lint', '-f', 'json', dir])]);
    const expected = (JSON.parse(json.stdout) as { filePath: string; messages: { ruleId: string; severity: string; message: string; line: number; column: number }[] }[]).flatMap(
      (f) => f.messages.map((m) => [f.filePath, m.line, m.column, m.severity, m.ruleId, m.message]),
    );
    assert.ok(expected.length > 0, 'the fixtures have findings');
    const matched = stylish.stdout
      .split('\n')
      .map((line) => re.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[pattern.file], Number(m[pattern.line]), Number(m[pattern.column]), m[pattern.severity], m[pattern.code], m[pattern.message]]);
    assert.deepEqual(matched, expected);
  });
});
