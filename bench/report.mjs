// Benchmark of `strategy report` (issue 11): a generated workspace of 1,000
// files (two frameworks, the rest local strategies answering to them, so the
// report has two national views) reported as HTML and as markdown, whole
// process, against `strategy lint --format json` on the same files in the same
// run (the baseline: the same loading and analysis, without the report).
// Then the report's own stages in-process: building the model, rendering.
//
//   npm run bench                       (builds first; every benchmark)
//   node bench/report.mjs [--files N] [--mb M] [--quick] [--before DIR]
//
// --before DIR: also run DIR's build of strategy (a checkout of an earlier
// commit, built) on the same files in the same run, for a before/after.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeWorkspace } from './generate-workspace.mjs';
import { fmt, MB, median, time } from './stats.mjs';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const quick = process.argv.includes('--quick');
const FILES = option('files', 1000);
const MEGABYTES = option('mb', 20);
const RUNS = quick ? 1 : 3;
/**
 * The same benchmark at main 5263e2c (before the report streamed and folded), one quick run:
 * the figures the changes are measured against (whole-process times as ratios to lint in that run).
 */
const RECORDED_BEFORE = { commit: '5263e2c', htmlMB: 124.4, markdownMB: 57.1, htmlRatio: 2.29, markdownRatio: 4.09 };
const beforeAt = process.argv.indexOf('--before');
const beforeDir = beforeAt >= 0 ? process.argv[beforeAt + 1] : undefined;

const dir = mkdtempSync(join(tmpdir(), 'strategy-bench-report-'));
const results = { machine: { node: process.version }, runs: RUNS };
try {
  const ws = join(dir, 'ws');
  const written = writeWorkspace(ws, FILES, MEGABYTES * MB);
  const cli = join(root, 'bin', 'strategy.js');
  const run = (args, bin = cli) => {
    const t = performance.now();
    const r = spawnSync(process.execPath, [bin, ...args], { cwd: ws, encoding: 'utf8', maxBuffer: 1024 * MB });
    const ms = performance.now() - t;
    if (r.status !== 0 && r.status !== 1) throw new Error(`strategy ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
    return ms;
  };
  const wall = (args, bin = cli) => {
    run(args, bin); // warm the file cache
    const times = [];
    for (let i = 0; i < RUNS; i++) times.push(run(args, bin));
    return median(times);
  };
  const lintMs = wall(['lint', '.', '--format', 'json', '-o', join(dir, 'lint.json')]);
  const htmlMs = wall(['report', '.', '-o', join(dir, 'report.html')]);
  const mdMs = wall(['report', '.', '--format', 'markdown', '-o', join(dir, 'report.md')]);
  let before = { ...RECORDED_BEFORE, measured: false };
  if (beforeDir) {
    const bin = join(beforeDir, 'bin', 'strategy.js');
    const htmlBefore = wall(['report', '.', '-o', join(dir, 'before.html')], bin);
    const mdBefore = wall(['report', '.', '--format', 'markdown', '-o', join(dir, 'before.md')], bin);
    const commit = spawnSync('git', ['-C', beforeDir, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
    before = {
      commit,
      measured: true,
      reportHtmlMs: htmlBefore,
      reportMarkdownMs: mdBefore,
      htmlRatio: htmlBefore / lintMs,
      markdownRatio: mdBefore / lintMs,
      htmlMB: statSync(join(dir, 'before.html')).size / MB,
      markdownMB: statSync(join(dir, 'before.md')).size / MB,
    };
  }
  const lint = JSON.parse(readFileSync(join(dir, 'lint.json'), 'utf8'));
  const lintFindings = lint.reduce((n, f) => n + f.errorCount + f.warningCount + f.infoCount, 0);
  results.before = before;
  results.wholeProcess = {
    files: written.files,
    sourceMB: written.bytes / MB,
    findings: lintFindings,
    lintJsonMs: lintMs,
    reportHtmlMs: htmlMs,
    reportMarkdownMs: mdMs,
    htmlRatio: htmlMs / lintMs,
    markdownRatio: mdMs / lintMs,
    htmlMB: statSync(join(dir, 'report.html')).size / MB,
    markdownMB: statSync(join(dir, 'report.md')).size / MB,
  };

  // In-process stages, on the same files.
  const { Workspace } = require(join(root, 'out/server/analysis/workspace.js'));
  const { lintDocument } = require(join(root, 'out/server/analysis/engine.js'));
  const { nationalIndicatorSet } = require(join(root, 'out/server/catalogue/indicator-catalogue.js'));
  const { buildReport } = require(join(root, 'out/server/report/build-report.js'));
  const { renderHtml } = require(join(root, 'out/server/report/render-html.js'));
  const { renderMarkdown } = require(join(root, 'out/server/report/render-markdown.js'));
  const paths = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.strategy')) paths.push(join(d, e.name));
    }
  };
  walk(ws);
  const workspace = new Workspace();
  for (const p of paths) workspace.set(p, readFileSync(p, 'utf8'));
  let entries;
  const lintInProcessMs = time(() => {
    entries = paths.map((p) => {
      const doc = workspace.get(p);
      return { doc, file: p.slice(ws.length + 1), findings: lintDocument(doc, workspace).findings };
    });
  }, RUNS);
  const options = { catalogue: nationalIndicatorSet(), displayOf: (u) => u.slice(ws.length + 1), version: 'bench' };
  let report;
  const buildMs = time(() => (report = buildReport(entries, workspace, options)), RUNS);
  const htmlRenderMs = time(() => renderHtml(report), RUNS);
  const mdRenderMs = time(() => renderMarkdown(report), RUNS);
  results.inProcess = { lintMs: lintInProcessMs, buildModelMs: buildMs, renderHtmlMs: htmlRenderMs, renderMarkdownMs: mdRenderMs, nationalViews: report.nationalViews.length };
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const W = results.wholeProcess;
const P = results.inProcess;
console.log(`Node ${process.version}, median of ${RUNS} runs after a warm-up\n`);
console.log(`Workspace: ${W.files} files, ${fmt(W.sourceMB, 1)} MB, ${W.findings} findings; whole process, wall time:`);
console.log(`  strategy lint --format json   ${fmt(W.lintJsonMs, 0).padStart(6)} ms (baseline)`);
console.log(`  strategy report -o x.html     ${fmt(W.reportHtmlMs, 0).padStart(6)} ms = ${fmt(W.htmlRatio, 2)} × lint   (${fmt(W.htmlMB, 1)} MB of HTML = ${fmt(W.htmlMB / W.sourceMB, 1)} × the sources)`);
console.log(`  strategy report --format md   ${fmt(W.reportMarkdownMs, 0).padStart(6)} ms = ${fmt(W.markdownRatio, 2)} × lint   (${fmt(W.markdownMB, 1)} MB of markdown = ${fmt(W.markdownMB / W.sourceMB, 1)} × the sources)`);
const B = results.before;
if (B.measured) {
  console.log(`  before (${B.commit}), this run:`);
  console.log(`  strategy report -o x.html     ${fmt(B.reportHtmlMs, 0).padStart(6)} ms = ${fmt(B.htmlRatio, 2)} × lint   (${fmt(B.htmlMB, 1)} MB of HTML)`);
  console.log(`  strategy report --format md   ${fmt(B.reportMarkdownMs, 0).padStart(6)} ms = ${fmt(B.markdownRatio, 2)} × lint   (${fmt(B.markdownMB, 1)} MB of markdown)`);
  console.log(`  after / before: HTML time ${fmt(W.reportHtmlMs / B.reportHtmlMs, 2)}, size ${fmt(W.htmlMB / B.htmlMB, 2)}; markdown time ${fmt(W.reportMarkdownMs / B.reportMarkdownMs, 2)}`);
} else console.log(`  before (${B.commit}, recorded, 1,000 files; --before DIR measures it in this run): HTML ${fmt(B.htmlRatio, 2)} × lint, ${fmt(B.htmlMB, 1)} MB; markdown ${fmt(B.markdownRatio, 2)} × lint, ${fmt(B.markdownMB, 1)} MB`);
console.log(`In-process, the same files: lint ${fmt(P.lintMs, 0)} ms (baseline); build the model ${fmt(P.buildModelMs, 0)} ms = ${fmt(P.buildModelMs / P.lintMs, 2)} × lint; render HTML ${fmt(P.renderHtmlMs, 0)} ms = ${fmt(P.renderHtmlMs / P.lintMs, 2)} ×; markdown ${fmt(P.renderMarkdownMs, 0)} ms = ${fmt(P.renderMarkdownMs / P.lintMs, 2)} ×; ${P.nationalViews} national views`);

mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'report.json'), `${JSON.stringify(results, null, 2)}\n`);
