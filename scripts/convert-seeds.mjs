// Regenerates seeds/*.strategy from the original documents in seeds/ with the
// built `strategy convert` (run `npm run build` first, or `npm run convert:seeds`).
// With --check, writes nothing and exits 1 when a committed conversion is stale:
// the same check the test suite runs.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const ORIGINALS = /\.(?:txt|md|markdown|html?|docx|pdf)$/i;
const originals = readdirSync(join(root, 'seeds'))
  .filter((f) => ORIGINALS.test(f))
  .sort()
  .map((f) => join('seeds', f));
const mode = process.argv.includes('--check') ? '--check' : '--force';
const run = spawnSync(process.execPath, [join(root, 'bin', 'strategy.js'), 'convert', mode, ...originals], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
