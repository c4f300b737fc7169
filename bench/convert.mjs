// Benchmark of the converter (issue 4): conversion throughput on the five
// seeds and on a generated local strategy of 1 MB and 5 MB, each against
// baselines timed in the same run on the same text: a plain regex
// tokenisation of its words, and JSON.parse of a JSON document of the same
// size. Figures are medians; the ratios are what to compare across machines.
//
//   npm run bench            (builds first; runs every benchmark)
//   node bench/convert.mjs   (uses the last build; --quick for fewer runs)
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { fmt, MB, mbps, median, time as timeRuns } from './stats.mjs';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const { convertText } = require(join(root, 'out/client/converter/index.js'));

const quick = process.argv.includes('--quick');
const RUNS = quick ? 3 : 9;
const time = (fn, runs = RUNS) => timeRuns(fn, runs);

/** A JSON document of about `bytes` bytes: the same size of input for JSON.parse. */
function jsonOfSize(bytes) {
  const rows = [];
  let size = 2;
  for (let i = 0; size < bytes; i++) {
    const row = { id: i, title: `Commitment ${i} to reduce harm in ward ${i % 40}`, owner: 'Public Health', timing: { from: '2024-04', to: '2027-03' }, done: i % 3 === 0 };
    size += JSON.stringify(row).length + 1;
    rows.push(row);
  }
  return JSON.stringify(rows);
}

const WORDS = /[\p{L}\p{N}]+/gu;
function baselines(text) {
  const bytes = Buffer.byteLength(text);
  const json = jsonOfSize(bytes);
  return {
    regexMs: time(() => text.match(WORDS)?.length),
    jsonParseMs: time(() => JSON.parse(json)),
  };
}

/**
 * A local strategy in markdown of about `bytes` bytes: themed priorities
 * with prose, "we will" lists with lead lines, indicator lists, targets with
 * placeholders, delivery tables, and a glossary: the layouts the converter
 * recognises, varied by a seeded generator so no two sections are alike.
 */
function generateStrategy(bytes, seed) {
  let s = seed >>> 0;
  const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const verbs = ['Reduce', 'Increase', 'Develop', 'Expand', 'Review', 'Strengthen', 'Support', 'Commission', 'Train', 'Publish'];
  const things = ['naloxone supply', 'treatment places', 'outreach in hostels', 'school drug education', 'needle exchange', 'peer mentoring', 'family support', 'hospital liaison', 'recovery housing', 'employment support'];
  const places = ['every ward', 'the city centre', 'our prisons', 'rural districts', 'each hospital', 'all hostels'];
  const owners = ['Public Health', 'Probation', 'Police', 'Housing', 'Children First', 'Treatment provider'];
  const out = ['# Greystone Drug and Alcohol Strategy 2024 – 2029', '', 'Greystone Council and its partners wrote this strategy with the people of Greystone.', ''];
  let size = out.join('\n').length;
  for (let p = 1; size < bytes; p++) {
    const part = [`## Theme ${p}: ${pick(verbs)} ${pick(things)}`, ''];
    for (let k = 0; k < 3; k++) part.push(`${pick(verbs)} ${pick(things)} in ${pick(places)} is part of how we will meet this aim, working with ${pick(owners)} and the voluntary sector across Greystone.`, '');
    part.push('### In the next three years we will:', '');
    for (let k = 1; k <= 6; k++) part.push(`${p}.${k} ${pick(verbs)} ${pick(things)} in ${pick(places)} (Lead: ${pick(owners)}; Timescale: by March ${2025 + (k % 4)})`);
    part.push('', '### LAA Indicator', '', `- NI ${38 + (p % 80)} ${pick(things)} in ${pick(places)}`, '', '### Local Targets:', '');
    part.push(`- ${pick(verbs)} ${pick(things)} by X % in ${pick(places)}`, `- Contact XX households in ${pick(places)}`, '');
    part.push('Action\tLead\tBy when\tMeasure\tTarget');
    for (let k = 1; k <= 4; k++) part.push(`${p}.${6 + k} ${pick(verbs)} ${pick(things)}\t${pick(owners)}\t${pick(['April', 'June', 'March'])} ${2025 + k}\t${pick(things)} in ${pick(places)}\t${pick(['Increase', 'Reduce'])}`);
    part.push('', '');
    const text = part.join('\n');
    out.push(text);
    size += text.length + 1;
  }
  out.push('## Glossary', '', '- GDP – Greystone Drug Partnership', '- NI – National Indicator');
  return out.join('\n');
}

const results = { machine: { node: process.version, cpus: cpus().length }, runs: RUNS };

// ── the seeds ───────────────────────────────────────────────────────────────
{
  const dir = join(root, 'seeds');
  const seeds = readdirSync(dir).filter((f) => /\.(?:txt|md)$/.test(f)).sort();
  const texts = seeds.map((f) => readFileSync(join(dir, f), 'utf8'));
  const all = texts.join('\n');
  const bytes = Buffer.byteLength(all);
  const perSeed = seeds.map((f, i) => {
    const ms = time(() => convertText(texts[i], f));
    return { file: f, kb: Math.round(Buffer.byteLength(texts[i]) / 1024), ms: Number(fmt(ms, 2)), mbPerSecond: Number(fmt(mbps(Buffer.byteLength(texts[i]), ms), 2)) };
  });
  const convertMs = time(() => texts.forEach((t, i) => convertText(t, seeds[i])));
  const base = baselines(all);
  results.seeds = {
    files: perSeed,
    totalKb: Math.round(bytes / 1024),
    convertMs: Number(fmt(convertMs, 2)),
    mbPerSecond: Number(fmt(mbps(bytes, convertMs), 2)),
    regexTokeniseMs: Number(fmt(base.regexMs, 3)),
    jsonParseMs: Number(fmt(base.jsonParseMs, 3)),
    ratioToRegex: Number(fmt(convertMs / base.regexMs, 0)),
    ratioToJsonParse: Number(fmt(convertMs / base.jsonParseMs, 0)),
  };
  console.log(`seeds: ${perSeed.length} files, ${results.seeds.totalKb} KB in ${fmt(convertMs, 1)} ms = ${fmt(mbps(bytes, convertMs), 2)} MB/s`);
  for (const s of perSeed) console.log(`  ${s.file}: ${s.kb} KB in ${s.ms} ms (${s.mbPerSecond} MB/s)`);
  console.log(`  baselines on the same text: regex words ${fmt(base.regexMs, 2)} ms (×${results.seeds.ratioToRegex}), JSON.parse of as many bytes ${fmt(base.jsonParseMs, 2)} ms (×${results.seeds.ratioToJsonParse})`);
}

// ── generated documents: 1 MB (must stay well under a second) and 5 MB ─────────
for (const size of quick ? [1] : [1, 5]) {
  const text = generateStrategy(size * MB, 42 + size);
  const bytes = Buffer.byteLength(text);
  let report;
  const convertMs = time(() => {
    report = convertText(text, `generated-${size}mb.md`).report;
  }, size > 1 ? Math.min(RUNS, 5) : RUNS);
  const base = baselines(text);
  const key = `generated${size}MB`;
  results[key] = {
    bytes,
    convertMs: Number(fmt(convertMs, 1)),
    mbPerSecond: Number(fmt(mbps(bytes, convertMs), 2)),
    regexTokeniseMs: Number(fmt(base.regexMs, 2)),
    jsonParseMs: Number(fmt(base.jsonParseMs, 2)),
    ratioToRegex: Number(fmt(convertMs / base.regexMs, 0)),
    ratioToJsonParse: Number(fmt(convertMs / base.jsonParseMs, 0)),
    counts: { priorities: report.counts.priorities, commitments: report.counts.commitments, measures: report.counts.measures, targets: report.counts.targets },
    coverage: report.coverage.ratio,
  };
  console.log(
    `generated ${fmt(bytes / MB, 2)} MB: ${fmt(convertMs, 0)} ms = ${fmt(mbps(bytes, convertMs), 2)} MB/s; ` +
      `regex words ${fmt(base.regexMs, 1)} ms (×${results[key].ratioToRegex}), JSON.parse ${fmt(base.jsonParseMs, 1)} ms (×${results[key].ratioToJsonParse}); ` +
      `${report.counts.priorities} priorities, ${report.counts.commitments} commitments, coverage ${fmt(report.coverage.ratio * 100, 1)}%`,
  );
  // The budget (issue 4): 1 MB well under a second. Said loudly, not failed on: a loaded machine is not a regression.
  if (size === 1 && convertMs >= 1000) console.error(`WARNING: converting 1 MB took ${fmt(convertMs, 0)} ms; the budget is well under a second`);
}

mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'convert.json'), `${JSON.stringify(results, null, 2)}\n`);
