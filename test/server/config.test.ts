import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../server/config/load-config.js';

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
    const c = loadConfig(dir);
    assert.equal(c.settings.severities.get('missing-baseline'), 'off');
    assert.equal(c.settings.catalogue.get(42)?.title, 'Perceptions of drug use');
    assert.equal(c.settings.catalogue.get(201)?.title, 'Local measure');
    assert.deepEqual(c.frameworkPaths, [join(dir, 'frameworks')]);
    assert.ok(c.settings.knownAcronyms.has('SMOG'));
  });

  it('a bad severity names the key, what was expected and where', () => {
    const e = failure(configIn('{\n  "rules": {\n    "missing-owner": "warn"\n  }\n}\n'));
    assert.equal(e.describe(), 'strategy.config.json:3:5: `rules.missing-owner` must be one of "error", "warning", "info", "off"');
  });

  it('an unknown rule or key gets a "did you mean"', () => {
    assert.match(failure(configIn('{ "rules": { "missing-ownr": "off" } }')).describe(), /`rules`: unknown rule `missing-ownr` \(did you mean `missing-owner`\?\)/);
    assert.match(failure(configIn('{ "framework": [] }')).describe(), /unknown key `framework` \(did you mean `frameworks`\?\)/);
  });

  it('broken JSON is reported with its line and column', () => {
    const e = failure(configIn('{\n  "rules": {\n    "open-note": "off",\n  }\n}\n'));
    assert.match(e.describe(), /^strategy\.config\.json:4:3: invalid JSON/);
  });

  it('a bad indicator code says what a code looks like', () => {
    assert.match(failure(configIn('{ "indicators": [ { "code": "40" } ] }')).describe(), /`indicators\[0\]\.code`.*an indicator code such as "NI 40"/);
  });

  it('a missing indicator file is named', () => {
    assert.match(failure(configIn('{ "indicatorFiles": ["nowhere.json"] }')).describe(), /`indicatorFiles`: cannot read .*nowhere\.json/);
  });
});
