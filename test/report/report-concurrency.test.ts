/**
 * `strategy report --concurrency`: reporting on worker threads must be
 * invisible in the report. The real binary is spawned on the seeds, the
 * fixtures under a config that changes severities, a generated workspace of
 * local strategies answering two frameworks (so the report has national
 * views and folds its documents), broken and unreadable files, a
 * suppressions file and `--rule` overrides; the HTML and markdown, messages
 * and exit codes are compared with a run on one thread.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HtmlReportStream, htmlPartMaker, renderHtml } from '../../server/report/render-html.js';
import { collect } from '../../server/report/render-stream.js';
import { fixture, REPO } from '../support/paths.js';
import { runCli } from '../support/run-cli.js';
import { scratch } from '../support/temp.js';
import { FRAMEWORK, STRATEGY_A, STRATEGY_B } from './fixtures.js';
import { reportOf } from './seed-reports.js';

type Generator = typeof import('../../bench/generate-workspace.mjs');
const generator = (): Promise<Generator> => import(pathToFileURL(join(REPO, 'bench', 'generate-workspace.mjs')).href) as Promise<Generator>;

function strategiesIn(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.strategy'))
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );
}

async function workspace(): Promise<string> {
  const files: Record<string, string> = {};
  for (const [f, text] of Object.entries(strategiesIn(join(REPO, 'seeds')))) files[`seeds/${f}`] = text;
  for (const [f, text] of Object.entries(strategiesIn(fixture('workspace')))) files[`strict/${f}`] = text;
  files['strict/strategy.config.json'] = '{ "rules": { "open-note": "error", "missing-owner": "off" } }\n';
  files['many/broken.strategy'] = 'strategy "Broken" {\n  period 2010 to\n}\npriority 1 "P" {\n  commitment 1 "C" {\n';
  const dir = scratch(files);
  (await generator()).writeWorkspace(join(dir, 'generated'), 40, 900_000);
  // Not UTF-8: refused by the main thread while loading, before any worker starts.
  writeFileSync(join(dir, 'many', 'latin1.strategy'), Buffer.from([0x73, 0x74, 0xe9, 0x0a]));
  return dir;
}

describe('strategy report --concurrency', function () {
  this.timeout(240_000);
  let dir: string;
  before(async () => {
    dir = await workspace();
    // A suppressions file: recorded findings are left out of the report on every thread alike.
    const recorded = await runCli(['lint', '.', '--suppress-rule', 'vague-timing', '--suppress-rule', 'missing-target'], { cwd: dir });
    assert.match(recorded.stderr, /Recorded known findings/);
  });

  const cases: { name: string; args: string[] }[] = [
    { name: 'a workspace of 50 files, a suppressions file', args: ['.'] },
    { name: '--rule overrides and --link-base', args: ['.', '--rule', 'missing-owner=error', '--rule', 'open-note=off', '--link-base', 'https://example.org/blob/main/'] },
    { name: 'the seeds (ten documents or fewer: folded open)', args: ['seeds'] },
  ];
  for (const format of ['html', 'markdown']) {
    for (const c of cases) {
      it(`--format ${format}, ${c.name}: the same report, messages and exit code on 2 and 3 worker threads as on one`, async () => {
        const one = await runCli(['report', '--format', format, '--concurrency', 'off', ...c.args], { cwd: dir });
        assert.ok(one.stdout.length > 1000, one.stderr);
        for (const n of ['2', '3']) {
          const many = await runCli(['report', '--format', format, '--concurrency', n, ...c.args], { cwd: dir });
          assert.ok(many.stdout === one.stdout, `the report on ${n} threads differs from one thread's`);
          assert.equal(many.stderr, one.stderr, `stderr on ${n} threads`);
          assert.equal(many.code, one.code);
        }
      });
    }
  }

  it('-o: the same file on worker threads, written once complete', async () => {
    const one = await runCli(['report', '.', '-o', 'one.html'], { cwd: dir });
    const many = await runCli(['report', '.', '-o', 'many.html', '--concurrency', '2', '--debug'], { cwd: dir });
    assert.equal(many.code, one.code, many.stderr);
    assert.match(many.stderr, /reporting on 2 worker threads/);
    assert.ok(readFileSync(join(dir, 'many.html')).equals(readFileSync(join(dir, 'one.html'))));
    // Each file's error stays that file's, on any number of threads.
    assert.match(many.stderr, /latin1\.strategy: /);
    assert.equal(many.code, 2);
  });

  it('takes --concurrency as lint does: a bad value is a usage error, json is made on one thread', async () => {
    const bad = await runCli(['report', 'seeds', '--concurrency', 'many'], { cwd: dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--concurrency takes a number of threads \(1 to 256\), auto or off; got "many"/);
    const json = await runCli(['report', 'seeds', '--format', 'json', '--concurrency', '2', '--debug'], { cwd: dir });
    assert.equal(json.code, 0, json.stderr);
    assert.match(json.stderr, /reporting on the main thread/);
    assert.equal(json.stdout, (await runCli(['report', 'seeds', '--format', 'json'], { cwd: dir })).stdout);
    const help = await runCli(['help']);
    assert.match(help.stdout, /report options:[\s\S]*--concurrency N\|auto\|off/);
  });
});

describe('the report stream, fed parts made elsewhere', () => {
  it('joins parts that crossed threads (structured clones) into renderHtml’s page; a report of one document asks for its model', () => {
    const report = reportOf({ 'a.strategy': STRATEGY_A, 'b.strategy': STRATEGY_B, 'nat.strategy': FRAMEWORK }, ['a.strategy', 'b.strategy', 'nat.strategy']);
    const rules = new Map(report.rules.map((r) => [r.id, r]));
    const options = { links: { kind: 'text' } } as const;
    const make = htmlPartMaker(options, rules);
    const joined = new HtmlReportStream(options, rules);
    for (const d of report.documents) joined.add(d);
    const crossed = new HtmlReportStream(options, rules);
    for (const d of report.documents) crossed.addPart(structuredClone(make(d, (f) => crossed.answered.viewCertain(f))));
    const page = (s: HtmlReportStream, frame = report): string => collect((write) => s.finish(frame, write)).join('');
    assert.equal(page(crossed), renderHtml(report));
    assert.equal(page(joined), renderHtml(report));

    const one = reportOf({ 'a.strategy': STRATEGY_A });
    const alone = new HtmlReportStream(options, rules);
    alone.addPart(structuredClone(make(one.documents[0]!, () => false)));
    assert.equal(alone.needsModel, true);
    assert.throws(() => alone.finish(one, () => {}), /without its model/);
    const oneRules = new Map(one.rules.map((r) => [r.id, r]));
    const given = new HtmlReportStream(options, oneRules);
    given.addPart(htmlPartMaker(options, oneRules)(one.documents[0]!, () => false), one.documents[0]!);
    assert.equal(given.needsModel, false);
    assert.equal(page(given, one), renderHtml(one));
  });
});
