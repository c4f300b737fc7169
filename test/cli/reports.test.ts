/**
 * What the reports carry for a reviewer and for code scanning: each finding's
 * documentation link, SARIF that code scanning accepts (relative,
 * percent-encoded URIs; fingerprints that survive line moves), the stylish
 * summary by rule and by file, and the README's sample output, which must be
 * what the CLI prints today.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../support/paths.js';
import { runCli } from '../support/run-cli.js';
import { scratch } from '../support/temp.js';

const TWO_FINDINGS = 'strategy "W" {}\nnote "add reference"\npriority 1 "One" {\n  commitment 1 "Do it" { owner "Council" measure NI 40 }\n}\n';

interface SarifResult {
  ruleId: string;
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[];
  partialFingerprints: Record<string, string>;
}
interface Sarif {
  runs: {
    tool: { driver: { informationUri: string; rules: { id: string; helpUri: string }[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    artifacts: { location: { uri: string; uriBaseId?: string } }[];
    results: SarifResult[];
  }[];
}

const RFC3986_REFERENCE = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-F]{2})*$/;

describe('reports', () => {
  it('JSON and SARIF written a file at a time read exactly as the whole stringified at once (seeds, and no findings)', async () => {
    const seeds = join(REPO, 'seeds');
    for (const format of ['json', 'sarif']) {
      const r = await runCli(['lint', '-f', format, '.'], { cwd: seeds });
      assert.ok(r.stdout.length > 1000, format);
      assert.equal(r.stdout, `${JSON.stringify(JSON.parse(r.stdout), null, 2)}\n`, format);
    }
    const clean = scratch({ 'c.strategy': 'strategy "Clean" {}\n' });
    for (const format of ['json', 'sarif']) {
      const r = await runCli(['lint', '-f', format, 'c.strategy'], { cwd: clean });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, `${JSON.stringify(JSON.parse(r.stdout), null, 2)}\n`, format);
    }
  });

  it('JSON: every finding links to its rule’s page', async () => {
    const dir = scratch({ 'w.strategy': TWO_FINDINGS });
    const r = await runCli(['lint', '-f', 'json', 'w.strategy'], { cwd: dir });
    const messages = (JSON.parse(r.stdout) as { messages: { ruleId: string; docs: string }[] }[])[0]!.messages;
    assert.ok(messages.length >= 2);
    for (const m of messages) {
      assert.equal(m.docs, `https://github.com/strategy-tools/strategy-language/blob/main/docs/rules/${m.ruleId}.md`);
      assert.ok(readFileSync(join(REPO, 'docs', 'rules', `${m.ruleId}.md`), 'utf8').startsWith(`# ${m.ruleId}`), 'the page exists in the repository');
    }
  });

  it('`strategy rules --json` gives each rule’s page and its severity by document status', async () => {
    const rules = JSON.parse((await runCli(['rules', '--json'])).stdout) as { id: string; docs: string; severityByStatus?: Record<string, string> }[];
    assert.ok(rules.every((r) => r.docs.endsWith(`/docs/rules/${r.id}.md`)));
    assert.deepEqual(rules.find((r) => r.id === 'open-note')?.severityByStatus, { final: 'error', published: 'error' });
    assert.deepEqual(rules.find((r) => r.id === 'placeholder-target')?.severityByStatus, { final: 'error', published: 'error' });
  });

  it('SARIF: percent-encoded relative URIs against %SRCROOT%, helpUri and informationUri', async () => {
    const dir = scratch({ 'plans 2024/draft #1.strategy': TWO_FINDINGS });
    const r = await runCli(['lint', '-f', 'sarif', '.'], { cwd: dir });
    const run = (JSON.parse(r.stdout) as Sarif).runs[0]!;
    assert.equal(run.tool.driver.informationUri, 'https://github.com/strategy-tools/strategy-language');
    for (const rule of run.tool.driver.rules) assert.ok(new URL(rule.helpUri).pathname.endsWith('.md'), rule.id);
    const base = run.originalUriBaseIds['%SRCROOT%']!.uri;
    assert.ok(base.startsWith('file:///') && base.endsWith('/'), base);
    const uris = [...run.artifacts.map((a) => a.location), ...run.results.flatMap((x) => x.locations.map((l) => l.physicalLocation.artifactLocation))];
    assert.ok(uris.length > 0);
    for (const u of uris) {
      assert.equal(u.uri, 'plans%202024/draft%20%231.strategy');
      assert.equal(u.uriBaseId, '%SRCROOT%');
      assert.match(u.uri, RFC3986_REFERENCE, 'a valid relative reference');
      assert.equal(decodeURIComponent(new URL(u.uri, base).pathname), `${dir}/plans 2024/draft #1.strategy`, 'resolves to the file');
    }
  });

  it('SARIF: partialFingerprints stay the same when lines above a finding move', async () => {
    const dir = scratch({ 'w.strategy': TWO_FINDINGS });
    const fingerprints = async (): Promise<string[]> => ((JSON.parse((await runCli(['lint', '-f', 'sarif', 'w.strategy'], { cwd: dir })).stdout) as Sarif).runs[0]!.results.map((x) => x.partialFingerprints['strategyFinding/v1']!));
    const before = await fingerprints();
    writeFileSync(join(dir, 'w.strategy'), `// a comment above\n\n${TWO_FINDINGS}`);
    const after = await fingerprints();
    assert.ok(before.length >= 2);
    assert.equal(new Set(before).size, before.length, 'each finding has its own');
    assert.deepEqual(after, before);
  });

  it('stylish: the summary counts problems by rule and by file', async () => {
    const dir = scratch({ 'a.strategy': TWO_FINDINGS, 'b.strategy': 'strategy "B" {}\nnote "TBC"\n' });
    const r = await runCli(['lint', '.'], { cwd: dir });
    const tail = r.stdout.slice(r.stdout.indexOf('Problems by rule:'));
    assert.match(tail, /^Problems by rule:\n  open-note\s+2  warning\n/);
    assert.match(tail, /Problems by file:\n  a\.strategy\s+\d+  .*\n  b\.strategy\s+1  1 warning\n\n✖ /);
  });

  it('the README’s sample output is what `strategy lint seeds/` prints', async () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const block = /```sh\nnpx strategy lint seeds\/\n```\n\n```\n([\s\S]*?)```/.exec(readme);
    assert.ok(block, 'the README shows the command and its output');
    const sample = block[1]!;
    const r = await runCli(['lint', 'seeds/'], { cwd: REPO });
    const [shown, summary] = sample.split('…\n\n');
    assert.ok(shown && summary, 'findings, an ellipsis, then the summary');
    for (const finding of shown.trim().split('\n\n')) assert.ok(r.stdout.includes(`${finding}\n`), `printed today:\n${finding}`);
    assert.ok(r.stdout.endsWith(summary), `the summary is today's:\n${r.stdout.slice(-1500)}`);
  });
});
