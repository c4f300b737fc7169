import assert from 'node:assert/strict';
import { applyEdits } from '../../server/analysis/fixes.js';
import { describeFindings, lintText } from '../support/lint.js';

const S = 'strategy "S" {\n  period 2010-04 to 2013-03\n  framework drugs-2008\n}\n';
const ids = (text: string): string[] => lintText(text).map((f) => `${f.range.start.line + 1} ${f.ruleId}`);

describe('inline suppressions', () => {
  it('disable-next-line silences the named rules on the next line only', () => {
    const text = `${S}// strategy-disable-next-line open-note -- agreed at board\nnote "x"\nnote "y"\n`;
    assert.deepEqual(ids(text), ['7 open-note']);
  });

  it('disable-line silences the line it ends', () => {
    assert.deepEqual(ids(`${S}note "x" // strategy-disable-line open-note\nnote "y"\n`), ['6 open-note']);
  });

  it('disable … enable silences a region; disable-file the whole file', () => {
    const region = `${S}// strategy-disable open-note\nnote "a"\nnote "b"\n// strategy-enable open-note\nnote "c"\n`;
    assert.deepEqual(ids(region), ['9 open-note']);
    const file = `${S}note "a"\n// strategy-disable-file open-note\nnote "b"\n`;
    assert.deepEqual(ids(file), []);
  });

  it('no rule id means every rule', () => {
    assert.deepEqual(ids(`${S}// strategy-disable-next-line\ncommitment 1 "y" { target tbc }\n`), []);
  });

  it('syntax errors cannot be suppressed', () => {
    // The comment silences the rule findings of the broken line, but the syntax error stays.
    assert.deepEqual(ids(`${S}// strategy-disable-next-line\ncommitment 1 "y" { owner }\n`), ['6 syntax-error']);
  });

  it('an unused suppression is reported, and its fix removes the whole comment line', () => {
    const text = `${S}// strategy-disable-next-line missing-owner\ncommitment 1 "y" { owner "P" target increase 3 from 2 measure NI 40 }\n`;
    const findings = lintText(text);
    assert.deepEqual(describeFindings(findings), ['5:1 unused-suppression This suppression of missing-owner suppresses nothing: remove it.']);
    const fixed = applyEdits(text, findings[0]!.fix!.edits).text;
    assert.equal(fixed, `${S}commitment 1 "y" { owner "P" target increase 3 from 2 measure NI 40 }\n`);
  });

  it('a partly used suppression names the rule it did not need', () => {
    const text = `${S}// strategy-disable-next-line open-note, missing-owner\nnote "x"\n`;
    assert.deepEqual(describeFindings(lintText(text)), ['5:1 unused-suppression This suppression of missing-owner suppresses nothing on its line.']);
  });

  it('a trailing suppression comment is removed without its line', () => {
    const text = `${S}note "x" // strategy-disable-line vague-timing\n`;
    const f = lintText(text).find((x) => x.ruleId === 'unused-suppression')!;
    assert.equal(applyEdits(text, f.fix!.edits).text, `${S}note "x"\n`);
  });
});
