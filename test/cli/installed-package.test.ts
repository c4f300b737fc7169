/**
 * `strategy` as a bin of the installed package: packed as npm would publish
 * it, installed into an empty project (it needs nothing from the registry:
 * everything is bundled), then run.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
    // As a user installs it: scripts allowed, so that npm would say if the package had install scripts to approve.
    const install = spawnSync('npm', ['install', join(packed, tarball), '--offline', '--no-audit', '--no-fund'], { cwd: project, encoding: 'utf8' });
    assert.equal(install.status, 0, install.stderr);
    installOutput = install.stdout + install.stderr;
  });
  let installOutput = '';

  it('is publishable: not private, a repository, a `main` that ships; no install scripts, no screenshots', () => {
    const pkg = join(project, 'node_modules', 'strategy-language');
    const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { private?: boolean; repository?: { url: string }; main?: string; scripts?: Record<string, string> };
    assert.equal(manifest.private, undefined);
    assert.match(manifest.repository?.url ?? '', /^git\+https:\/\/github\.com\/[\w-]+\/strategy-language\.git$/);
    if (manifest.main !== undefined) assert.ok(existsSync(join(pkg, manifest.main)), `main ${manifest.main} is in the package`);
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) assert.equal(manifest.scripts?.[hook], undefined, hook);
    assert.doesNotMatch(installOutput, /install-scripts|prepare/);
    assert.ok(!existsSync(join(pkg, 'docs', 'images')), 'the README screenshots stay in the repository');
    assert.ok(existsSync(join(pkg, 'docs', 'rules', 'missing-owner.md')), 'the rule pages ship');
  });

  it('runs as `npx strategy` in the installing project', () => {
    const r = spawnSync('npx', ['--offline', '--no-install', 'strategy', '--version'], { cwd: project, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('on a Node.js older than 22.12, tells an installed user to install a current Node (not to use npx here)', () => {
    const systemNode = ['/usr/bin/node', '/usr/local/bin/node'].find((p) => existsSync(p));
    assert.ok(systemNode, 'a system node to try');
    const [major, minor] = execFileSync(systemNode, ['--version'], { encoding: 'utf8' }).trim().slice(1).split('.').map(Number) as [number, number];
    const bin = join(project, 'node_modules', 'strategy-language', 'bin', 'strategy.js');
    const r = spawnSync(systemNode, [bin, '--version'], { cwd: project, encoding: 'utf8' });
    if (major < 22 || (major === 22 && minor < 12)) {
      assert.equal(r.status, 2);
      assert.match(r.stderr, /strategy needs Node\.js 22\.12 or later/);
      assert.match(r.stderr, /Install Node\.js 22\.12 or later/);
      assert.doesNotMatch(r.stderr, /npx|repository/);
    } else assert.equal(r.status, 0);
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
