/**
 * Never crash on what a user can type: documents mangled at random (as a
 * half-typed edit leaves them) must parse, lint and format without throwing,
 * with every problem inside the text. Deterministic: the same seeds each run.
 */
import assert from 'node:assert/strict';
import { random, generateStrategy } from '../../bench/generate.js';
import { format, parse } from '../../grammar/index.js';
import { lintText } from '../support/lint.js';
import { withoutRanges } from '../support/strip.js';

const FRAGMENTS = ['{', '}', '"', '“', '//', ' X ', 'NI 4', 'NI', '\n', 'commitment', 'owner', 'target from', 'by 2013-13', '%', ',', '/', 'tbc', "'", '\\', '2009/1', 'priority P9 "', '\u0000'];

function mangle(text: string, seed: number): string {
  const rnd = random(seed);
  let out = text;
  for (let i = 0; i < 12; i++) {
    const at = Math.floor(rnd() * out.length);
    if (rnd() < 0.5) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(rnd() * 20));
    else out = out.slice(0, at) + FRAGMENTS[Math.floor(rnd() * FRAGMENTS.length)]! + out.slice(at);
  }
  return out;
}

describe('robustness', () => {
  const base = generateStrategy(12 * 1024, 42);

  it('the generated document is clean and formats idempotently to the same model', () => {
    const r = format(base);
    assert.ok(r.ok, 'clean');
    assert.equal((format(r.text) as { text: string }).text, r.text);
    assert.deepEqual(withoutRanges(parse(r.text).document.items), withoutRanges(parse(base).document.items));
  });

  for (let seed = 1; seed <= 40; seed++) {
    it(`mangled document ${seed} parses, lints and formats without throwing`, () => {
      const text = mangle(base, seed);
      const r = parse(text);
      for (const p of r.problems) {
        assert.ok(p.range.start.offset >= 0 && p.range.end.offset <= text.length && p.range.start.offset <= p.range.end.offset, p.message);
        assert.ok(p.message.length > 10 && !/undefined|NaN|\[object/.test(p.message), p.message);
      }
      const findings = lintText(text);
      for (const f of findings) assert.ok(f.range.end.offset <= text.length, `${f.ruleId}: ${f.message}`);
      const formatted = format(text);
      if (formatted.ok) assert.deepEqual(parse(formatted.text).problems, []);
    });
  }
});
