import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { nationalIndicatorSet, titlesAgree } from '../../server/catalogue/indicator-catalogue.js';
import { REPO } from '../support/paths.js';

describe('the National Indicator Set catalogue', () => {
  const set = nationalIndicatorSet();

  it('has the 198 indicators NI 1–30 and NI 32–199, and no others', () => {
    assert.equal(set.size, 198);
    const codes = set.all().map((i) => i.code);
    const expected = [...Array.from({ length: 30 }, (_, i) => i + 1), ...Array.from({ length: 168 }, (_, i) => i + 32)];
    assert.deepEqual(codes, expected);
    assert.equal(set.has(31), false);
    assert.equal(set.has(200), false);
  });

  it('keeps titles only where a source gave one, with their quality; never invents', () => {
    const titled = set.all().filter((i) => i.title);
    assert.equal(titled.length, 78);
    assert.equal(set.get(2)?.title, undefined);
    assert.equal(set.get(42)?.title, 'Perceptions of drug use or drug dealing as a problem');
    assert.equal(set.get(42)?.quality, 'council');
    assert.equal(set.get(40)?.title, 'Number of drug users recorded as being in effective treatment');
    assert.equal(set.get(40)?.quality, 'official');
    const tsv = readFileSync(`${REPO}/data/ni-indicators.tsv`, 'utf8').split('\n').filter((l) => /^NI \d/.test(l));
    for (const line of tsv) {
      const [code, title] = line.split('\t');
      assert.equal(set.get(Number(code!.slice(3)))?.title, title || undefined, code);
    }
  });

  it('states themes only where a source did (NI 151–198)', () => {
    assert.equal(set.get(151)?.theme, 'Local economy and environmental sustainability');
    assert.equal(set.get(40)?.theme, undefined);
  });

  it('the bundled JSON is generated from data/ni-indicators.tsv and up to date', () => {
    execFileSync(process.execPath, [`${REPO}/scripts/generate-catalogue.mjs`, '--check']);
  });

  it('a workspace adds indicators and titles; its titles win', () => {
    const extended = set.withConfigured([
      { code: 'NI 42', title: 'Perceptions of drug use or drug dealing as a problem' },
      { code: 'NI200', title: 'Local: households contacted' },
    ]);
    assert.equal(extended.get(42)?.quality, 'configured');
    assert.equal(extended.get(200)?.title, 'Local: households contacted');
    assert.equal(set.has(200), false, 'the shared catalogue is not changed');
  });

  it('compares titles loosely, and accepts titles that a truncated catalogue title begins', () => {
    assert.ok(titlesAgree('Drug Related (Class A) Offending Rate', 'drug-related (class A) offending rate'));
    assert.ok(titlesAgree('First time entrants to the Youth Justice System aged 10–17', 'First time entrants to the Youth Justice System aged …'));
    assert.ok(titlesAgree('First Time Entrants to the Youth Justice System', 'First time entrants to the Youth Justice System aged …'));
    assert.ok(!titlesAgree('First Time Entrants', 'Number of first time entrants …'));
    assert.ok(!titlesAgree('Drug Users in Effective Treatment', 'Number of drug users recorded as being in effective treatment'));
  });
});
