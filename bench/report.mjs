// Benchmark of `strategy report` (issue 11): a generated workspace of 1,000
// files (two frameworks, the rest local strategies answering to them, so the
// report has two national views) reported as HTML and as markdown, whole
// process, against `strategy lint --format json` on the same files in the same
// run (the baseline: the same loading and analysis, without the report), on
// one thread and with --concurrency 2 and auto (whose reports must be the same bytes).
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
 * The report's size at main 5263e2c (before the report streamed and folded), 1,000 files,
 * for when no --before build is at hand.
 */
const RECORDED_BEFORE = { commit: '5263e2c', htmlMB: 124.4, markdownMB: 57.1 };
const beforeAt = process.argv.indexOf('--before');
const beforeDir = beforeAt >= 0 ? process.argv[beforeAt + 1] : undefined;

const dir = mkdtempSync(join(tmpdir(), 'strategy-bench-report-'));
const results = { machine: { node: process.version }, runs: RUNS };
try {
  const ws = join(dir, 'ws');
  const written = writeWorkspace(ws, FILES, MEGABYTES * MB);
  const cli = join(root, 'bin', 'strategy.js');
  const usageFile = join(dir, 'usage.json');
  const preload = join(root, 'bench', 'usage-preload.cjs');
  const run = (args, bin) => {
    const t = performance.now();
    const r = spawnSync(process.execPath, ['--require', preload, bin, ...args], { cwd: ws, encoding: 'utf8', maxBuffer: 1024 * MB, env: { ...process.env, STRATEGY_BENCH_USAGE: usageFile } });
    const wallMs = performance.now() - t;
    if (r.status !== 0 && r.status !== 1) throw new Error(`strategy ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
    return { wallMs, ...JSON.parse(readFileSync(usageFile, 'utf8')) };
  };
  const before = beforeDir ? join(beforeDir, 'bin', 'strategy.js') : undefined;
  const commands = {
    lint: [cli, ['lint', '.', '--format', 'json', '-o', join(dir, 'lint.json')]],
    html: [cli, ['report', '.', '-o', join(dir, 'report.html')]],
    markdown: [cli, ['report', '.', '--format', 'markdown', '-o', join(dir, 'report.md')]],
    html2: [cli, ['report', '.', '-o', join(dir, 'report2.html'), '--concurrency', '2']],
    htmlAuto: [cli, ['report', '.', '-o', join(dir, 'report-auto.html'), '--concurrency', 'auto']],
    markdown2: [cli, ['report', '.', '--format', 'markdown', '-o', join(dir, 'report2.md'), '--concurrency', '2']],
    ...(before
      ? {
          htmlBefore: [before, ['report', '.', '-o', join(dir, 'before.html')]],
          markdownBefore: [before, ['report', '.', '--format', 'markdown', '-o', join(dir, 'before.md')]],
        }
      : {}),
  };
  // Interleaved (every command once per round), so a change in the machine's load falls on all of them alike.
  const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (const [bin, args] of Object.values(commands)) run(args, bin); // warm the file cache
  for (let i = 0; i < RUNS; i++) for (const [k, [bin, args]] of Object.entries(commands)) samples[k].push(run(args, bin));
  const m = Object.fromEntries(
    Object.entries(samples).map(([k, list]) => [k, { wallMs: median(list.map((x) => x.wallMs)), cpuMs: median(list.map((x) => x.cpuMs)), maxRssMB: median(list.map((x) => x.maxRssMB)) }]),
  );
  // Threads must not show in the report.
  for (const [a, b] of [['report.html', 'report2.html'], ['report.html', 'report-auto.html'], ['report.md', 'report2.md']]) {
    if (!readFileSync(join(dir, a)).equals(readFileSync(join(dir, b)))) throw new Error(`${b} differs from ${a}`);
  }
  const lint = JSON.parse(readFileSync(join(dir, 'lint.json'), 'utf8'));
  const lintFindings = lint.reduce((n, f) => n + f.errorCount + f.warningCount + f.infoCount, 0);
  const size = (f) => statSync(join(dir, f)).size / MB;
  results.wholeProcess = {
    files: written.files,
    sourceMB: written.bytes / MB,
    findings: lintFindings,
    commands: m,
    htmlMB: size('report.html'),
    markdownMB: size('report.md'),
    ...(before ? { before: { commit: spawnSync('git', ['-C', beforeDir, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim(), htmlMB: size('before.html'), markdownMB: size('before.md') } } : {}),
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
const C = W.commands;
const line = (label, c, extra = '') =>
  console.log(`  ${label.padEnd(34)} ${fmt(c.cpuMs, 0).padStart(6)} ms CPU = ${fmt(c.cpuMs / C.lint.cpuMs, 2)} × lint; ${fmt(c.wallMs, 0).padStart(6)} ms wall = ${fmt(c.wallMs / C.lint.wallMs, 2)} ×; ${fmt(c.maxRssMB, 0)} MB peak${extra}`);
console.log(`Node ${process.version}, median of ${RUNS} interleaved runs after a warm-up\n`);
console.log(`Workspace: ${W.files} files, ${fmt(W.sourceMB, 1)} MB, ${W.findings} findings; whole process (CPU time is user + system):`);
line('strategy lint --format json', C.lint, ' (baseline)');
line('strategy report -o x.html', C.html, `; ${fmt(W.htmlMB, 1)} MB of HTML = ${fmt(W.htmlMB / W.sourceMB, 1)} × the sources`);
line('strategy report --format markdown', C.markdown, `; ${fmt(W.markdownMB, 1)} MB`);
line('report -o x.html --concurrency 2', C.html2, `; ${fmt(C.html2.wallMs / C.html.wallMs, 2)} × one thread's wall`);
line('report -o x.html --concurrency auto', C.htmlAuto, `; ${fmt(C.htmlAuto.wallMs / C.html.wallMs, 2)} × one thread's wall`);
line('report --format markdown --concurrency 2', C.markdown2, `; ${fmt(C.markdown2.wallMs / C.markdown.wallMs, 2)} × one thread's wall`);
if (W.before) {
  line(`before (${W.before.commit}): report -o x.html`, C.htmlBefore, `; ${fmt(W.before.htmlMB, 1)} MB of HTML`);
  line(`before (${W.before.commit}): --format markdown`, C.markdownBefore, `; ${fmt(W.before.markdownMB, 1)} MB`);
  console.log(`  after / before, wall: HTML ${fmt(C.html.wallMs / C.htmlBefore.wallMs, 2)} on one thread, ${fmt(C.html2.wallMs / C.htmlBefore.wallMs, 2)} on two, ${fmt(C.htmlAuto.wallMs / C.htmlBefore.wallMs, 2)} auto; markdown ${fmt(C.markdown.wallMs / C.markdownBefore.wallMs, 2)} on one, ${fmt(C.markdown2.wallMs / C.markdownBefore.wallMs, 2)} on two`);
  console.log(`  after / before: HTML CPU ${fmt(C.html.cpuMs / C.htmlBefore.cpuMs, 2)}, size ${fmt(W.htmlMB / W.before.htmlMB, 2)}, peak memory ${fmt(C.html.maxRssMB / C.htmlBefore.maxRssMB, 2)}; markdown CPU ${fmt(C.markdown.cpuMs / C.markdownBefore.cpuMs, 2)}, peak memory ${fmt(C.markdown.maxRssMB / C.markdownBefore.maxRssMB, 2)}`);
} else console.log(`  before (${RECORDED_BEFORE.commit}, recorded; --before DIR measures it in this run): ${fmt(RECORDED_BEFORE.htmlMB, 1)} MB of HTML`);
console.log(`In-process, the same files: lint ${fmt(P.lintMs, 0)} ms (baseline); build the model ${fmt(P.buildModelMs, 0)} ms = ${fmt(P.buildModelMs / P.lintMs, 2)} × lint; render HTML ${fmt(P.renderHtmlMs, 0)} ms = ${fmt(P.renderHtmlMs / P.lintMs, 2)} ×; markdown ${fmt(P.renderMarkdownMs, 0)} ms = ${fmt(P.renderMarkdownMs / P.lintMs, 2)} ×; ${P.nationalViews} national views`);

mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'report.json'), `${JSON.stringify(results, null, 2)}\n`);
