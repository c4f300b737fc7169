/** Fixes and suggestions are text edits; applied, they must leave a document that parses and no longer has the finding. */
import assert from 'node:assert/strict';
import { parse } from '../../grammar/index.js';
import { applyEdits } from '../../server/analysis/fixes.js';
import { lintText } from '../support/lint.js';

const S = 'strategy "S" {\n  period 2010-04 to 2013-03\n  framework drugs-2008\n}\n';

function applyFirst(text: string, ruleId: string, which: 'fix' | number): string {
  const f = lintText(text).find((x) => x.ruleId === ruleId);
  assert.ok(f, `no ${ruleId} finding`);
  const fix = which === 'fix' ? f.fix : f.suggestions?.[which];
  assert.ok(fix, `no ${which} on ${ruleId}`);
  const out = applyEdits(text, fix.edits).text;
  assert.deepEqual(parse(out).problems, [], out);
  return out;
}

describe('fixes and suggestions', () => {
  it('indicator-title-mismatch: the fix puts the catalogue title in', () => {
    const out = applyFirst(`${S}measure NI 40 "Drug Users in Effective Treatment"\n`, 'indicator-title-mismatch', 'fix');
    assert.match(out, /measure NI 40 "Number of drug users recorded as being in effective treatment"/);
    assert.equal(lintText(out).filter((f) => f.ruleId === 'indicator-title-mismatch').length, 0);
  });

  it('a council-sourced title is only a suggestion, never applied by --fix', () => {
    const f = lintText(`${S}measure NI 38 "Class A drug offences"\n`).find((x) => x.ruleId === 'indicator-title-mismatch')!;
    assert.equal(f.fix, undefined);
    assert.equal(f.suggestions?.length, 1);
  });

  it('missing-owner: the suggestion opens a block when there is none, or adds a line inside it', () => {
    const noBlock = applyFirst(`${S}priority P1 "x" {\n  commitment 1 "y"\n}\n`, 'missing-owner', 0);
    assert.match(noBlock, /  commitment 1 "y" \{\n    owner ""\n  \}\n/);
    const block = applyFirst(`${S}priority P1 "x" {\n  commitment 1 "y" {\n    timing 2011\n  }\n}\n`, 'missing-owner', 0);
    assert.match(block, /  commitment 1 "y" \{\n    owner ""\n    timing 2011\n  \}/);
    const empty = applyFirst(`${S}commitment 1 "y" {}\n`, 'missing-owner', 0);
    assert.match(empty, /commitment 1 "y" \{\n  owner ""\n\}/);
  });

  it('missing-target: the suggestion records the gap honestly', () => {
    assert.match(applyFirst(`${S}commitment 1 "y" { owner "P" }\n`, 'missing-target', 0), /target tbc/);
  });

  it('unknown-indicator: suggestions offer the nearest real codes', () => {
    const f = lintText(`${S}measure NI 31\n`).find((x) => x.ruleId === 'unknown-indicator')!;
    assert.deepEqual(
      f.suggestions!.map((s) => s.title.split(' (')[0]),
      ['Change to NI 30', 'Change to NI 32', 'Change to NI 29'],
    );
    assert.match(applyFirst(`${S}measure NI 31\n`, 'unknown-indicator', 0), /measure NI 30\n/);
  });

  it('numbering-gap: the suggestion renumbers the sequence in order', () => {
    const out = applyFirst(`${S}priority KP1 "a" {\n  commitment 1 "x"\n  commitment 3 "y"\n  commitment 4 "z"\n}\n`, 'numbering-gap', 0);
    assert.match(out, /commitment 1 "x"\n  commitment 2 "y"\n  commitment 3 "z"/);
  });

  it('undefined-acronym: the suggestion adds the term to the glossary, in order', () => {
    const text = `${S}partners {\n  "District Councils" role "host the CDRPs"\n}\nglossary {\n  AAA "first"\n  ZZZ "last"\n}\n`;
    const out = applyFirst(text, 'undefined-acronym', 0);
    assert.match(out, /glossary \{\n  AAA "first"\n  CDRP ""\n  ZZZ "last"\n\}/);
    const noGlossary = applyFirst(`${S}commitment 1 "Ask the SMOG" { owner "x" }\n`, 'undefined-acronym', 0);
    assert.match(noGlossary, /\nglossary \{\n  SMOG ""\n\}\n$/);
  });
});
