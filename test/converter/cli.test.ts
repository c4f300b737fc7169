/** `strategy convert` as a user runs it: outputs, the report, overwriting, bad inputs, --check, settings. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/run-cli.js';
import { scratch } from '../support/temp.js';

const STRATEGY_MD = `# Lakeside Drug Strategy 2024–2027

Lakeside Council and partners will deliver this strategy across Lakeside.

## Priority 1 – Prevention

In the next three years we will:

- Run a drugs education programme in every school
- Train youth workers in early help
`;

const PLAN_MD = `# Drugs: protecting families and communities

Action Plan 2008–2011

## Protecting communities

Strategic Objective\tKey Actions\tDepartmental Owner\tTiming
Reducing supply\t1. Seize more assets from dealers\tHO\tFrom April 2008
`;

const CITING_MD = `# Hillford Drugs Strategy 2010–2013

Hillford answers to the national strategy, Drugs: Protecting Families and Communities (Home Office 2008), and to Hillford's own plan.

## Our commitments

- Open a second needle exchange
`;

describe('strategy convert', function () {
  this.timeout(60000);

  it('writes a .strategy file beside each input and prints what it found', async () => {
    const dir = scratch({ 'docs/lakeside.md': STRATEGY_MD });
    const run = await runCli(['convert', 'docs/lakeside.md'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^docs\/lakeside\.md → docs\/lakeside\.strategy \(strategy\)$/m);
    assert.match(run.stdout, /priorities 1, sections 1, commitments 2/);
    assert.match(run.stdout, /words kept: 100\.0% in order \(\d+ of \d+\), 100\.0% in any order/);
    const text = readFileSync(join(dir, 'docs', 'lakeside.strategy'), 'utf8');
    assert.match(text, /^strategy "Lakeside Drug Strategy 2024–2027" \{\n {2}area "Lakeside"\n {2}period 2024 to 2027\n\}/);
    assert.match(text, /commitment "Run a drugs education programme in every school"/);
  });

  it('writes into --out-dir (or -o), creating it', async () => {
    const dir = scratch({ 'lakeside.md': STRATEGY_MD });
    const run = await runCli(['convert', '--out-dir', 'out/strategies', 'lakeside.md'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.ok(existsSync(join(dir, 'out', 'strategies', 'lakeside.strategy')));
    const short = await runCli(['convert', '-o', 'other', 'lakeside.md'], { cwd: dir });
    assert.equal(short.code, 0, short.stderr);
    assert.ok(existsSync(join(dir, 'other', 'lakeside.strategy')));
  });

  it('prints the reports as JSON with --report json', async () => {
    const dir = scratch({ 'lakeside.md': STRATEGY_MD });
    const run = await runCli(['convert', '--report', 'json', 'lakeside.md'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    const [report] = JSON.parse(run.stdout) as { input: string; output: string; documentKind: string; counts: Record<string, number>; coverage: { ratio: number } }[];
    assert.equal(report?.input, 'lakeside.md');
    assert.equal(report?.output, 'lakeside.strategy');
    assert.equal(report?.documentKind, 'strategy');
    assert.equal(report?.counts.commitments, 2);
    assert.equal(report?.coverage.ratio, 1);
    const bad = await runCli(['convert', '--report', 'yaml', 'lakeside.md'], { cwd: dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--report must be json/);
  });

  it('refuses to overwrite a different existing file without --force, and overwrites with it', async () => {
    const dir = scratch({ 'lakeside.md': STRATEGY_MD, 'lakeside.strategy': '// edited by hand\nstrategy "Mine" {}\n' });
    const refused = await runCli(['convert', 'lakeside.md'], { cwd: dir });
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /^lakeside\.strategy: already exists and differs from the conversion; use --force to overwrite it$/m);
    assert.equal(readFileSync(join(dir, 'lakeside.strategy'), 'utf8'), '// edited by hand\nstrategy "Mine" {}\n');
    const forced = await runCli(['convert', '--force', 'lakeside.md'], { cwd: dir });
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(readFileSync(join(dir, 'lakeside.strategy'), 'utf8'), /^strategy "Lakeside Drug Strategy 2024–2027"/);
    // Converting again gives the same file: nothing to refuse.
    const again = await runCli(['convert', 'lakeside.md'], { cwd: dir });
    assert.equal(again.code, 0, again.stderr);
  });

  it('names an unreadable or unsupported input, exits 2, and still converts the others', async () => {
    const dir = scratch({ 'lakeside.md': STRATEGY_MD, 'budget.xlsx': 'not a document', 'broken.pdf': 'this is not a PDF', 'broken.docx': 'nor a Word file' });
    const run = await runCli(['convert', 'missing.md', 'budget.xlsx', 'broken.pdf', 'broken.docx', 'lakeside.md'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^missing\.md: no such file$/m);
    assert.match(run.stderr, /^budget\.xlsx: cannot convert "\.xlsx" files; the converter reads \.txt, \.md, \.markdown, \.html, \.htm, \.docx, \.pdf$/m);
    assert.match(run.stderr, /^broken\.pdf: cannot read this PDF file \(.+\)$/m);
    assert.match(run.stderr, /^broken\.docx: cannot read this DOCX file \(.+\)$/m);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    assert.ok(existsSync(join(dir, 'lakeside.strategy')));
    assert.ok(!existsSync(join(dir, 'budget.strategy')));
  });

  it('--check writes nothing, and exits 1 when an output is stale or missing', async () => {
    const dir = scratch({ 'lakeside.md': STRATEGY_MD });
    const missing = await runCli(['convert', '--check', 'lakeside.md'], { cwd: dir });
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^lakeside\.strategy: stale or missing/m);
    assert.ok(!existsSync(join(dir, 'lakeside.strategy')));
    assert.equal((await runCli(['convert', 'lakeside.md'], { cwd: dir })).code, 0);
    const fresh = await runCli(['convert', '--check', 'lakeside.md'], { cwd: dir });
    assert.equal(fresh.code, 0, fresh.stderr);
    assert.match(fresh.stdout, /1 conversion is up to date/);
    writeFileSync(join(dir, 'lakeside.md'), STRATEGY_MD.replace('Train youth workers', 'Train all youth workers'));
    const stale = await runCli(['convert', '--check', 'lakeside.md'], { cwd: dir });
    assert.equal(stale.code, 1);
  });

  it('names the framework a strategy cites, when that framework is converted alongside or already written', async () => {
    const dir = scratch({ 'plan.md': PLAN_MD, 'hillford.md': CITING_MD });
    const together = await runCli(['convert', 'hillford.md', 'plan.md'], { cwd: dir });
    assert.equal(together.code, 0, together.stderr);
    assert.match(readFileSync(join(dir, 'plan.strategy'), 'utf8'), /^framework drugs-2008 "Drugs: protecting families and communities"/);
    assert.match(readFileSync(join(dir, 'hillford.strategy'), 'utf8'), /\n {2}framework drugs-2008\n\}/);
    // Later, alone: the framework file already in the folder is known.
    const alone = await runCli(['convert', '--check', 'hillford.md'], { cwd: dir });
    assert.equal(alone.code, 0, alone.stderr);
  });

  it('reads its settings from the config: heading patterns, the document kind', async () => {
    const doc = `# Seaford Alcohol Plan 2025\n\nSeaford Council leads this plan for Seaford.\n\n## Workstream 1 – Licensing\n\nThe licensing team will review the cumulative impact policy.\n`;
    const plain = scratch({ 'seaford.md': doc });
    assert.equal((await runCli(['convert', 'seaford.md'], { cwd: plain })).code, 0);
    assert.match(readFileSync(join(plain, 'seaford.strategy'), 'utf8'), /narrative "Workstream 1 – Licensing" \{/);
    const dir = scratch({
      'seaford.md': doc,
      'strategy.config.json': JSON.stringify({ converter: { headings: [{ pattern: '^Workstream \\d+', construct: 'priority' }] } }),
    });
    const run = await runCli(['convert', 'seaford.md'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(readFileSync(join(dir, 'seaford.strategy'), 'utf8'), /priority "Workstream 1 – Licensing" \{/);
    const framework = await runCli(['convert', '--force', '-c', 'national.json', 'seaford.md'], { cwd: scratchWith(dir, 'national.json', { converter: { documentKind: 'framework' } }) });
    assert.equal(framework.code, 0, framework.stderr);
    assert.match(readFileSync(join(dir, 'seaford.strategy'), 'utf8'), /^framework seaford-alcohol-plan-2025 "Seaford Alcohol Plan 2025"/);
  });

  it('reports a bad converter setting with the file, line and column, and converts nothing', async () => {
    const dir = scratch({
      'seaford.md': '# Seaford plan\n',
      'strategy.config.json': '{\n  "converter": {\n    "headings": [{ "pattern": "(", "construct": "priority" }]\n  }\n}\n',
    });
    const run = await runCli(['convert', 'seaford.md'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^strategy\.config\.json:3:\d+: `converter\.headings\[0\]\.pattern` is not a valid regular expression/m);
    assert.ok(!existsSync(join(dir, 'seaford.strategy')));
    const unknown = scratch({ 'seaford.md': '# Seaford plan\n', 'strategy.config.json': '{ "converter": { "stlyes": {} } }' });
    const run2 = await runCli(['convert', 'seaford.md'], { cwd: unknown });
    assert.equal(run2.code, 2);
    assert.match(run2.stderr, /stlyes/);
  });

  it('takes a folder as the documents in it, and refuses two inputs that would write one file', async () => {
    const dir = scratch({ 'docs/lakeside.md': STRATEGY_MD, 'docs/lakeside.txt': STRATEGY_MD, 'docs/notes.json': '{}', 'empty/.keep': '' });
    const run = await runCli(['convert', 'docs'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^docs\/lakeside\.txt: would write docs\/lakeside\.strategy, which docs\/lakeside\.md writes too; convert it separately with --out-dir$/m);
    assert.ok(existsSync(join(dir, 'docs', 'lakeside.strategy')));
    const empty = await runCli(['convert', 'empty'], { cwd: dir });
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /^empty: is a folder with no documents to convert/m);
  });

  it('needs at least one input', async () => {
    const run = await runCli(['convert'], { cwd: scratch() });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /strategy convert needs one or more documents/);
  });
});

function scratchWith(dir: string, name: string, json: unknown): string {
  writeFileSync(join(dir, name), JSON.stringify(json));
  return dir;
}
