/**
 * `mayDeclareFramework` (issue 12) lets `strategy lint` parse only the files
 * others may depend on before linting: it must never say no for a text
 * whose parse declares a framework, on real files and on hostile mutations.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { mayDeclareFramework } from '../../grammar/index.js';
import { mayDeclareFrameworkExactly } from '../../grammar/framework-heads.js';
import { analyseDocument } from '../../server/analysis/document-model.js';
import { FIXTURES, SEEDS } from '../support/paths.js';
import { strategyFiles } from '../support/strategy-files.js';

const declares = (text: string): boolean => analyseDocument('/x.strategy', text).frameworkId !== undefined;

describe('mayDeclareFramework', () => {
  const texts = [...strategyFiles(SEEDS), ...strategyFiles(FIXTURES)].map((f) => readFileSync(f, 'utf8'));

  it('says yes for every real framework file and no for a strategy that only names its framework', () => {
    const frameworks = texts.filter(declares);
    assert.ok(frameworks.length > 0);
    for (const t of frameworks) assert.equal(mayDeclareFramework(t), true);
    assert.equal(mayDeclareFramework('strategy "S" {\n  framework drugs-2008\n  period 2010-04 to 2013-03\n}\n'), false);
    assert.equal(mayDeclareFramework('strategy "S" {\n  framework a, b\n}\npriority "P"\n'), false);
    assert.equal(mayDeclareFramework('framework drugs-2008\n"Title"\n'), true);
    assert.equal(mayDeclareFramework('framework drugs-2008 % "Title" {}'), true);
    // A `{` that opens no block is dropped with its `}` by recovery: the text after them is the declaration's title (found by fast-check).
    assert.equal(mayDeclareFramework('{ framework x } "T" '), true);
    assert.equal(mayDeclareFramework('strategy "S" {\n  framework x\n}\n\npriority "P" {}\n'), false);
  });

  it('never says no where the parse declares a framework (fast-check)', () => {
    const fragment = fc.constantFrom('framework ', 'framework x ', 'framework x, y ', '"T" ', '{ ', '} ', 'strategy ', 'period ', '% ', ', ', 'x ', '\n', 'note "n" ', '2010-04 ');
    const mutated = fc.tuple(fc.nat(texts.length - 1), fc.nat(), fc.array(fragment, { maxLength: 8 }), fc.nat(40)).map(([i, at, parts, cut]) => {
      const t = texts[i]!;
      const p = at % (t.length + 1);
      return t.slice(0, p) + parts.join('') + t.slice(Math.min(t.length, p + cut));
    });
    fc.assert(
      fc.property(fc.oneof(mutated, fc.array(fragment, { maxLength: 12 }).map((a) => a.join(''))), (text) => {
        if (declares(text)) assert.equal(mayDeclareFramework(text), true, JSON.stringify(text.slice(0, 200)));
      }),
      { numRuns: 600 },
    );
  });

  it('the quick look at each occurrence never says no where lexing the whole text says yes (fast-check)', () => {
    const piece = fc.constantFrom('framework ', 'framework x', ' x', ', ', ',', 'y ', '"T" ', '"', '{', '}', '\n', ' ', '// c', 'priority ', 'period ', 'aim ', 'NI40 ', 'XX ', 'TBC ', 'my-', 'x'.repeat(230), '"framework x"', '1.2.');
    const texts = fc.array(piece, { maxLength: 16 }).map((a) => a.join(''));
    fc.assert(
      fc.property(texts, (text) => {
        if (mayDeclareFrameworkExactly(text)) assert.equal(mayDeclareFramework(text), true, JSON.stringify(text));
      }),
      { numRuns: 3000 },
    );
    // A header naming its framework is settled without lexing the file; a long one still gets the exact answer.
    const header = 'strategy "S" {\n  framework national-0\n  period 2010-04 to 2013-03\n}\n';
    assert.equal(mayDeclareFramework(header + 'note "the framework is set"\n'.repeat(100)), false);
    assert.equal(mayDeclareFramework(`strategy "S" {\n  framework ${'a'.repeat(300)}\n}\n`), false);
    assert.equal(mayDeclareFramework(`framework x${' '.repeat(300)}"Title"\n`), true);
  });
});

