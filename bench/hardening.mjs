// Benchmark of hostile input (issue 10): parse time of pathological documents
// (huge lists, deep nesting, unclosed blocks, stray tokens and braces, binary
// bytes) against a clean generated document of the same size, measured in the
// same run, at two sizes eight times apart. Linear time shows as a growth
// ratio near 8 and a cost ratio to the clean document that does not grow.
//
//   npm run bench            (builds first)
//   node bench/hardening.mjs (uses the last build)
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, time as timeRuns } from './stats.mjs';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const { generateStrategy } = require(join(root, 'out/bench/generate.js'));
const { parse } = require(join(root, 'out/grammar/parse.js'));

const quick = process.argv.includes('--quick');
const RUNS = quick ? 3 : 7;
const SMALL = (quick ? 32 : 64) * 1024;

const fill = (unit) => (bytes) => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
const CASES = {
  'clean (baseline)': (bytes) => generateStrategy(bytes, 11),
  'one huge list': fill('note "n"\n'),
  'one long line': fill('note "n" '),
  'nested 10,000 deep': (bytes) => {
    const half = Math.floor(bytes / 2);
    return fill('priority "p" {\n')(half) + fill('}\n')(bytes - half);
  },
  'unclosed blocks': fill('commitment "x" {\n'),
  'stray tokens': fill('% note "x"\n'),
  'braces opening no block': (bytes) => `priority "p" {\n${fill('{ note "x" }\n')(bytes)}}\n`,
  'binary bytes': (bytes) => {
    let seed = 3;
    const b = Buffer.alloc(bytes);
    for (let i = 0; i < bytes; i++) b[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    return b.toString('utf8');
  },
};

const rows = [];
let baseline;
for (const [name, make] of Object.entries(CASES)) {
  const small = make(SMALL);
  const large = make(SMALL * 8);
  const smallMs = timeRuns(() => parse(small), RUNS);
  const largeMs = timeRuns(() => parse(large), RUNS);
  baseline ??= { smallMs, largeMs };
  rows.push({ name, kb: Math.round((SMALL * 8) / 1024), msPerKB: largeMs / ((SMALL * 8) / 1024), growth: largeMs / smallMs, vsClean: largeMs / baseline.largeMs });
}
console.log(`parse, ${SMALL / 1024} KB and ${(SMALL * 8) / 1024} KB, median of ${RUNS} runs (Node ${process.version})`);
console.log('case'.padEnd(26), 'ms/KB'.padStart(7), 'growth ×8'.padStart(10), 'vs clean'.padStart(9));
for (const r of rows) console.log(r.name.padEnd(26), fmt(r.msPerKB, 3).padStart(7), fmt(r.growth).padStart(10), fmt(r.vsClean, 2).padStart(9));
