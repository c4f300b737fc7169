// `npm run bench`: every benchmark, one after the other, so their figures come from one run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const passthrough = process.argv.slice(2);
let failed = false;
for (const script of ['bench/core.mjs', 'bench/convert.mjs', 'bench/lsp.mjs', 'bench/hardening.mjs', 'bench/report.mjs', 'bench/speed.mjs']) {
  if (!existsSync(`${root}/${script}`)) continue;
  console.log(`\n── ${script} ──`);
  const r = spawnSync(process.execPath, ['--expose-gc', script, ...passthrough], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
