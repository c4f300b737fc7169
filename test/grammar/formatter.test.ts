import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { format, parse } from '../../grammar/index.js';
import { REPO } from '../support/paths.js';
import { cleanStrategyFiles } from '../support/strategy-files.js';
import { withoutRanges } from '../support/strip.js';

function formatted(text: string): string {
  const r = format(text);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.text;
}

describe('formatter', () => {
  describe('is idempotent and keeps the model, on every fixture and converted seed', () => {
    for (const file of cleanStrategyFiles()) {
      it(relative(REPO, file), () => {
        const text = readFileSync(file, 'utf8');
        const once = formatted(text);
        assert.equal(formatted(once), once, 'format(format(x)) === format(x)');
        assert.deepEqual(withoutRanges(parse(once).document.items), withoutRanges(parse(text).document.items), 'same model after formatting');
        assert.deepEqual(
          parse(once).document.comments.map((c) => c.text),
          parse(text).document.comments.map((c) => c.text),
          'every comment kept, in order',
        );
      });
    }
  });

  it('writes the canonical layout', () => {
    const messy = [
      'strategy   "S"{area "A"   period 2010-04 to 2013-03 framework  drugs-2008}',
      'priority P1 "x" { measure NI40 "t"  commitment 1 “Curly” { owner HO/MoJ,"Police" timing from 2010-04   to 2011-03 target increase 10 % NI-42 from X by 2011 } }',
      'glossary{HO "Home Office"}',
    ].join('\n');
    assert.equal(
      formatted(messy),
      [
        'strategy "S" {',
        '  area "A"',
        '  period 2010-04 to 2013-03',
        '  framework drugs-2008',
        '}',
        '',
        'priority P1 "x" {',
        '  measure NI 40 "t"',
        '  commitment 1 "Curly" {',
        '    owner HO, MoJ, "Police"',
        '    timing 2010-04 to 2011-03',
        '    target increase 10% NI 42 from X by 2011',
        '  }',
        '}',
        '',
        'glossary {',
        '  HO "Home Office"',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('keeps comments where the author put them, and at most one blank line', () => {
    const text = '// file comment\nstrategy "S" { // opening\n  area "A" // trailing\n\n\n\n  // before period\n  period 2010 to 2011\n  // dangling\n}\npriority P1 "x" {}\n// last\n';
    assert.equal(
      formatted(text),
      '// file comment\nstrategy "S" {  // opening\n  area "A"  // trailing\n\n  // before period\n  period 2010 to 2011\n  // dangling\n}\n\npriority P1 "x" {}\n\n// last\n',
    );
  });

  it('escapes quotes and line breaks so the output parses back to the same text', () => {
    const text = 'note "a \\"quoted\\" word\\nand a new line"\n';
    const once = formatted(text);
    assert.equal(once, text);
  });

  it('refuses to format a document with syntax errors, and says why', () => {
    const r = format('priority P1 {\n');
    assert.equal(r.ok, false);
    assert.ok(!r.ok && r.problems.length > 0);
  });
});
