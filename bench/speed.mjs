// Issue 12 (speed and memory), measured against baselines in the same run:
//   - parse throughput as a ratio of JSON.parse of the same model (runs of
//     each interleaved), and of the
//     previous implementation when `--baseline DIR` names a built checkout of
//     it (DIR/out/grammar/parse.js, DIR/bin/strategy.js), with a check that
//     both give the same tree, ranges and problems; the same ratio also on
//     main-thread CPU time, which a shared machine's load does not inflate;
//   - `strategy lint` on a generated workspace (1,001 files / 51 MB by
//     default): wall time and peak RSS (/usr/bin/time), against a plain read
//     of the same files by the same Node and against the baseline's CLI, on
//     the whole workspace and on a fifth of it (RSS should not grow with files).
//
//   Each implementation's parse is timed in a process of its own (children
//   of this one, in turn), against JSON.parse in that same process: two
//   builds in one process share V8's heap and type feedback, and the one
//   loaded second measured up to 30% slower whichever it was.
//
//   node bench/speed.mjs [--baseline DIR] [--files 1001] [--mb 51] [--quick] [--only parse|lint]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, MB, mbps, median } from './stats.mjs';
import { writeWorkspace } from './generate-workspace.mjs';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const quick = args.includes('--quick');
const RUNS = quick ? 3 : 10;
/** Parse timings: children per build, in turn, each running CHILD_RUNS rounds. */
const CHILD_ROUNDS = quick ? 2 : 5;
const CHILD_RUNS = quick ? 3 : 4;
/**
 * Rounds run before the timed ones. A parse is JavaScript that V8 compiles
 * in tiers while it runs, and its young generation grows with what it sees:
 * in a fresh process the first parses of 1 MB took 100–120, 70–90 and
 * 55–75 ms, and from about the fifth on 40–50 ms (JSON.parse, native code,
 * is as fast on its first run as on its tenth). The editor reparses on every
 * edit and `strategy lint` parses file after file, so the steady state is
 * the throughput users see; the first parse of a fresh process is reported
 * beside it (`first parse`), not hidden.
 */
const CHILD_WARMUPS = quick ? 1 : 4;
const baseline = option('baseline', undefined);
const FILES = Number(option('files', 1001));
const MEGABYTES = Number(option('mb', 51));
/** One part alone: `parse` (the parse figures) or `lint` (the CLI's); both when absent. */
const only = option('only', undefined);
if (only !== undefined && only !== 'parse' && only !== 'lint') throw new Error(`--only takes parse or lint, not ${only}`);

const { generateStrategy } = require(join(root, 'out/bench/generate.js'));
// A child timing one build's parse loads only that build.
if (option('parse-child', undefined) !== undefined) {
  console.log(JSON.stringify(parseChild(option('parse-child'), Number(option('size', 1)))));
  process.exit(0);
}
const ours = { parse: require(join(root, 'out/grammar/parse.js')).parse, lexer: require(join(root, 'out/grammar/lexer.js')), positions: require(join(root, 'out/grammar/positions.js')) };
const theirs = baseline
  ? { parse: require(join(baseline, 'out/grammar/parse.js')).parse, lexer: require(join(baseline, 'out/grammar/lexer.js')), positions: require(join(baseline, 'out/grammar/positions.js')) }
  : undefined;
/** Milliseconds of CPU the main thread has used (undefined where Node cannot say: before 23.9). */
function threadCpuMs() {
  if (typeof process.threadCpuUsage !== 'function') return undefined;
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1000;
}
/**
 * Median milliseconds of each function, run in turn `runs` times after `warmups`
 * rounds of warm-up; each round starts one function later, so that none always
 * follows the same one (and pays for its garbage). Also each one's median
 * main-thread CPU milliseconds (`<name>Cpu`): wall time on a shared machine
 * counts the time the process waits for a core (measured at 3–4× the CPU
 * time with a load of 7 on 2 cores), CPU time does not.
 */
function interleaved(fns, runs, warmups) {
  const entries = Object.entries(fns);
  const samples = Object.fromEntries(entries.map(([k]) => [k, []]));
  const cpu = Object.fromEntries(entries.map(([k]) => [k, []]));
  for (let i = 0; i < warmups; i++) for (const [, fn] of entries) fn();
  for (let i = 0; i < runs; i++) {
    for (let j = 0; j < entries.length; j++) {
      const [k, fn] = entries[(i + j) % entries.length];
      const c = threadCpuMs();
      const t = performance.now();
      fn();
      samples[k].push(performance.now() - t);
      if (c !== undefined) cpu[k].push(threadCpuMs() - c);
    }
  }
  const out = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
  for (const [k, v] of Object.entries(cpu)) if (v.length > 0) out[`${k}Cpu`] = median(v);
  return out;
}
const results = { node: process.version, runs: RUNS, baseline: baseline ?? null };

// ── parse ──────────────────────────────────────────────────────────────────
/**
 * Lexing as the build's parse does it: with offsets only where it can
 * (`lexOffsets`, line and column found by `TokenPositions`), else with full
 * positions. Timing the other lexer in the same process would also make the
 * lexer's code serve two token shapes and slow the parse itself.
 */
function lexAsParseDoes(impl, text) {
  const lines = new impl.positions.LineIndex(text);
  if (impl.lexer.lexOffsets) return impl.lexer.lexOffsets(text, lines, new impl.positions.TokenPositions(lines));
  return impl.lexer.lex(text, lines);
}

/**
 * In a child process: the medians of JSON.parse of the model, lex and parse
 * of the generated document by the build in `dir`, interleaved.
 */
function parseChild(dir, size) {
  const impl = { parse: require(join(dir, 'out/grammar/parse.js')).parse, lexer: require(join(dir, 'out/grammar/lexer.js')), positions: require(join(dir, 'out/grammar/positions.js')) };
  const text = generateStrategy(size * MB, 7);
  const t = performance.now();
  const first = impl.parse(text);
  const firstParse = performance.now() - t;
  const json = JSON.stringify(first.document);
  const times = interleaved(
    { jsonParse: () => JSON.parse(json), lex: () => lexAsParseDoes(impl, text), parse: () => impl.parse(text) },
    CHILD_RUNS,
    CHILD_WARMUPS,
  );
  return { ...times, firstParse, jsonBytes: Buffer.byteLength(json) };
}
function timedInChild(dir, size) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--parse-child', dir, '--size', String(size), ...(quick ? ['--quick'] : [])], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`parse timing of ${dir}: ${r.stderr.slice(-500)}`);
  return JSON.parse(r.stdout);
}
/** The median over rounds of one of the children's figures. */
function medianOf(list, key) {
  return median(list.map((x) => x[key]));
}

for (const size of only === 'lint' ? [] : quick ? [1] : [1, 5]) {
  const text = generateStrategy(size * MB, 7);
  const bytes = Buffer.byteLength(text);
  const parsed = ours.parse(text);
  const json = JSON.stringify(parsed.document);
  // Children in turn (ours, then the baseline's, each round), so that a machine whose load changes during the run weighs on both alike.
  const mine = [];
  const before = [];
  for (let round = 0; round < CHILD_ROUNDS; round++) {
    mine.push(timedInChild(root, size));
    if (theirs) before.push(timedInChild(baseline, size));
  }
  // Each figure is its child's ratio to that child's JSON.parse (load drifts between children, less within one), times our median JSON.parse.
  const jsonMs = medianOf(mine, 'jsonParse');
  const scaled = (list, key) => median(list.map((x) => x[key] / x.jsonParse)) * jsonMs;
  const row = { sourceMB: bytes / MB, jsonBytes: Buffer.byteLength(json), jsonParse: { ms: jsonMs, MBps: mbps(Buffer.byteLength(json), jsonMs) } };
  row.lex = scaled(mine, 'lex');
  row.parse = scaled(mine, 'parse');
  row.firstParse = scaled(mine, 'firstParse');
  // The same ratio on main-thread CPU time: the median over processes of JSON.parse's CPU over the parse's.
  const cpuRatio = (list) => (list[0]?.parseCpu === undefined ? undefined : median(list.map((x) => x.jsonParseCpu / x.parseCpu)));
  row.cpu = { jsonParseMs: medianOf(mine, 'jsonParseCpu'), parseMs: medianOf(mine, 'parseCpu'), ratio: cpuRatio(mine) };
  if (theirs) {
    const theirsParsed = theirs.parse(text);
    row.sameTreeAndProblems = JSON.stringify(theirsParsed.document) === json && JSON.stringify(theirsParsed.problems) === JSON.stringify(parsed.problems);
    row.baselineLex = scaled(before, 'lex');
    row.baselineParse = scaled(before, 'parse');
    row.baselineFirstParse = scaled(before, 'firstParse');
    row.baselineJsonParseMs = medianOf(before, 'jsonParse');
    row.baselineCpu = { jsonParseMs: medianOf(before, 'jsonParseCpu'), parseMs: medianOf(before, 'parseCpu'), ratio: cpuRatio(before) };
  }
  results[`parse${size}MB`] = row;
}

// ── strategy lint on a workspace ─────────────────────────────────────────────
function measured(command, cwd) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, ...command], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const m = /([\d.]+) (\d+)\s*$/.exec(r.stderr);
  if (!m) throw new Error(`${command.join(' ')}: ${r.stderr.slice(-500)}`);
  return { s: Number(m[1]), rssMB: Number(m[2]) / 1024, status: r.status };
}
/** Each command's median time and peak RSS, the commands run in turn (interleaved, as the parse figures are). */
function medianRuns(commands, cwd) {
  const runs = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let i = 0; i < (quick ? 1 : 3); i++) for (const [k, command] of Object.entries(commands)) runs[k].push(measured(command, cwd));
  return Object.fromEntries(Object.entries(runs).map(([k, r]) => [k, { s: median(r.map((x) => x.s)), rssMB: median(r.map((x) => x.rssMB)), status: r[0].status }]));
}
if (only !== 'parse') {
  const dir = mkdtempSync(join(tmpdir(), 'strategy-speed-'));
  const written = writeWorkspace(dir, FILES, MEGABYTES * MB);
  const readAll = join(dir, '..', `read-all-${process.pid}.mjs`);
  // The floor: the same Node reading every file's text and keeping it, as a lint run must to report on it.
  writeFileSync(
    readAll,
    `import { readdirSync, readFileSync } from 'node:fs'; import { join } from 'node:path';
     const keep = []; const walk = (d) => { for (const e of readdirSync(d, { withFileTypes: true })) { const f = join(d, e.name); if (e.isDirectory()) walk(f); else keep.push(readFileSync(f, 'utf8')); } };
     for (const p of process.argv.slice(2)) walk(p); console.log(keep.length);`,
  );
  const areas = readdirSync(dir).filter((f) => f.startsWith('area-')).sort();
  const fifth = ['national-0.strategy', 'national-1.strategy', ...areas.slice(0, Math.max(1, Math.round(areas.length / 5)))];
  const lint = (bin, paths) => [join(bin, 'bin/strategy.js'), 'lint', '--format', 'json', '-o', join(dir, `..`, `speed-out-${process.pid}.json`), ...paths];
  const cli = { files: written.files, MB: written.bytes / MB };
  const commands = { plainRead: [readAll, '.'], lint: lint(root, ['.']), lintFifth: lint(root, fifth) };
  if (baseline && existsSync(join(baseline, 'dist/cli.js'))) {
    commands.baselineLint = lint(baseline, ['.']);
    commands.baselineLintFifth = lint(baseline, fifth);
  }
  Object.assign(cli, medianRuns(commands, dir));
  cli.fifthFiles = 2 + fifth.slice(2).reduce((n, a) => n + readdirSync(join(dir, a)).length, 0);
  rmSync(dir, { recursive: true, force: true });
  rmSync(readAll, { force: true });
  rmSync(join(dir, '..', `speed-out-${process.pid}.json`), { force: true });
  results.cli = cli;
}

// ── report ───────────────────────────────────────────────────────────────────
console.log(`Node ${process.version}, medians (${quick ? 1 : 3} runs per CLI figure)\n`);
for (const key of Object.keys(results).filter((k) => k.startsWith('parse'))) {
  const r = results[key];
  const line = (name, ms) => `  ${name.padEnd(22)} ${fmt(ms, 0).padStart(6)} ms ${fmt(mbps(r.sourceMB * MB, ms)).padStart(7)} MB/s  ${fmt(mbps(r.sourceMB * MB, ms) / r.jsonParse.MBps, 3)} × JSON.parse MB/s`;
  console.log(`Parse of one ${fmt(r.sourceMB, 2)} MB document; JSON.parse of its model ${fmt(r.jsonParse.ms, 0)} ms, ${fmt(r.jsonParse.MBps)} MB/s (baseline)`);
  console.log(`  (${CHILD_ROUNDS} processes per build, in turn, ${CHILD_RUNS} runs each after ${CHILD_WARMUPS} rounds of warm-up: every figure is its process's ratio to its JSON.parse, times the median JSON.parse time${r.baselineJsonParseMs !== undefined ? `; the baseline's processes: JSON.parse ${fmt(r.baselineJsonParseMs, 0)} ms` : ''})`);
  if (r.baselineLex !== undefined) console.log(line('lex, before', r.baselineLex));
  console.log(line('lex, now', r.lex));
  if (r.baselineParse !== undefined) console.log(line('parse, before', r.baselineParse));
  console.log(line('parse, now', r.parse));
  if (r.baselineParse !== undefined) console.log(`  now ${fmt(r.baselineParse / r.parse, 2)}× faster; same tree, ranges and problems: ${r.sameTreeAndProblems ? 'yes' : 'NO'}`);
  // The first parse of a fresh process, before V8 has compiled the parser's code for speed (what a single `strategy lint` of one file pays).
  if (r.baselineFirstParse !== undefined) console.log(line('first parse, before', r.baselineFirstParse));
  console.log(line('first parse, now', r.firstParse));
  // JSON.parse's MB/s over the parse's is (JSON.parse's time over the parse's) times (source bytes over JSON bytes).
  const cpuLine = (name, c) => `  ${name.padEnd(22)} ${fmt(c.parseMs, 0).padStart(6)} ms CPU (JSON.parse ${fmt(c.jsonParseMs, 0)} ms)  ${fmt((c.ratio * r.sourceMB * MB) / r.jsonBytes, 3)} × JSON.parse MB/s`;
  if (r.cpu.ratio !== undefined) {
    console.log('  the same on main-thread CPU time (what the machine\'s load does not inflate):');
    if (r.baselineCpu !== undefined) console.log(cpuLine('parse, before', r.baselineCpu));
    console.log(cpuLine('parse, now', r.cpu));
  }
  console.log('');
}
if (results.cli) {
  const C = results.cli;
  const cliLine = (name, r) => `  ${name.padEnd(34)} ${fmt(r.s, 2).padStart(6)} s ${fmt(r.rssMB, 0).padStart(6)} MB peak RSS  ${fmt(r.s / C.plainRead.s, 1).padStart(5)} × plain read time${r.status !== undefined && r.status > 1 ? `  (exit ${r.status}!)` : ''}`;
  console.log(`strategy lint on ${C.files} files, ${fmt(C.MB, 1)} MB (and on a fifth: ${C.fifthFiles} files)`);
  console.log(cliLine('plain read of every file (floor)', C.plainRead));
  if (C.baselineLint) console.log(cliLine('before, whole workspace', C.baselineLint));
  if (C.baselineLintFifth) console.log(cliLine(`before, ${C.fifthFiles} files`, C.baselineLintFifth));
  console.log(cliLine('now, whole workspace', C.lint));
  console.log(cliLine(`now, ${C.fifthFiles} files`, C.lintFifth));
  if (C.baselineLint) console.log(`  now ${fmt(C.baselineLint.s / C.lint.s, 2)}× faster, ${fmt(C.lint.rssMB / C.baselineLint.rssMB, 2)}× the memory`);
}

const { mkdirSync } = await import('node:fs');
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'speed.json'), `${JSON.stringify(results, null, 2)}\n`);
