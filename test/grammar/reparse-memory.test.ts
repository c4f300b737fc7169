/**
 * What an open document's tree keeps alive across edits. The tree's texts
 * are slices of the text they were parsed from, and V8 keeps a slice's whole
 * parent: a block reparsed at each edit kept that edit's version of the
 * document for as long as the block stood unedited, so editing here and
 * there in a large document held one old version per block (300 edits in
 * different blocks of a 1 MB document: 180 MB). Measured in a process of its
 * own with `--expose-gc`, as heap growth after a full collection; the bound
 * is a tenth of what the leak kept, far above what the parse itself keeps.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO } from '../support/paths.js';

const OUT = join(REPO, 'out');

/** Edits the title of a different commitment each time and reports the heap's growth after GC, in MB. */
const SCRIPT = `
const { generateStrategy } = require(${JSON.stringify(join(OUT, 'bench', 'generate.js'))});
const { parse } = require(${JSON.stringify(join(OUT, 'grammar', 'parse.js'))});
const { reparse } = require(${JSON.stringify(join(OUT, 'grammar', 'incremental-parse.js'))});
let text = generateStrategy(1 << 20, 7);
let result = parse(text);
global.gc();
const base = process.memoryUsage().heapUsed;
const starts = [];
for (let i = text.indexOf('  commitment P'); i >= 0; i = text.indexOf('  commitment P', i + 1)) starts.push(i);
let incremental = 0;
for (let k = 0; k < 100; k++) {
  const at = text.indexOf('"', starts[(k * 37) % starts.length]) + 1;
  const next = text.slice(0, at) + 'x' + text.slice(at);
  const r = reparse(result, text, next);
  if (r.edit) incremental++;
  result = r.result;
  text = next;
  for (let j = 0; j < starts.length; j++) if (starts[j] >= at) starts[j]++;
}
global.gc();
console.log(JSON.stringify({ growthMB: (process.memoryUsage().heapUsed - base) / 1e6, incremental }));
`;

describe('incremental reparse: memory', function () {
  this.timeout(120_000);

  it('keeps no earlier version of the document alive through the blocks it reparsed', () => {
    const r = spawnSync(process.execPath, ['--expose-gc', '-e', SCRIPT], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const { growthMB, incremental } = JSON.parse(r.stdout) as { growthMB: number; incremental: number };
    // Every edit took the incremental path (a full parse would keep only the newest text, and prove nothing).
    assert.equal(incremental, 100);
    assert.ok(growthMB < 12, `the heap grew by ${growthMB.toFixed(1)} MB over 100 edits of a 1 MB document`);
  });
});
