/**
 * `strategy report` chooses files, configs, settings and frameworks exactly as
 * `strategy lint` does (both go through server/cli/lint-session.ts): a nested
 * strategy.config.json changes a rule's severity and names a framework path
 * for its folder only; `!pattern` arguments and ignore files leave files out;
 * `--print-config` and `--config` mean the same. Real CLI, real folders.
 */
import { strict as assert } from 'node:assert';
import { ReportSchema, type Report } from '../../server/report/report-model.js';
import { runCli } from '../support/run-cli.js';
import { scratch } from '../support/temp.js';
import { FRAMEWORK, STRATEGY_A } from './fixtures.js';

interface LintJsonFile {
  filePath: string;
  messages: { ruleId: string; severity: string; line: number }[];
}

const SEVERITY = ['off', 'info', 'warning', 'error'];

function lintFindings(files: LintJsonFile[]): Map<string, string[]> {
  // ESLint's JSON gives severities as numbers (1 warning, 2 error) and ours as words or numbers: compare as words.
  const word = (s: string | number): string => (typeof s === 'number' ? (SEVERITY[s] ?? String(s)) : s);
  return new Map(files.map((f) => [f.filePath, f.messages.map((m) => `${m.line} ${m.ruleId} ${word(m.severity)}`).sort()]));
}

function reportFindings(report: Report): Map<string, string[]> {
  return new Map(report.documents.map((d) => [d.file, d.gaps.flatMap((g) => g.findings).map((f) => `${f.location.line} ${f.ruleId} ${f.severity}`).sort()]));
}

describe('strategy report chooses files and settings as strategy lint does', function () {
  this.timeout(60_000);
  const files = {
    'national/nat.strategy': FRAMEWORK,
    'a.strategy': STRATEGY_A,
    'sub/a.strategy': STRATEGY_A,
    'sub/old.strategy': 'strategy "Old" {}\n',
    'sub/strategy.config.json': JSON.stringify({ frameworks: ['../national'], rules: { 'missing-owner': 'error' } }),
    'skipped/.strategyignore': 'draft.strategy\n',
    'skipped/draft.strategy': STRATEGY_A,
  };

  it('a nested config changes a severity and names a framework for its folder only; report and lint agree finding for finding', async () => {
    const dir = scratch(files);
    const args = ['a.strategy', 'sub', 'skipped', '!sub/old.strategy', '--format', 'json'];
    const [r, l] = await Promise.all([runCli(['report', ...args], { cwd: dir }), runCli(['lint', ...args], { cwd: dir })]);
    assert.equal(r.code, 0, r.stderr);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    const lint = JSON.parse(l.stdout) as LintJsonFile[];
    assert.deepEqual(report.documents.map((d) => d.file).sort(), ['a.strategy', 'sub/a.strategy'], 'the !pattern and the .strategyignore leave the same files out');
    assert.deepEqual(reportFindings(report), lintFindings(lint));

    const top = report.documents.find((d) => d.file === 'a.strategy')!;
    const sub = report.documents.find((d) => d.file === 'sub/a.strategy')!;
    const owner = (d: typeof top): string[] => d.gaps.flatMap((g) => g.findings).filter((f) => f.ruleId === 'missing-owner').map((f) => f.severity);
    assert.ok(owner(sub).length > 0 && owner(sub).every((s) => s === 'error'), `sub: ${owner(sub).join()}`);
    assert.ok(owner(top).length > 0 && owner(top).every((s) => s !== 'error'), `top: ${owner(top).join()}`);
    // The framework is found through sub's config (and, loaded for the run, serves every file, as in lint).
    assert.equal(sub.coverage?.framework.id, 'nat-1');
    assert.equal(sub.coverage?.framework.file, 'national/nat.strategy');

    // Without sub among the paths, no config names the framework: not found, by lint or the report.
    const [alone, aloneLint] = await Promise.all([runCli(['report', 'a.strategy', '--format', 'json'], { cwd: dir }), runCli(['lint', 'a.strategy', '--format', 'json'], { cwd: dir })]);
    const aloneReport = ReportSchema.parse(JSON.parse(alone.stdout));
    assert.deepEqual(reportFindings(aloneReport), lintFindings(JSON.parse(aloneLint.stdout) as LintJsonFile[]));
    assert.equal(aloneReport.documents[0]!.coverage, null);
    assert.ok(aloneReport.documents[0]!.gaps.flatMap((g) => g.findings).some((f) => f.ruleId === 'unknown-framework'));
  });

  it('--config, --rule and --print-config mean what they mean for lint', async () => {
    const dir = scratch({ ...files, 'other.json': JSON.stringify({ rules: { 'missing-owner': 'off', 'vague-timing': 'error' } }) });
    const args = ['sub', '--config', 'other.json', '--rule', 'vague-timing=info', '--format', 'json'];
    const [r, l] = await Promise.all([runCli(['report', ...args], { cwd: dir }), runCli(['lint', ...args], { cwd: dir })]);
    assert.equal(r.code, 0, r.stderr);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    assert.deepEqual(reportFindings(report), lintFindings(JSON.parse(l.stdout) as LintJsonFile[]));
    const rules = new Set(report.documents.flatMap((d) => d.gaps.flatMap((g) => g.findings)).map((f) => `${f.ruleId} ${f.severity}`));
    assert.ok(!rules.has('missing-owner error') && ![...rules].some((x) => x.startsWith('missing-owner ')), [...rules].join());
    assert.ok(rules.has('vague-timing info'), [...rules].join());

    const [pr, pl] = await Promise.all([runCli(['report', '--print-config', 'sub/a.strategy'], { cwd: dir }), runCli(['lint', '--print-config', 'sub/a.strategy'], { cwd: dir })]);
    assert.equal(pr.code, 0, pr.stderr);
    assert.equal(pr.stdout, pl.stdout);
    assert.equal((JSON.parse(pr.stdout) as { rules: Record<string, { severity: string }> }).rules['missing-owner']!.severity, 'error');

    const missing = await runCli(['report', '--config', 'nowhere.json'], { cwd: dir });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^nowhere\.json: config file not found$/m);
  });

  it('a bad nested config is reported at its line, and the report of everything else is still written (exit 2)', async () => {
    const dir = scratch({ ...files, 'sub/strategy.config.json': '{ "rules": { "missing-owner": "loud" } }' });
    const r = await runCli(['report', '.', '-o', 'r.html'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^sub\/strategy\.config\.json:1:\d+: /m);
    assert.match(r.stderr, /Wrote r\.html: 4 files/);
  });
});
