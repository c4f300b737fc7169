/**
 * The worker pool behind `strategy lint --concurrency`: outcomes in the
 * tasks' order whatever order workers finish in, and a worker that dies
 * costs only the file it was on. A stand-in worker script (written here)
 * finishes tasks out of order and dies on cue; the pool is the real one.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { lintInWorkers, type LintOutcome, type LintTask, type WorkerSetup } from '../../server/cli/lint-workers.js';
import { scratch } from '../support/temp.js';

const WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.postMessage({ ready: true });
parentPort.on('message', ({ index, task }) => {
  const [kind, delay] = task.path.split(':');
  if (kind === 'die') process.exit(7);
  setTimeout(() => parentPort.postMessage({ index, outcome: { path: task.path, report: { counts: { errors: 0, warnings: 0, infos: 0, fixable: 0 }, part: '' } } }), Number(delay ?? 0));
});
`;

const SETUP: WorkerSetup = {
  cwd: '/',
  session: { paths: [], overrides: [] },
  frameworks: [],
  format: 'json',
  formatOptions: { cwd: '/', version: '0', colour: false },
  quiet: false,
  suppressionsShown: 'strategy-suppressions.json',
};
const NO_COUNTS = { errors: 0, warnings: 0, infos: 0, fixable: 0 };
/** What the main thread makes of a task it lints itself, in these tests. */
const linted = (path: string): LintOutcome => ({ path, report: { counts: NO_COUNTS, part: '' } });

async function run(paths: string[], workers: number): Promise<{ delivered: LintOutcome[]; here: string[] }> {
  const entry = join(scratch({ 'worker.cjs': WORKER }), 'worker.cjs');
  const delivered: LintOutcome[] = [];
  const here: string[] = [];
  const tasks: LintTask[] = paths.map((path) => ({ path }));
  await lintInWorkers(SETUP, tasks, workers, (o) => delivered.push(o), (t) => (here.push(t.path), linted(t.path)), entry);
  return { delivered, here };
}

describe('lint worker pool', function () {
  this.timeout(30_000);

  it('delivers outcomes in the order of the files, whichever worker finishes first', async () => {
    const paths = Array.from({ length: 40 }, (_, i) => `ok:${(i * 7) % 5 === 0 ? 30 : i % 3}`);
    const { delivered, here } = await run(paths, 3);
    assert.deepEqual(
      delivered.map((o) => o.path),
      paths,
    );
    assert.deepEqual(here, []);
  });

  it('a worker that dies loses only its current file, reported as that file’s internal error; the rest are still linted', async () => {
    const paths = ['ok:0', 'ok:5', 'die', 'ok:0', 'ok:20', 'ok:0', 'ok:0'];
    const { delivered } = await run(paths, 2);
    assert.deepEqual(
      delivered.map((o) => o.path),
      paths,
    );
    const died = delivered[2]!;
    assert.ok('problem' in died);
    assert.match(died.problem, /^internal error \(a lint worker stopped \(exit code 7\)\)/);
    assert.ok(delivered.filter((_, i) => i !== 2).every((o) => !('problem' in o)));
  });

  it('when every worker has died, the main thread lints what is left', async () => {
    const paths = ['die', 'ok:0', 'ok:0', 'ok:0'];
    const { delivered, here } = await run(paths, 1);
    assert.deepEqual(
      delivered.map((o) => o.path),
      paths,
    );
    assert.ok('problem' in delivered[0]!);
    assert.deepEqual(here, ['ok:0', 'ok:0', 'ok:0']);
  });

  it('a worker that cannot start is on no file: none is blamed, the main thread lints them all', async () => {
    const entry = join(scratch({ 'worker.cjs': "throw new Error('cannot start');" }), 'worker.cjs');
    const delivered: LintOutcome[] = [];
    const here: string[] = [];
    const tasks = ['a', 'b', 'c', 'd', 'e'].map((path) => ({ path }));
    await lintInWorkers(SETUP, tasks, 2, (o) => delivered.push(o), (t) => (here.push(t.path), linted(t.path)), entry);
    assert.deepEqual(
      delivered.map((o) => o.path),
      ['a', 'b', 'c', 'd', 'e'],
    );
    assert.ok(delivered.every((o) => !('problem' in o)));
    assert.deepEqual(here, ['a', 'b', 'c', 'd', 'e']);
  });

  it('an exception in delivering stops the run and every worker', async () => {
    const entry = join(scratch({ 'worker.cjs': WORKER }), 'worker.cjs');
    const tasks = Array.from({ length: 10 }, () => ({ path: 'ok:0' }));
    let n = 0;
    await assert.rejects(
      lintInWorkers(SETUP, tasks, 2, () => {
        if (++n === 3) throw new Error('disk full');
      }, (t) => linted(t.path), entry),
      /disk full/,
    );
    assert.equal(n, 3);
  });
});
