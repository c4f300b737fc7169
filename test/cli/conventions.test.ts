/**
 * The `strategy` binary as ESLint and markdownlint-cli2 users expect it:
 * closed pipes, report folders, exclusions, options of other commands,
 * colour, and configuration looked up from each file's folder.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { wantsColour } from '../../server/cli/formatters/colour.js';
import { CLI, SEEDS } from '../support/paths.js';
import { runCli } from '../support/run-cli.js';
import { scratch } from '../support/temp.js';

const WITH_WARNING = 'strategy "W" {}\nnote "add reference"\n';
const WITH_ERROR = 'strategy "E" {}\nmeasure NI 31\n';

describe('strategy: conventions of the command line', () => {
  describe('crashes and surprises', () => {
    it('ends quietly when the reader closes the pipe (`strategy lint seeds | head -1`)', () => {
      const dir = scratch();
      const errors = join(dir, 'stderr.txt');
      const script = `set -o pipefail; "${process.execPath}" "${CLI}" lint "${SEEDS}" 2>"${errors}" | head -n 1 >/dev/null; echo "\${PIPESTATUS[0]}"`;
      const r = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      assert.equal(readFileSync(errors, 'utf8'), '', 'nothing on standard error');
      assert.equal(r.stdout.trim(), '0');
    });

    it('-o into a folder that does not exist creates it', async () => {
      const dir = scratch({ 'w.strategy': WITH_WARNING });
      const r = await runCli(['lint', '-f', 'sarif', '-o', 'reports/ci/strategy.sarif', 'w.strategy'], { cwd: dir });
      assert.equal(r.code, 0, r.stderr);
      assert.ok(existsSync(join(dir, 'reports', 'ci', 'strategy.sarif')));
    });

    it('-o under a folder that cannot be made (/proc) ends at once with exit 2 (Node\'s recursive mkdir spins for ever there)', async () => {
      const dir = scratch({ 'w.strategy': WITH_WARNING });
      const r = await runCli(['lint', '-o', '/proc/strategy-no-such/report.json', 'w.strategy'], { cwd: dir });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^\/proc\/strategy-no-such\/report\.json: cannot write the report \(ENOENT\)$/m);
      const convert = await runCli(['convert', '--out-dir', '/proc/strategy-no-such/out', 'plan.md'], { cwd: scratch({ 'plan.md': '# Plan\n\nWe will act.\n' }) });
      assert.equal(convert.code, 2);
      assert.match(convert.stderr, /cannot create the output folder \(ENOENT\)/);
    });

    it('-o where no file can be written: a clear error and exit 2, no stack trace', async () => {
      const dir = scratch({ 'w.strategy': WITH_WARNING, 'taken': 'a file, not a folder' });
      const r = await runCli(['lint', '-o', 'taken/report.txt', 'w.strategy'], { cwd: dir });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^taken\/report\.txt: cannot write the report \((ENOTDIR|EEXIST)\)$/m);
      assert.doesNotMatch(r.stderr, /internal error|at /);
    });

    it('`!pattern` leaves files out (markdownlint-cli2 and git semantics), alone or after paths', async () => {
      const dir = scratch({ 'a.strategy': WITH_WARNING, 'sub/b.strategy': WITH_WARNING, 'sub/deeper/c.strategy': WITH_WARNING });
      const after = await runCli(['lint', '.', '!sub/**', '-f', 'json'], { cwd: dir });
      assert.deepEqual((JSON.parse(after.stdout) as { filePath: string }[]).map((f) => f.filePath.replace(`${dir}/`, '')), ['a.strategy']);
      const alone = await runCli(['lint', '!sub/deeper/**', '-f', 'json'], { cwd: dir });
      assert.deepEqual((JSON.parse(alone.stdout) as { filePath: string }[]).map((f) => f.filePath.replace(`${dir}/`, '')), ['a.strategy', 'sub/b.strategy']);
    });

    it('--ignore-pattern leaves files out; --no-ignore lints what ignore files leave out', async () => {
      const dir = scratch({ '.gitignore': 'drafts/\n', 'a.strategy': WITH_WARNING, 'drafts/d.strategy': WITH_WARNING, 'old/o.strategy': WITH_WARNING });
      const files = (stdout: string): string[] => (JSON.parse(stdout) as { filePath: string }[]).map((f) => f.filePath.replace(`${dir}/`, ''));
      assert.deepEqual(files((await runCli(['lint', '-f', 'json'], { cwd: dir })).stdout), ['a.strategy', 'old/o.strategy']);
      assert.deepEqual(files((await runCli(['lint', '-f', 'json', '--ignore-pattern', 'old/'], { cwd: dir })).stdout), ['a.strategy']);
      assert.deepEqual(files((await runCli(['lint', '-f', 'json', '--no-ignore'], { cwd: dir })).stdout), ['a.strategy', 'drafts/d.strategy', 'old/o.strategy']);
    });

    it('refuses an option of another command, naming the command it belongs to', async () => {
      const dir = scratch({ 'w.strategy': WITH_WARNING });
      const lint = await runCli(['lint', '--force', '--report', 'json', 'w.strategy'], { cwd: dir });
      assert.equal(lint.code, 2);
      assert.match(lint.stderr, /^strategy: --force is not an option of `strategy lint` \(it belongs to `strategy convert`, `strategy report`\)\.$/m);
      assert.equal(lint.stdout, '');
      const rules = await runCli(['rules', '-o', 'x.txt'], { cwd: dir });
      assert.equal(rules.code, 2);
      assert.match(rules.stderr, /-o is not an option of `strategy rules` \(it belongs to `strategy lint`, `strategy convert`, `strategy report`\)/);
      const format = await runCli(['format', '--fix', 'w.strategy'], { cwd: dir });
      assert.equal(format.code, 2);
      const report = await runCli(['report', '--fix', 'w.strategy'], { cwd: dir });
      assert.equal(report.code, 2);
      assert.match(report.stderr, /--fix is not an option of `strategy report` \(it belongs to `strategy lint`\)/);
      assert.ok(!existsSync(join(dir, 'report.html')));
    });

    it('convert that refuses to overwrite prints no `a → b` line', async () => {
      const dir = scratch({ 'plan.md': '# Our plan\n\nWe will reduce harm.\n', 'plan.strategy': 'strategy "Hand edited" {}\n' });
      const r = await runCli(['convert', 'plan.md'], { cwd: dir });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^plan\.strategy: already exists and differs from the conversion; use --force to overwrite it$/m);
      assert.doesNotMatch(r.stdout, /→/);
      assert.equal(readFileSync(join(dir, 'plan.strategy'), 'utf8'), 'strategy "Hand edited" {}\n');
      const forced = await runCli(['convert', '--force', 'plan.md'], { cwd: dir });
      assert.equal(forced.code, 0, forced.stderr);
      assert.match(forced.stdout, /^plan\.md → plan\.strategy/m);
    });

    it('colour: --color forces it on a pipe, --no-color and FORCE_COLOR=0 turn it off, on a terminal too', async () => {
      const dir = scratch({ 'e.strategy': WITH_ERROR });
      const ESC = '\u001b[';
      assert.ok((await runCli(['lint', '--color', 'e.strategy'], { cwd: dir })).stdout.includes(ESC));
      assert.ok(!(await runCli(['lint', '--no-color', 'e.strategy'], { cwd: dir, env: { FORCE_COLOR: '1' } })).stdout.includes(ESC));
      assert.ok((await runCli(['lint', 'e.strategy'], { cwd: dir, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } })).stdout.includes(ESC));
      assert.equal(wantsColour(true, { FORCE_COLOR: '0' }), false);
      assert.equal(wantsColour(true, { FORCE_COLOR: 'false' }), false);
      assert.equal(wantsColour(true, { NO_COLOR: '1' }), false);
      assert.equal(wantsColour(true, {}), true);
      assert.equal(wantsColour(false, {}), false);
      assert.equal(wantsColour(true, { NO_COLOR: '1' }, true), true);
    });
  });

  describe('configuration looked up from each file', () => {
    const tree = (): string => {
      const dir = scratch({
        'strategy.config.json': '{\n  // the partnership’s settings\n  "rules": { "open-note": "error" },\n}\n',
        'a.strategy': WITH_WARNING,
        'area/b.strategy': WITH_WARNING,
        'area/strategy.config.json': '{ "rules": { "open-note": "info" } }',
        '.gitignore': 'area/drafts/\n',
        'area/drafts/d.strategy': WITH_WARNING,
      });
      mkdirSync(join(dir, '.git'));
      return dir;
    };

    it('gives the same findings wherever it is run: each file gets the configs of its own folder and above', async () => {
      const dir = tree();
      const fromTop = await runCli(['lint', '-f', 'json'], { cwd: dir });
      const severities = (stdout: string): Record<string, string[]> =>
        Object.fromEntries((JSON.parse(stdout) as { filePath: string; messages: { severity: string }[] }[]).map((f) => [f.filePath.replace(`${dir}/`, ''), f.messages.map((m) => m.severity)]));
      assert.deepEqual(severities(fromTop.stdout), { 'a.strategy': ['error'], 'area/b.strategy': ['info'] });
      const fromArea = await runCli(['lint', '-f', 'json', '.', '../a.strategy'], { cwd: join(dir, 'area') });
      // Paths are shown relative to the working folder (area/), or absolute outside it.
      assert.deepEqual(severities(fromArea.stdout), { 'a.strategy': ['error'], 'b.strategy': ['info'] }, 'the .gitignore of the repository root applies from a subfolder too');
    });

    it('--print-config shows the settings for a file and where each came from', async () => {
      const dir = tree();
      const r = await runCli(['lint', '--print-config', 'area/b.strategy', '--rule', 'missing-owner=off'], { cwd: dir });
      assert.equal(r.code, 0, r.stderr);
      const printed = JSON.parse(r.stdout) as { configFiles: string[]; rules: Record<string, { severity: string; source: string }> };
      assert.deepEqual(printed.configFiles, ['strategy.config.json', 'area/strategy.config.json']);
      assert.deepEqual(printed.rules['open-note'], { severity: 'info', source: 'area/strategy.config.json:1:14' });
      assert.deepEqual(printed.rules['missing-owner'], { severity: 'off', source: '--rule missing-owner=off' });
      assert.deepEqual(printed.rules['missing-target'], { severity: 'warning', source: 'default' });
    });

    it('--debug says which config and ignore files were read', async () => {
      const dir = tree();
      const r = await runCli(['lint', '--debug'], { cwd: join(dir, 'area') });
      assert.match(r.stderr, /^strategy: read config strategy\.config\.json$/m);
      assert.match(r.stderr, new RegExp(`^strategy: read config ${dir}/strategy\\.config\\.json$`, 'm'));
      assert.match(r.stderr, new RegExp(`^strategy: read ignore file ${dir}/\\.gitignore$`, 'm'));
      assert.match(r.stderr, new RegExp(`^strategy: b\\.strategy: configs ${dir}/strategy\\.config\\.json, strategy\\.config\\.json$`, 'm'));
    });

    it('a config with bad values: each problem with file:line:col, the valid parts still apply, exit 2', async () => {
      const dir = scratch({
        'strategy.config.json': '{\n  "rules": { "open-note": "error", "missing-owner": "loud" },\n  "frameworks": ["national/"],\n  "root": "yes"\n}\n',
        'w.strategy': WITH_WARNING,
      });
      const r = await runCli(['lint', 'w.strategy'], { cwd: dir });
      assert.equal(r.code, 2);
      assert.match(r.stdout, /w\.strategy:2:1: error open-note/);
      assert.deepEqual(r.stderr.trim().split('\n'), [
        'strategy.config.json:2:36: `rules.missing-owner` must be one of "error", "warning", "info", "off"; it is ignored',
        'strategy.config.json:4:3: `root` expected boolean, received string; it is ignored',
        'strategy.config.json:3:18: `frameworks`: national does not exist; it is ignored',
      ]);
    });

    it('the `converter` key is checked in full where it is used: `convert` names the key and its line, `lint` is not concerned', async () => {
      const dir = scratch({ 'strategy.config.json': '{\n  "converter": {\n    "documentKind": "national"\n  }\n}\n', 'plan.md': '# Plan\n\nWe will act.\n', 'w.strategy': WITH_WARNING });
      const convert = await runCli(['convert', 'plan.md'], { cwd: dir });
      assert.equal(convert.code, 2);
      assert.match(convert.stderr, /^strategy\.config\.json:3:5: `converter\.documentKind` /m);
      const lint = await runCli(['lint', 'w.strategy'], { cwd: dir });
      assert.equal(lint.code, 0, lint.stderr);
    });

    it('convert reads each document\'s config from its own folder, as lint does, not from where it runs', async () => {
      const dir = scratch({
        'strategy.config.json': '{ "root": true }',
        'national/strategy.config.json': '{ "converter": { "documentKind": "framework" } }',
        'national/plan.md': '# National plan\n\n1. Reduce harm.\n',
        'local/plan.md': '# Local plan\n\nWe will act.\n',
      });
      const r = await runCli(['convert', 'national/plan.md', 'local/plan.md'], { cwd: dir });
      assert.equal(r.code, 0, r.stderr);
      assert.match(readFileSync(join(dir, 'national', 'plan.strategy'), 'utf8'), /^framework /m);
      assert.doesNotMatch(readFileSync(join(dir, 'local', 'plan.strategy'), 'utf8'), /^framework /m);
      // A bad config in one document's folder is named with its line; nothing is written.
      const bad = scratch({ 'a/strategy.config.json': '{\n  "converter": { "documentKind": "national" }\n}\n', 'a/plan.md': '# Plan\n', 'b/plan.md': '# Plan\n' });
      const refused = await runCli(['convert', 'a/plan.md', 'b/plan.md'], { cwd: bad });
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /^a\/strategy\.config\.json:2:18: `converter\.documentKind` /m);
      assert.ok(!existsSync(join(bad, 'b', 'plan.strategy')));
    });

    it('extends a shared team config installed as a package', async () => {
      const dir = scratch({
        'strategy.config.json': '{ "extends": "@council/strategy-config" }',
        'node_modules/@council/strategy-config/package.json': '{ "name": "@council/strategy-config", "main": "config.json" }',
        'node_modules/@council/strategy-config/config.json': '{ "rules": { "open-note": "off" } }',
        'w.strategy': WITH_WARNING,
      });
      const r = await runCli(['lint', 'w.strategy'], { cwd: dir });
      assert.equal(r.code, 0, r.stderr);
      assert.doesNotMatch(r.stdout, /open-note/);
    });
  });
});
