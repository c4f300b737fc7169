// Sums the suite tallies that test runs wrote (one JSON file each) and prints
// the one line CI ends with: "N passed, N failed". Exits 1 when any suite
// failed or wrote no tally (a suite that never reported cannot count as green).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
let passed = 0;
let failed = 0;
const lines = [];
for (const name of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  try {
    const r = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    passed += r.passed;
    failed += r.failed;
    lines.push(`  ${r.suite}: ${r.passed} passed, ${r.failed} failed`);
  } catch (e) {
    failed += 1;
    lines.push(`  ${name}: unreadable tally (${e.message})`);
  }
}
if (lines.length === 0) {
  failed += 1;
  lines.push('  no suite reported any result');
}
console.log(lines.join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
