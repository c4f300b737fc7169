// Turns data/ni-indicators.tsv (the reference data, kept as received) into
// server/catalogue/ni-indicators.json, which the tool bundles. Run with
// `node scripts/generate-catalogue.mjs`; `--check` fails when the JSON is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsv = readFileSync(`${root}/data/ni-indicators.tsv`, 'utf8');
const [header, ...rows] = tsv.split(/\r?\n/).filter((l) => l.trim() !== '');
const columns = header.split('\t');
const expected = ['code', 'title', 'theme', 'psa', 'quality', 'source_url'];
if (columns.join() !== expected.join()) throw new Error(`unexpected columns in ni-indicators.tsv: ${columns.join(', ')}`);

const indicators = rows.map((row) => {
  const cells = row.split('\t');
  const get = (name) => (cells[columns.indexOf(name)] ?? '').trim();
  const entry = { code: Number(get('code').replace(/^NI\s*/, '')) };
  for (const key of ['title', 'theme', 'psa', 'quality']) if (get(key)) entry[key] = get(key);
  const sources = get('source_url').split('|').map((s) => s.trim()).filter(Boolean);
  if (sources.length) entry.sources = sources;
  return entry;
});

const json = `${JSON.stringify({ source: 'data/ni-indicators.tsv', indicators }, null, 1)}\n`;
const target = `${root}/server/catalogue/ni-indicators.json`;
if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8');
  if (current !== json) {
    console.error('server/catalogue/ni-indicators.json is stale: run node scripts/generate-catalogue.mjs');
    process.exit(1);
  }
} else {
  writeFileSync(target, json);
  console.log(`wrote ${indicators.length} indicators to server/catalogue/ni-indicators.json`);
}
