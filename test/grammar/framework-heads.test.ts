/**
 * `mayDeclareFramework` (issue 12) lets `strategy lint` parse only the files
 * others may depend on before linting: it must never say no for a text
 * whose parse declares a framework, on real files and on hostile mutations.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { mayDeclareFramework } from '../../grammar/index.js';
import { analyseDocument } from '../../server/analysis/document-model.js';
import { FIXTURES, SEEDS } from '../support/paths.js';

function strategyFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) strategyFiles(full, out);
    else if (entry.name.endsWith('.strategy')) out.push(full);
  }
  return out;
}

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
});
