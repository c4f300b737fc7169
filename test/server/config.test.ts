import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, ConfigResolver, loadConfig } from '../../server/config/load-config.js';

function configIn(json: string, extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'strategy-config-'));
  writeFileSync(join(dir, 'strategy.config.json'), json);
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  return dir;
}

function failure(dir: string): ConfigError {
  try {
    loadConfig(dir);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('config was accepted');
}

describe('strategy.config.json', () => {
  it('is optional: defaults when there is none', () => {
    const c = loadConfig(mkdtempSync(join(tmpdir(), 'strategy-none-')));
    assert.equal(c.file, undefined);
    assert.equal(c.settings.severities.size, 0);
  });

  it('sets severities, indicators, indicator files, frameworks and acronyms', () => {
    const dir = configIn(
      JSON.stringify({
        rules: { 'missing-baseline': 'off', 'open-note': 'error' },
        indicators: [{ code: 'NI 42', title: 'Perceptions of drug use' }],
        indicatorFiles: ['local.json'],
        frameworks: ['frameworks'],
        acronyms: { SMOG: 'Substance Misuse Oversight Group' },
      }),
      { 'local.json': JSON.stringify([{ code: 'NI 201', title: 'Local measure' }]) },
    );
    mkdirSync(join(dir, 'frameworks'));
    const c = loadConfig(dir);
    assert.equal(c.settings.severities.get('missing-baseline'), 'off');
    assert.equal(c.settings.catalogue.get(42)?.title, 'Perceptions of drug use');
    assert.equal(c.settings.catalogue.get(201)?.title, 'Local measure');
    assert.deepEqual(c.frameworkPaths, [join(dir, 'frameworks')]);
    assert.ok(c.settings.knownAcronyms.has('SMOG'));
  });

  it('a bad severity names the key, what was expected and where', () => {
    const e = failure(configIn('{\n  "rules": {\n    "missing-owner": "warn"\n  }\n}\n'));
    assert.equal(e.describe(), 'strategy.config.json:3:5: `rules.missing-owner` must be one of "error", "warning", "info", "off"; it is ignored');
  });

  it('an unknown rule or key gets a "did you mean"', () => {
    assert.match(failure(configIn('{ "rules": { "missing-ownr": "off" } }')).describe(), /`rules`: unknown rule `missing-ownr` \(did you mean `missing-owner`\?\)/);
    assert.match(failure(configIn('{ "framework": [] }')).describe(), /unknown key `framework` \(did you mean `frameworks`\?\)/);
  });

  it('broken JSON is reported with its line and column', () => {
    const e = failure(configIn('{\n  "rules": {\n    "open-note": "off"\n    "missing-owner": "off"\n  }\n}\n'));
    assert.equal(e.describe(), 'strategy.config.json:4:5: invalid JSON: comma expected');
  });

  it('takes comments and trailing commas (JSONC)', () => {
    const c = loadConfig(configIn('{\n  // the team agreed this\n  "rules": { "open-note": "error", },\n  /* more */\n}\n'));
    assert.equal(c.settings.severities.get('open-note'), 'error');
  });

  it('a bad indicator code says what a code looks like', () => {
    assert.match(failure(configIn('{ "indicators": [ { "code": "40" } ] }')).describe(), /`indicators\[0\]\.code`.*an indicator code such as "NI 40"/);
  });

  it('a missing indicator file is named', () => {
    assert.match(failure(configIn('{ "indicatorFiles": ["nowhere.json"] }')).describe(), /`indicatorFiles`: cannot read .*nowhere\.json/);
  });
});

describe('config lookup, extends and partial validity', () => {
  const resolverFor = (): ConfigResolver => new ConfigResolver({ show: (f) => f });

  it('keeps every valid part and reports each problem at its own key (indicators[1].title)', () => {
    const text = '{\n  "rules": { "open-note": "error", "missing-owner": "loud" },\n  "indicators": [\n    { "code": "NI 201", "title": "Local" },\n    { "code": "NI 202", "title": "" }\n  ],\n  "acronyms": { "SAG": "Safer Ageing Group" }\n}\n';
    const dir = configIn(text);
    const c = resolverFor().forDirectory(dir);
    assert.equal(c.settings.severities.get('open-note'), 'error');
    assert.equal(c.settings.severities.has('missing-owner'), false);
    assert.equal(c.settings.catalogue.get(201)?.title, 'Local');
    assert.equal(c.settings.catalogue.get(202), undefined);
    assert.ok(c.settings.knownAcronyms.has('SAG'));
    const file = join(dir, 'strategy.config.json');
    assert.deepEqual(
      c.problems.map((p) => p.describe()),
      [
        `${file}:2:36: \`rules.missing-owner\` must be one of "error", "warning", "info", "off"; it is ignored`,
        `${file}:5:25: \`indicators[1].title\` must not be empty; it is ignored`,
      ],
    );
  });

  it('reports a framework path that does not exist and an indicator that adds nothing (NI 420 without a title), each at its line', () => {
    const dir = configIn('{\n  "frameworks": ["national/"],\n  "indicators": [{ "code": "NI 420" }]\n}\n');
    const c = resolverFor().forDirectory(dir);
    assert.deepEqual(c.frameworkPaths, []);
    assert.equal(c.settings.catalogue.get(420), undefined);
    const file = join(dir, 'strategy.config.json');
    assert.deepEqual(
      c.problems.map((p) => [p.line, p.column, p.file]),
      [
        [2, 18, file],
        [3, 18, file],
      ],
    );
    assert.match(c.problems[0]!.message, /national does not exist/);
    assert.match(c.problems[1]!.message, /NI 420 is not in the National Indicator Set/);
  });

  it('looks configs up from the folder upwards, nearer ones winning, and stops at "root": true', () => {
    const top = configIn(JSON.stringify({ rules: { 'open-note': 'error', 'missing-owner': 'off' }, acronyms: { TOP: 'Top' } }));
    mkdirSync(join(top, 'a', 'b'), { recursive: true });
    writeFileSync(join(top, 'a', 'strategy.config.json'), JSON.stringify({ rules: { 'open-note': 'info' } }));
    const inB = resolverFor().forDirectory(join(top, 'a', 'b'));
    assert.equal(inB.settings.severities.get('open-note'), 'info');
    assert.equal(inB.settings.severities.get('missing-owner'), 'off');
    assert.deepEqual(inB.files, [join(top, 'strategy.config.json'), join(top, 'a', 'strategy.config.json')]);
    assert.equal(inB.sources.get('rules.open-note'), `${join(top, 'a', 'strategy.config.json')}:1:11`);
    writeFileSync(join(top, 'a', 'strategy.config.json'), JSON.stringify({ root: true, rules: { 'open-note': 'info' } }));
    const rooted = resolverFor().forDirectory(join(top, 'a', 'b'));
    assert.equal(rooted.settings.severities.has('missing-owner'), false);
    assert.deepEqual(rooted.files, [join(top, 'a', 'strategy.config.json')]);
  });

  it('stops at the repository root', () => {
    const top = configIn(JSON.stringify({ rules: { 'missing-owner': 'off' } }));
    mkdirSync(join(top, 'repo', '.git'), { recursive: true });
    mkdirSync(join(top, 'repo', 'docs'));
    assert.deepEqual(resolverFor().forDirectory(join(top, 'repo', 'docs')).files, []);
  });

  it('extends a relative path and a package; settings of the extending config win; paths stay relative to their own file', () => {
    const dir = configIn(JSON.stringify({ extends: ['./shared/base.json', 'team-config'], rules: { 'open-note': 'off' } }), {});
    mkdirSync(join(dir, 'shared', 'national'), { recursive: true });
    writeFileSync(join(dir, 'shared', 'base.json'), JSON.stringify({ rules: { 'open-note': 'error', 'missing-baseline': 'off' }, frameworks: ['national'] }));
    mkdirSync(join(dir, 'node_modules', 'team-config'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'team-config', 'strategy.config.json'), '{ /* the team */ "acronyms": { "SMOG": "Substance Misuse Oversight Group" } }');
    const c = resolverFor().forDirectory(dir);
    assert.deepEqual(c.problems, []);
    assert.equal(c.settings.severities.get('open-note'), 'off');
    assert.equal(c.settings.severities.get('missing-baseline'), 'off');
    assert.deepEqual(c.frameworkPaths, [join(dir, 'shared', 'national')]);
    assert.ok(c.settings.knownAcronyms.has('SMOG'));
  });

  it('reports an extends that cannot be found, or that loops, at the extends value', () => {
    const dir = configIn('{\n  "extends": ["./nowhere.json", "./loop.json"]\n}\n');
    writeFileSync(join(dir, 'loop.json'), JSON.stringify({ extends: './strategy.config.json' }));
    const c = resolverFor().forDirectory(dir);
    const messages = c.problems.map((p) => `${p.line}:${p.column} ${p.message}`);
    assert.ok(messages.some((m) => /^2:15 `extends`: cannot find "\.\/nowhere\.json"/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /a cycle/.test(m)), messages.join('\n'));
  });

  it('an empty path is a problem, not the whole folder', () => {
    const dir = configIn('{ "frameworks": ["", "."] }');
    const c = resolverFor().forDirectory(dir);
    assert.deepEqual(c.frameworkPaths, [dir]);
    assert.deepEqual(c.problems.map((p) => `${p.line}:${p.column} ${p.message}`), ['1:18 `frameworks[0]` must not be empty; it is ignored']);
  });

  it('gives a folder’s config `ignore` as patterns of that folder', () => {
    const dir = configIn(JSON.stringify({ ignore: ['archive/'] }));
    assert.deepEqual(resolverFor().configIgnoreIn(dir)?.patterns, ['archive/']);
  });
});

describe('config reads bounded and confined (issue 10 on the resolver of issue 13)', () => {
  it('refuses /dev/zero as an extended config or an indicator file, without reading it', () => {
    const dir = configIn(JSON.stringify({ extends: '/dev/zero', indicatorFiles: ['/dev/zero'], rules: { 'open-note': 'error' } }));
    const c = new ConfigResolver({ show: (f) => f }).forDirectory(dir);
    const messages = c.problems.map((p) => p.message);
    assert.ok(messages.includes('the config file is not a regular file (a device, pipe or socket); only files are read'), messages.join('\n'));
    assert.ok(messages.includes('`indicatorFiles`: /dev/zero is not a regular file (a device, pipe or socket); only files are read; it is ignored'), messages.join('\n'));
    assert.equal(c.settings.severities.get('open-note'), 'error', 'the rest of the config applies');
  });

  it('confined to folders: no config above them, and no extends, framework or indicator file outside them, each said at its line', () => {
    const outside = configIn(JSON.stringify({ rules: { 'open-note': 'error' } }), { 'local.json': JSON.stringify([{ code: 'NI 201', title: 'Local measure' }]) });
    mkdirSync(join(outside, 'national'));
    const folder = join(outside, 'workspace');
    mkdirSync(folder);
    const config = `{\n  "extends": ${JSON.stringify(join(outside, 'strategy.config.json'))},\n  "frameworks": ${JSON.stringify([join(outside, 'national')])},\n  "indicatorFiles": ${JSON.stringify([join(outside, 'local.json')])}\n}\n`;
    writeFileSync(join(folder, 'strategy.config.json'), config);
    const free = new ConfigResolver({ show: (f) => f }).forDirectory(folder);
    assert.equal(free.settings.severities.get('open-note'), 'error');
    assert.equal(free.settings.catalogue.get(201)?.title, 'Local measure');
    assert.deepEqual(free.frameworkPaths, [join(outside, 'national')]);

    const confined = new ConfigResolver({ show: (f) => f, confineTo: [folder] }).forDirectory(folder);
    assert.deepEqual(confined.files, [join(folder, 'strategy.config.json')], 'neither the config above the folder nor the extended one is read');
    assert.equal(confined.settings.severities.get('open-note'), undefined);
    assert.equal(confined.settings.catalogue.get(201), undefined);
    assert.deepEqual(confined.frameworkPaths, []);
    assert.deepEqual(confined.indicatorFiles, []);
    assert.deepEqual(
      confined.problems.map((p) => `${p.line}:${p.column} ${p.message.replace(/: \/.* is outside/, ': … is outside')}`),
      [
        '2:3 `extends`: … is outside the workspace folders; in Restricted Mode only files inside them are read; it is ignored',
        '3:18 `frameworks`: … is outside the workspace folders; in Restricted Mode only files inside them are read; it is ignored',
        '4:22 `indicatorFiles`: … is outside the workspace folders; in Restricted Mode only files inside them are read; it is ignored',
      ],
    );
    assert.equal(new ConfigResolver({ confineTo: [folder] }).configIgnoreIn(outside), undefined);
  });
});
