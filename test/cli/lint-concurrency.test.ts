/**
 * `strategy lint --concurrency`: linting on worker threads must be invisible
 * in the output. The real binary is spawned on the seeds (a framework and the
 * local strategies that name it), fixtures, a folder whose config changes
 * severities, files with syntax errors and files that cannot be read, and
 * every format's output, stderr and exit code are compared with a run on
 * one thread.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { workerCount } from '../../server/cli/lint-workers.js';
import { fixture, REPO } from '../support/paths.js';
import { runCli } from '../support/run-cli.js';
import { scratch } from '../support/temp.js';

function strategiesIn(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.strategy'))
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );
}

/** A workspace with cross-file frameworks, per-folder configs and broken files; many small files so that each worker gets several. */
function workspace(): string {
  const files: Record<string, string> = {};
  for (const [f, text] of Object.entries(strategiesIn(join(REPO, 'seeds')))) files[`seeds/${f}`] = text;
  for (const [f, text] of Object.entries(strategiesIn(fixture('workspace')))) files[`strict/${f}`] = text;
  files['strict/strategy.config.json'] = '{ "rules": { "open-note": "error", "missing-owner": "off" } }\n';
  for (let i = 0; i < 30; i++) {
    files[`many/s-${String(i).padStart(2, '0')}.strategy`] =
      i % 7 === 3
        ? `strategy "Broken ${i}" {\n  period 2010 to\n}\npriority 1 "P" {\n  commitment 1 "C" {\n`
        : `strategy "S ${i}" {\n  period 2010 to 2013\n  framework drugs-2008\n}\n\npriority 1 "One" {\n  note "check ${i}"\n  measure NI ${i % 2 === 0 ? 40 : 31}\n\n  commitment ${i} "Do it" supports action ${i + 1} {\n    owner "Council"\n    timing 2011\n  }\n}\n`;
  }
  const dir = scratch(files);
  // Not UTF-8: refused by the main thread while loading, before any worker starts.
  writeFileSync(join(dir, 'many', 'latin1.strategy'), Buffer.from([0x73, 0x74, 0xe9, 0x0a]));
  return dir;
}

describe('strategy lint --concurrency', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = workspace();
  });

  for (const format of ['stylish', 'json', 'sarif', 'github', 'junit']) {
    it(`--format ${format}: the same output, messages and exit code on 2 and 3 worker threads as on one`, async () => {
      const one = await runCli(['lint', '--format', format, '--concurrency', 'off', '.'], { cwd: dir });
      assert.equal(one.code, 2, one.stderr);
      assert.match(one.stderr, /latin1\.strategy: /);
      for (const n of ['2', '3']) {
        const many = await runCli(['lint', '--format', format, '--concurrency', n, '.'], { cwd: dir });
        assert.equal(many.stdout, one.stdout, `stdout on ${n} threads`);
        assert.equal(many.stderr, one.stderr, `stderr on ${n} threads`);
        assert.equal(many.code, one.code);
      }
    });
  }

  it('resolves each local strategy against the framework another file declares, on every worker', async () => {
    const r = await runCli(['lint', '--format', 'json', '--concurrency', '2', 'seeds', 'strict'], { cwd: dir });
    const results = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    const one = JSON.parse((await runCli(['lint', '--format', 'json', '--concurrency', 'off', 'seeds', 'strict'], { cwd: dir })).stdout) as typeof results;
    assert.deepEqual(results, one);
    // The per-folder config applies in the workers too: open-note is an error there, missing-owner is off.
    const strict = results.filter((f) => f.filePath.startsWith('strict/'));
    assert.ok(strict.length > 0);
    assert.ok(strict.every((f) => f.messages.every((m) => m.ruleId !== 'missing-owner')));
  });

  it('-o writes the same file, and --debug says how many threads lint', async () => {
    const one = await runCli(['lint', '--format', 'sarif', '--concurrency', 'off', '-o', 'one.sarif', 'seeds', 'many'], { cwd: dir });
    const two = await runCli(['lint', '--format', 'sarif', '--concurrency', '2', '--debug', '-o', 'two.sarif', 'seeds', 'many'], { cwd: dir });
    assert.equal(two.code, one.code);
    assert.equal(readFileSync(join(dir, 'two.sarif'), 'utf8'), readFileSync(join(dir, 'one.sarif'), 'utf8'));
    assert.match(two.stderr, /^strategy: linting on 2 worker threads$/m);
  });

  it('a suppressions file and --quiet: the same findings, counts and stale-record messages on workers as on one thread', async () => {
    const copy = scratch({ ...Object.fromEntries(readdirSync(join(dir, 'many')).filter((f) => f.endsWith('.strategy') && !f.startsWith('latin1')).map((f) => [`many/${f}`, readFileSync(join(dir, 'many', f), 'utf8')])) });
    const recorded = await runCli(['lint', '--suppress-all', '--concurrency', '2', '--debug', 'many'], { cwd: copy });
    // Recording writes one record as files go: it stays on the main thread.
    assert.match(recorded.stderr, /^strategy: linting on the main thread$/m);
    // Some recorded findings go away (a stale record), others stay suppressed, and new ones appear.
    for (const i of ['00', '01', '02']) {
      const f = join(copy, 'many', `s-${i}.strategy`);
      writeFileSync(f, readFileSync(f, 'utf8').replace('note "check', 'note "look').replace('owner "Council"\n', ''));
    }
    for (const args of [['--format', 'json'], ['--format', 'stylish'], ['--format', 'stylish', '--quiet'], ['--format', 'junit', '--quiet']]) {
      const one = await runCli(['lint', ...args, '--concurrency', 'off', 'many'], { cwd: copy });
      const two = await runCli(['lint', ...args, '--concurrency', '2', 'many'], { cwd: copy });
      assert.equal(two.stdout, one.stdout, args.join(' '));
      assert.equal(two.code, one.code, args.join(' '));
      if (args.includes('json')) {
        const results = JSON.parse(two.stdout) as { filePath: string; messages: { ruleId: string; message: string }[] }[];
        const changed = results.find((r) => r.filePath === 'many/s-00.strategy')!;
        assert.ok(changed.messages.some((m) => m.ruleId === 'unused-suppression' && /no longer occur/.test(m.message)), JSON.stringify(changed.messages));
        assert.ok(changed.messages.some((m) => m.ruleId === 'missing-owner'), 'a new finding is reported');
        // Syntax errors are never recorded; everything else in the unchanged file is.
        assert.deepEqual(new Set(results.find((r) => r.filePath === 'many/s-05.strategy')!.messages.map((m) => m.ruleId)), new Set(['syntax-error']), 'recorded findings stay suppressed');
      }
    }
  });

  it('--fix stays on one thread (a fixed framework changes what later files are checked against)', async () => {
    const r = await runCli(['lint', '--fix-dry-run', '--concurrency', '4', '--debug', 'seeds'], { cwd: dir });
    assert.match(r.stderr, /^strategy: linting on the main thread$/m);
  });

  it('refuses a --concurrency that is not a number of threads, auto or off', async () => {
    for (const bad of ['0', 'many', '1.5', '1000']) {
      const r = await runCli(['lint', '--concurrency', bad, 'seeds'], { cwd: dir });
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, new RegExp(`--concurrency takes a number of threads \\(1 to 256\\), auto or off; got "${bad.replace('.', '\\.')}"`));
    }
  });
});

describe('workerCount', () => {
  it('auto: threads only when there are enough files for each, at most the cores and four', () => {
    assert.equal(workerCount('auto', 5, 8), 0);
    assert.equal(workerCount('auto', 47, 8), 0);
    assert.equal(workerCount('auto', 48, 8), 2);
    assert.equal(workerCount('auto', 1001, 2), 2);
    assert.equal(workerCount('auto', 1001, 1), 0);
    assert.equal(workerCount('auto', 1001, 16), 4);
  });
  it('a number: that many, never more than the files, and one thread is the main thread', () => {
    assert.equal(workerCount(3, 1001, 2), 3);
    assert.equal(workerCount(8, 3, 2), 3);
    assert.equal(workerCount(1, 1001, 8), 0);
    assert.equal(workerCount('off', 1001, 8), 0);
  });
});
