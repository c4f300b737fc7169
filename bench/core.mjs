// Benchmark of the language core (issue 3): lex, parse and parse+validate
// throughput against JSON.parse of the same model, on a generated 5 MB
// document and a 1,000-file workspace; then whole-process time of
// `strategy lint` against markdownlint-cli2 on the same documents' text.
// Every figure is a ratio to a baseline measured in the same run.
//
//   npm run bench            (builds first)
//   node bench/core.mjs      (uses the last build)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { fmt, MB, mbps, median, percentile, time as timeRuns } from './stats.mjs';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const { generateStrategy } = require(join(root, 'out/bench/generate.js'));
const { lex } = require(join(root, 'out/grammar/lexer.js'));
const { LineIndex } = require(join(root, 'out/grammar/positions.js'));
const { parse } = require(join(root, 'out/grammar/parse.js'));
const { Workspace } = require(join(root, 'out/server/analysis/workspace.js'));
const { lintDocument } = require(join(root, 'out/server/analysis/engine.js'));
const { FRAMEWORK_TEXT } = require(join(root, 'out/test/support/lint.js'));

const quick = process.argv.includes('--quick');
const RUNS = quick ? 3 : 9;
const time = (fn) => timeRuns(fn, RUNS);

function lintAll(texts) {
  const ws = new Workspace();
  ws.set('/bench/drugs-2008.strategy', FRAMEWORK_TEXT);
  const docs = texts.map((t, i) => ws.set(`/bench/doc-${i}.strategy`, t));
  let findings = 0;
  for (const d of docs) findings += lintDocument(d, ws).findings.length;
  return findings;
}

const results = { machine: { node: process.version, cpus: (await import('node:os')).cpus().length }, runs: RUNS };

// ── one large document ───────────────────────────────────────────────────────
{
  const text = generateStrategy(quick ? 1 * MB : 5 * MB, 7);
  const bytes = Buffer.byteLength(text);
  const model = parse(text).document;
  const json = JSON.stringify(model);
  const jsonBytes = Buffer.byteLength(json);
  const jsonMs = time(() => JSON.parse(json));
  const lexMs = time(() => lex(text, new LineIndex(text)));
  const parseMs = time(() => parse(text));
  const validateMs = time(() => lintAll([text]));
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const kept = parse(text);
  globalThis.gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  void kept;
  results.largeDocument = {
    sourceMB: bytes / MB,
    modelJsonMB: jsonBytes / MB,
    jsonParse: { ms: jsonMs, MBps: mbps(jsonBytes, jsonMs) },
    lex: { ms: lexMs, MBps: mbps(bytes, lexMs) },
    parse: { ms: parseMs, MBps: mbps(bytes, parseMs) },
    parseAndValidate: { ms: validateMs, MBps: mbps(bytes, validateMs) },
    heapForTreeMB: (heapAfter - heapBefore) / MB,
  };
}

// ── a workspace of 1,000 files ───────────────────────────────────────────────
{
  const files = quick ? 200 : 1000;
  const texts = Array.from({ length: files }, (_, i) => generateStrategy(10 * 1024, 100 + i, `Strategy ${i}`));
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const jsons = texts.map((t) => JSON.stringify(parse(t).document));
  const jsonBytes = jsons.reduce((n, j) => n + Buffer.byteLength(j), 0);
  const jsonMs = time(() => jsons.forEach((j) => JSON.parse(j)));
  const lexMs = time(() => texts.forEach((t) => lex(t, new LineIndex(t))));
  const parseMs = time(() => texts.forEach((t) => parse(t)));
  const validateMs = time(() => lintAll(texts));
  const perFile = texts.map((t) => {
    const s = performance.now();
    parse(t);
    return performance.now() - s;
  });
  results.workspace = {
    files,
    sourceMB: bytes / MB,
    modelJsonMB: jsonBytes / MB,
    jsonParse: { ms: jsonMs, MBps: mbps(jsonBytes, jsonMs) },
    lex: { ms: lexMs, MBps: mbps(bytes, lexMs) },
    parse: { ms: parseMs, MBps: mbps(bytes, parseMs), perFileP50ms: percentile(perFile, 50), perFileP95ms: percentile(perFile, 95) },
    parseAndValidate: { ms: validateMs, MBps: mbps(bytes, validateMs) },
  };
}

// ── whole-process time: strategy lint vs markdownlint-cli2 ──────────────────
{
  const dir = mkdtempSync(join(tmpdir(), 'strategy-bench-'));
  const files = quick ? 50 : 200;
  mkdirSync(join(dir, 'strategy'));
  mkdirSync(join(dir, 'markdown'));
  writeFileSync(join(dir, 'strategy', 'drugs-2008.strategy'), FRAMEWORK_TEXT);
  writeFileSync(join(dir, 'markdown', 'drugs-2008.md'), FRAMEWORK_TEXT);
  let bytes = Buffer.byteLength(FRAMEWORK_TEXT);
  for (let i = 0; i < files; i++) {
    const t = generateStrategy(10 * 1024, 5000 + i, `Strategy ${i}`);
    bytes += Buffer.byteLength(t);
    writeFileSync(join(dir, 'strategy', `doc-${i}.strategy`), t);
    writeFileSync(join(dir, 'markdown', `doc-${i}.md`), t);
  }
  // Both are Node programs run by the same Node binary, reading the same bytes.
  const node = process.execPath;
  const ours = [join(root, 'bin/strategy.js'), 'lint', '--format', 'json', '-o', join(dir, 'ours.json'), 'strategy'];
  const theirs = [join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), 'markdown/*.md'];
  const wall = (args, cwd) => {
    const t = performance.now();
    const r = spawnSync(node, args, { cwd, stdio: 'ignore' });
    if (r.status === null) throw new Error(`${args[0]} did not finish`);
    return performance.now() - t;
  };
  const oursMs = [];
  const theirsMs = [];
  for (let i = 0; i < (quick ? 3 : 7); i++) {
    theirsMs.push(wall(theirs, dir));
    oursMs.push(wall(ours, dir));
  }
  rmSync(dir, { recursive: true, force: true });
  results.cli = {
    files: files + 1,
    MB: bytes / MB,
    strategyLintMs: median(oursMs),
    markdownlintCli2Ms: median(theirsMs),
    ratio: median(oursMs) / median(theirsMs),
  };
}

const L = results.largeDocument;
const W = results.workspace;
const C = results.cli;
const row = (name, r, base) => `  ${name.padEnd(20)} ${fmt(r.ms, 0).padStart(7)} ms ${fmt(r.MBps).padStart(8)} MB/s   ${fmt(r.MBps / base.MBps, 3).padStart(6)} × JSON.parse MB/s   ${fmt(r.ms / base.ms, 2).padStart(6)} × its time`;
console.log(`Node ${process.version}, median of ${RUNS} runs\n`);
console.log(`One document: ${fmt(L.sourceMB, 2)} MB of .strategy; its model as JSON is ${fmt(L.modelJsonMB, 1)} MB`);
console.log(`  ${'JSON.parse (model)'.padEnd(20)} ${fmt(L.jsonParse.ms, 0).padStart(7)} ms ${fmt(L.jsonParse.MBps).padStart(8)} MB/s   (baseline)`);
console.log(row('lex', L.lex, L.jsonParse));
console.log(row('lex+parse (tree)', L.parse, L.jsonParse));
console.log(row('parse+validate', L.parseAndValidate, L.jsonParse));
console.log(`  heap held by the tree: ${fmt(L.heapForTreeMB)} MB\n`);
console.log(`Workspace: ${W.files} files, ${fmt(W.sourceMB, 1)} MB; models as JSON ${fmt(W.modelJsonMB, 1)} MB`);
console.log(`  ${'JSON.parse (models)'.padEnd(20)} ${fmt(W.jsonParse.ms, 0).padStart(7)} ms ${fmt(W.jsonParse.MBps).padStart(8)} MB/s   (baseline)`);
console.log(row('lex', W.lex, W.jsonParse));
console.log(row('lex+parse (tree)', W.parse, W.jsonParse));
console.log(row('parse+validate', W.parseAndValidate, W.jsonParse));
console.log(`  parse per file: p50 ${fmt(W.parse.perFileP50ms, 2)} ms, p95 ${fmt(W.parse.perFileP95ms, 2)} ms\n`);
console.log(`Whole process on ${C.files} files (${fmt(C.MB, 1)} MB), median wall time:`);
console.log(`  markdownlint-cli2 ${fmt(C.markdownlintCli2Ms, 0)} ms (baseline)`);
console.log(`  strategy lint     ${fmt(C.strategyLintMs, 0)} ms = ${fmt(C.ratio, 2)} × markdownlint-cli2`);

mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'core.json'), `${JSON.stringify(results, null, 2)}\n`);
