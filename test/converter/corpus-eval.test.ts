/**
 * A regression guard on the converter's structure recovery: every document
 * of the shared corpus (real published strategies and action plans, with
 * their structure written down by hand) is converted and scored by the
 * corpus's own scorer, through `npm run eval:converter`'s script. The
 * floors sit a little under what the converter reaches; they are not a
 * target to tune to, and a change that lowers them has lost something
 * general.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { scratch } from '../support/temp.js';

const ROOT = resolve(__dirname, '..', '..', '..');
const CORPUS = resolve(ROOT, '..', 'shared', 'corpus');

const FLOOR = { f1: 0.9, owner: 0.95, timing: 0.85, priorityRecall: 0.95, titles: 9 };

interface Scores {
  total: { f1: number; owner: number; timing: number; priorityRecall: number; gold: number };
  titles: number;
  documents: Record<string, { f1: number; conversion: { coverage: number } } | null>;
}

describe('the corpus of real documents', function () {
  this.timeout(240000);

  it(`is converted with commitment F1 ≥ ${FLOOR.f1}, owners ≥ ${FLOOR.owner}, timings ≥ ${FLOOR.timing}, priorities ≥ ${FLOOR.priorityRecall} and ${FLOOR.titles} titles right`, () => {
    assert.ok(existsSync(join(CORPUS, 'score.mjs')), `the corpus is missing at ${CORPUS}; CI lays shared/ beside the clone`);
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'eval-converter.mjs'), '--json', '--corpus', CORPUS, '--out', scratch()], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(run.status, 0, run.stderr);
    const scores = JSON.parse(run.stdout) as Scores;
    const t = scores.total;
    assert.ok(t.gold >= 180, `the corpus holds ${t.gold} commitments`);
    assert.ok(t.f1 >= FLOOR.f1, `commitment F1 ${t.f1}`);
    assert.ok(t.owner >= FLOOR.owner, `owners ${t.owner}`);
    assert.ok(t.timing >= FLOOR.timing, `timings ${t.timing}`);
    assert.ok(t.priorityRecall >= FLOOR.priorityRecall, `priorities ${t.priorityRecall}`);
    assert.ok(scores.titles >= FLOOR.titles, `${scores.titles} titles right`);
    for (const [name, d] of Object.entries(scores.documents)) {
      assert.ok(d, `${name} was not converted`);
      assert.ok(d.f1 >= 0.75, `${name}: commitment F1 ${d.f1}`);
      assert.ok(d.conversion.coverage >= 0.9, `${name} keeps ${d.conversion.coverage} of its words in order`);
    }
  });
});
