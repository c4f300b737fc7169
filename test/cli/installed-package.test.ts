/**
 * `strategy` as a bin of the installed package: packed as npm would publish
 * it, installed into an empty project (it needs nothing from the registry:
 * everything is bundled), then run.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture, REPO } from '../support/paths.js';

describe('the installed package', function () {
  this.timeout(120_000);
  let project: string;

  before(() => {
    const packed = mkdtempSync(join(tmpdir(), 'strategy-pack-'));
    execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', packed], { cwd: REPO, stdio: 'pipe' });
    const tarball = readdirSync(packed).find((f) => f.endsWith('.tgz'))!;
    project = mkdtempSync(join(tmpdir(), 'strategy-consumer-'));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    execFileSync('npm', ['install', join(packed, tarball), '--ignore-scripts', '--offline', '--no-audit', '--no-fund'], { cwd: project, stdio: 'pipe' });
  });

  it('installs the `strategy` bin with no dependencies and no sources', () => {
    assert.ok(existsSync(join(project, 'node_modules', '.bin', 'strategy')));
    const installed = readdirSync(join(project, 'node_modules')).filter((d) => !d.startsWith('.'));
    assert.deepEqual(installed, ['strategy-language']);
    const pkg = join(project, 'node_modules', 'strategy-language');
    assert.ok(existsSync(join(pkg, 'dist', 'cli.js')));
    assert.ok(!existsSync(join(pkg, 'grammar')), 'no TypeScript sources');
    assert.ok(!existsSync(join(pkg, 'test')), 'no tests');
  });

  it('lints and converts from the installed bin', () => {
    const bin = join(project, 'node_modules', 'strategy-language', 'bin', 'strategy.js');
    const lint = spawnSync(process.execPath, [bin, 'lint', '--format', 'json', fixture('workspace')], { cwd: project, encoding: 'utf8' });
    assert.equal(lint.status, 0, lint.stderr);
    assert.equal((JSON.parse(lint.stdout) as unknown[]).length, 4);
    const convert = spawnSync(process.execPath, [bin, 'convert', '--check', join(REPO, 'seeds', 'birmingham-drug-strategy-2013.txt')], { cwd: project, encoding: 'utf8' });
    assert.equal(convert.status, 0, convert.stderr + convert.stdout);
  });
});
