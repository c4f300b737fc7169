#!/usr/bin/env node
// Converts every document of the corpus (../shared/corpus/docs/NAME/) and the seeds, exports
// each conversion's model as `strategy export` does, and scores it against the corpus's
// gold.json with the corpus's own score.mjs. Prints the table and the total; with --json, the
// scores as JSON. Runs on the compiled sources (npm run build first).
//   node scripts/eval-converter.mjs [--corpus DIR] [--out DIR] [--json] [--only NAME]
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const corpus = resolve(option('--corpus', join(root, '..', 'shared', 'corpus')));
const out = resolve(option('--out', join(root, 'test-output', 'eval')));
const only = option('--only', undefined);
const asJson = args.includes('--json');

const { convertFileDetailed } = await import(join(root, 'out/client/converter/index.js'));
const { exportModel } = await import(join(root, 'out/server/cli/commands/export.js'));

mkdirSync(out, { recursive: true });
const docsDir = join(corpus, 'docs');
const timings = {};
for (const name of readdirSync(docsDir).sort()) {
  if (only && name !== only) continue;
  const goldPath = join(docsDir, name, 'gold.json');
  if (!existsSync(goldPath)) continue;
  const gold = JSON.parse(readFileSync(goldPath, 'utf8'));
  const source = join(docsDir, name, gold.document);
  const started = performance.now();
  const { text, report } = await convertFileDetailed(source);
  timings[name] = { ms: Math.round(performance.now() - started), coverage: report.coverage.ratio, warnings: report.warnings?.length ?? 0 };
  writeFileSync(join(out, `${name}.strategy`), text);
  const { model, problems } = exportModel(`${name}.strategy`, text);
  if (problems.length) console.error(`${name}: the conversion has ${problems.length} syntax problems: ${problems[0].message}`);
  writeFileSync(join(out, `${name}.json`), JSON.stringify(model));
  writeFileSync(join(out, `${name}.report.json`), JSON.stringify(report, null, 2));
}
const scored = spawnSync(process.execPath, [join(corpus, 'score.mjs'), '--all', docsDir, out, ...(asJson ? ['--json'] : [])], { encoding: 'utf8' });
if (scored.status !== 0) {
  process.stderr.write(scored.stderr);
  process.exit(2);
}
if (asJson) {
  const result = JSON.parse(scored.stdout);
  for (const [name, t] of Object.entries(timings)) if (result.documents[name]) result.documents[name].conversion = t;
  console.log(JSON.stringify(result, null, 2));
} else {
  process.stdout.write(scored.stdout);
  for (const [name, t] of Object.entries(timings)) console.log(`${name.padEnd(44)} ${String(t.ms).padStart(6)} ms  coverage ${(t.coverage * 100).toFixed(1)}%`);
}
