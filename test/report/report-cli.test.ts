import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReportSchema, type Report } from '../../server/report/report-model.js';
import { REPO } from '../support/paths.js';
import { runCli } from '../support/run-cli.js';
import { scratch } from '../support/temp.js';
import { FRAMEWORK, STRATEGY_A, STRATEGY_B } from './fixtures.js';

interface LintJsonFile {
  filePath: string;
  messages: { ruleId: string; severity: string; line: number }[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
}

const SEED_FILES = readdirSync(join(REPO, 'seeds')).filter((f) => f.endsWith('.strategy')).map((f) => `seeds/${f}`);

/** Counts statements of each kind in an exported model, walking it as plain JSON. */
function countKinds(node: unknown, counts: Map<string, number> = new Map()): Map<string, number> {
  if (Array.isArray(node)) node.forEach((n) => countKinds(n, counts));
  else if (node && typeof node === 'object') {
    const kind = (node as { kind?: unknown }).kind;
    if (typeof kind === 'string') counts.set(kind, (counts.get(kind) ?? 0) + 1);
    for (const v of Object.values(node)) countKinds(v, counts);
  }
  return counts;
}

describe('strategy report (the CLI)', function () {
  this.timeout(60_000);
  let report: Report;
  let lint: LintJsonFile[];

  before(async () => {
    const [r, l] = await Promise.all([runCli(['report', 'seeds/', '--format', 'json'], { cwd: REPO }), runCli(['lint', 'seeds/', '--format', 'json'], { cwd: REPO })]);
    assert.equal(r.code, 0, r.stderr);
    report = ReportSchema.parse(JSON.parse(r.stdout));
    lint = JSON.parse(l.stdout) as LintJsonFile[];
  });

  it('reports every seed with exactly the findings `strategy lint --format json` gives', () => {
    assert.deepEqual(report.documents.map((d) => d.file).sort(), lint.map((f) => f.filePath).sort());
    assert.equal(report.totals.files, SEED_FILES.length);
    for (const file of lint) {
      const doc = report.documents.find((d) => d.file === file.filePath)!;
      assert.deepEqual(doc.overview.findings, { errors: file.errorCount, warnings: file.warningCount, infos: file.infoCount }, file.filePath);
      const fromGaps = doc.gaps.flatMap((g) => g.findings).map((f) => `${f.location.line} ${f.ruleId} ${f.severity}`).sort();
      assert.deepEqual(fromGaps, file.messages.map((m) => `${m.line} ${m.ruleId} ${m.severity}`).sort(), file.filePath);
    }
    const total = lint.reduce((n, f) => n + f.errorCount + f.warningCount + f.infoCount, 0);
    const t = report.totals.findings;
    assert.equal(t.errors + t.warnings + t.infos, total);
  });

  it('counts priorities, commitments, actions, measures and targets as `strategy export` does', async () => {
    for (const file of SEED_FILES) {
      const e = await runCli(['export', '--format', 'json', file], { cwd: REPO });
      const kinds = countKinds((JSON.parse(e.stdout) as { document: unknown }).document);
      const doc = report.documents.find((d) => d.file === file)!;
      assert.deepEqual(
        doc.overview.counts,
        { priorities: kinds.get('priority') ?? 0, commitments: kinds.get('commitment') ?? 0, actions: kinds.get('action') ?? 0, measures: kinds.get('measure') ?? 0, targets: kinds.get('target') ?? 0 },
        file,
      );
      assert.equal(doc.timeline.items.length, (kinds.get('commitment') ?? 0) + (kinds.get('action') ?? 0), file);
    }
  });

  it('shows the seeds as they are: Gloucestershire answers drugs-2008, its placeholders and missing timings marked', () => {
    const glos = report.documents.find((d) => d.file.includes('gloucestershire'))!;
    assert.equal(glos.coverage?.framework.id, 'drugs-2008');
    assert.ok(glos.coverage!.totalActions > 50);
    assert.ok(glos.targets.some((t) => t.placeholder === 'X'));
    assert.ok(glos.targets.some((t) => t.placeholder === 'XX'));
    assert.ok(glos.timeline.items.every((i) => i.state === 'missing'));
    const plan = report.documents.find((d) => d.file.includes('action-plan'))!;
    assert.equal(plan.kind, 'framework');
    const outside = plan.timeline.items.filter((i) => i.state === 'outside').map((i) => i.label);
    const lintOutside = lint.find((f) => f.filePath === plan.file)!.messages.filter((m) => m.ruleId === 'timing-outside-period' && m.line < 600);
    assert.ok(outside.includes('Action 36'));
    assert.ok(lintOutside.length >= outside.length);
  });

  it('writes one self-contained HTML file with -o, and replaces only a report it wrote', async () => {
    const dir = scratch({ 'nat.strategy': FRAMEWORK, 'a.strategy': STRATEGY_A, 'b.strategy': STRATEGY_B, 'notes.html': '<p>mine</p>', 'no/readme.txt': 'a folder' });
    const r = await runCli(['report', '.', '-o', 'out/../report.html'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /Wrote report\.html: 3 files, \d+ findings/);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.doesNotMatch(html, /<script|<link|<img|<iframe|\bsrc=|url\((?!#)|@import/i, 'nothing is fetched');
    assert.doesNotMatch(html, /href="(?!#)/, 'no link leaves the page without --link-base');
    assert.match(html, /Content-Security-Policy" content="default-src &#39;none&#39;/);
    for (const section of ['Overview', 'Gaps', 'Coverage of the national framework', 'Timeline', 'Owners', 'Measures and targets', 'National view: National plan']) assert.ok(html.includes(`>${section}</h`), section);
    assert.match(html, /<svg[^>]+role="img"/);
    assert.match(html, /Action 9<\/span>|Action 9 does not exist/);
    assert.ok(!readdirSync(dir).some((f) => f.endsWith('.tmp')), 'no temporary file left');

    const again = await runCli(['report', '.', '-o', 'report.html'], { cwd: dir });
    assert.equal(again.code, 0, 'its own report is replaced');
    const refused = await runCli(['report', '.', '-o', 'notes.html'], { cwd: dir });
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /notes\.html exists and is not a report this command wrote; use --force/);
    assert.equal(readFileSync(join(dir, 'notes.html'), 'utf8'), '<p>mine</p>');
    const forced = await runCli(['report', '.', '-o', 'notes.html', '--force'], { cwd: dir });
    assert.equal(forced.code, 0);
    const folder = await runCli(['report', '.', '-o', 'no'], { cwd: dir });
    assert.equal(folder.code, 2);
    assert.match(folder.stderr, /^no: cannot write \(EISDIR\)$/m);
    const nowhere = await runCli(['report', '.', '-o', 'no/such/folder/r.html'], { cwd: dir });
    assert.equal(nowhere.code, 2);
    assert.match(nowhere.stderr, /^no\/such\/folder\/r\.html: cannot write \(ENOENT\)$/m);
    const onInput = await runCli(['report', '.', '-o', 'a.strategy', '--force'], { cwd: dir });
    assert.equal(onInput.code, 2);
    assert.equal(readFileSync(join(dir, 'a.strategy'), 'utf8'), STRATEGY_A);
  });

  it('links file:line to a repository view with --link-base', async () => {
    const dir = scratch({ 'a b.strategy': STRATEGY_B });
    const html = await runCli(['report', '--link-base', 'https://git.example/r/blob/main/'], { cwd: dir });
    assert.match(html.stdout, /<a class="place" href="https:\/\/git\.example\/r\/blob\/main\/a%20b\.strategy#L8">a b\.strategy:8<\/a>/);
    const md = await runCli(['report', '--format', 'markdown', '--link-base', 'https://git.example/r/blob/main/'], { cwd: dir });
    assert.match(md.stdout, /\[a b\.strategy:8\]\(https:\/\/git\.example\/r\/blob\/main\/a%20b\.strategy#L8\)/);
  });

  it('prints markdown that markdownlint accepts, with the same sections', async () => {
    const dir = scratch({ 'nat.strategy': FRAMEWORK, 'a.strategy': STRATEGY_A, 'b.strategy': STRATEGY_B });
    const r = await runCli(['report', '--format', 'markdown'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    for (const h of ['# Strategy report', '### Overview', '### Gaps', '### Coverage of the national framework', '### Timeline', '### Owners', '### Measures and targets', '## National view: National plan']) assert.ok(r.stdout.includes(`\n${h}\n`) || r.stdout.startsWith(`${h}\n`), h);
    assert.match(r.stdout, /\*\*Action 9 does not exist\*\*/);
    assert.match(r.stdout, /\(placeholder: X\)/);
    const seeds = await runCli(['report', 'seeds/', '--format', 'markdown'], { cwd: REPO });
    const { lint: markdownlint } = (await import('markdownlint/promise')) as { lint: (o: object) => Promise<Record<string, { ruleNames: string[]; lineNumber: number }[]>> };
    const config = { default: true, MD013: false, MD024: { siblings_only: true } };
    const results = await markdownlint({ strings: { fixture: r.stdout, seeds: seeds.stdout }, config });
    for (const [name, issues] of Object.entries(results)) assert.deepEqual(issues.map((i) => `${i.lineNumber} ${i.ruleNames.join('/')}`), [], name);
  });

  it('says what is wrong with bad usage, and reports what it could read', async () => {
    const dir = scratch({ 'a.strategy': STRATEGY_B });
    const bad = await runCli(['report', '--format', 'pdf'], { cwd: dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--format must be one of html, markdown, json; got "pdf"/);
    const none = await runCli(['report', 'nowhere/'], { cwd: dir });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /nowhere/);
    const partly = await runCli(['report', 'a.strategy', 'missing.strategy', '-o', 'r.html'], { cwd: dir });
    assert.equal(partly.code, 2);
    assert.ok(existsSync(join(dir, 'r.html')));
    const rule = await runCli(['report', '--rule', 'missing-owner=off', '--format', 'json'], { cwd: dir });
    assert.ok(!(JSON.parse(rule.stdout) as Report).documents[0]!.overview.byRule.some((b) => b.ruleId === 'missing-owner'));
    writeFileSync(join(dir, 'strategy.config.json'), '{ "rules": { "missing-owner": "loud" } }');
    const config = await runCli(['report'], { cwd: dir });
    assert.equal(config.code, 2);
    assert.match(config.stderr, /strategy\.config\.json/);
  });
});
