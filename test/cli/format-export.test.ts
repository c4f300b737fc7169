import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { CLI, fixture, REPO } from '../support/paths.js';
import { runCli } from '../support/run-cli.js';
import { scratch } from '../support/temp.js';

const MESSY = 'strategy "S"{area "A"}\npriority 1 "x" { commitment 1 "y" { owner HO/MoJ } }\n';
const TIDY = 'strategy "S" {\n  area "A"\n}\n\npriority 1 "x" {\n  commitment 1 "y" {\n    owner HO, MoJ\n  }\n}\n';

describe('strategy format', () => {
  it('--check lists unformatted files and exits 1, changing nothing', async () => {
    const dir = scratch({ 'messy.strategy': MESSY, 'tidy.strategy': TIDY });
    const r = await runCli(['format', '--check', '.'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.equal(r.stdout, 'messy.strategy\n');
    assert.match(r.stderr, /1 file is not formatted/);
    assert.equal(readFileSync(join(dir, 'messy.strategy'), 'utf8'), MESSY);
  });

  it('rewrites files in place without --check, and then --check passes', async () => {
    const dir = scratch({ 'messy.strategy': MESSY });
    const r = await runCli(['format', 'messy.strategy'], { cwd: dir });
    assert.equal(r.code, 0);
    assert.equal(readFileSync(join(dir, 'messy.strategy'), 'utf8'), TIDY);
    assert.equal((await runCli(['format', '--check', '.'], { cwd: dir })).code, 0);
  });

  it('will not format a file with syntax errors: says where, exits 1, leaves it alone', async () => {
    const dir = scratch({ 'broken.strategy': 'priority 1 "x" {\n  owner\n}\n' });
    const r = await runCli(['format', 'broken.strategy'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^broken\.strategy:3:1: cannot format: Expected the owner's name/m);
    assert.equal(readFileSync(join(dir, 'broken.strategy'), 'utf8'), 'priority 1 "x" {\n  owner\n}\n');
  });

  it('--stdin formats text piped in', async () => {
    const r = await runCli(['format', '--stdin'], { input: MESSY });
    assert.equal(r.code, 0);
    assert.equal(r.stdout, TIDY);
  });
});

describe('strategy export --format json', () => {
  it('prints the model, valid against the published JSON Schema', async () => {
    const r = await runCli(['export', '--format', 'json', fixture('workspace', 'gloucestershire.strategy')], { cwd: REPO });
    assert.equal(r.code, 0, r.stderr);
    const model = JSON.parse(r.stdout) as { documentKind: string; file: string; document: { items: { kind: string }[] } };
    assert.equal(model.documentKind, 'strategy');
    assert.equal(model.file, 'test/fixtures/workspace/gloucestershire.strategy');
    assert.deepEqual(
      model.document.items.map((i) => i.kind),
      ['strategy', 'partners', 'narrative', 'priority', 'priority', 'glossary'],
    );
    const schema = JSON.parse(readFileSync(join(REPO, 'schemas', 'strategy-model.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    assert.ok(validate(model), JSON.stringify(validate.errors?.slice(0, 3)));
  });

  it('still exports a document with syntax errors, but says so and exits 1', async () => {
    const dir = scratch({ 'b.strategy': 'priority 1 "x" { owner }\n' });
    const r = await runCli(['export', 'b.strategy'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.equal((JSON.parse(r.stdout) as { document: { items: unknown[] } }).document.items.length, 1);
    assert.match(r.stderr, /^b\.strategy:1:24: error Expected the owner's name/m);
  });

  it('names a missing file and exits 2', async () => {
    const r = await runCli(['export', 'nope.strategy'], { cwd: scratch() });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /nope\.strategy: no such file or folder/);
  });
});

describe('strategy, the command', () => {
  it('prints help, version and the rule list', async () => {
    assert.match((await runCli(['--help'])).stdout, /strategy lint \[paths…\]/);
    assert.match((await runCli(['--version'])).stdout, /^\d+\.\d+\.\d+\n$/);
    const rules = JSON.parse((await runCli(['rules', '--json'])).stdout) as { id: string }[];
    assert.equal(rules.length, 18);
  });

  it('on a Node.js older than 22.12, says what it needs instead of failing', () => {
    // The machine's own Node (20 on this project's machines) is what a user outside the repo gets.
    const systemNode = ['/usr/bin/node', '/usr/local/bin/node'].find((p) => existsSync(p));
    assert.ok(systemNode, 'a system node to try');
    const version = execFileSync(systemNode, ['--version'], { encoding: 'utf8' }).trim();
    const [major, minor] = version.slice(1).split('.').map(Number) as [number, number];
    const r = spawnSync(systemNode, [CLI, 'lint', '.'], { encoding: 'utf8' });
    if (major < 22 || (major === 22 && minor < 12)) {
      assert.equal(r.status, 2);
      assert.match(r.stderr, new RegExp(`strategy needs Node\\.js 22\\.12 or later; this is Node\\.js ${version.replace(/\./g, '\\.')}`));
      assert.doesNotMatch(r.stderr, /at .*\.js:\d+/, 'no stack trace');
    } else {
      assert.notEqual(r.status, null);
      assert.doesNotMatch(r.stderr, /needs Node/);
    }
  });

  it('runs as `npx strategy` in the repository', () => {
    const r = spawnSync('npx', ['--no-install', 'strategy', '--version'], { cwd: REPO, encoding: 'utf8', env: { ...process.env, PATH: `${join(REPO, 'node_modules', '.bin')}:${process.env['PATH']}` } });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^\d+\.\d+\.\d+$/m);
  });
});
