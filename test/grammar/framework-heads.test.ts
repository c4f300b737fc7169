/**
 * `mayDeclareFramework` (issue 12) lets `strategy lint` parse only the files
 * others may depend on before linting: it must never say no for a text
 * whose parse declares a framework, on real files and on hostile mutations.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenMatcher } from 'chevrotain';
import fc from 'fast-check';
import { mayDeclareFramework } from '../../grammar/index.js';
import { lex } from '../../grammar/lexer.js';
import { LineIndex } from '../../grammar/positions.js';
import { Comma, IdToken, keywordTokens, RCurly, STATEMENT_KEYWORDS } from '../../grammar/tokens.js';
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

/** The verdict from the tokens of the whole text, as `mayDeclareFramework` gave it before it lexed windows only. */
function fromAllTokens(text: string): boolean {
  const tokens = lex(text, new LineIndex(text)).tokens;
  const statementKeywords = new Set([...STATEMENT_KEYWORDS].map((w) => `Kw_${w}`));
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.tokenType !== keywordTokens.framework) continue;
    let j = i + 1;
    if (!tokens[j] || !tokenMatcher(tokens[j]!, IdToken)) return true;
    j++;
    while (tokens[j]?.tokenType === Comma && tokens[j + 1] && tokenMatcher(tokens[j + 1]!, IdToken)) j += 2;
    const next = tokens[j];
    if (next === undefined || next.tokenType === RCurly) continue;
    if (statementKeywords.has(next.tokenType.name)) continue;
    return true;
  }
  return false;
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

  it('lexing only the lines around each `framework` gives the verdict of lexing the whole text (fast-check)', () => {
    // Padding puts the fragments about the 2 KB window's edge; comments and quoted text hide words from the lexer.
    const fragment = fc.constantFrom('framework ', 'framework x', 'framework x, y', ', ', 'z', ' "T" ', '{ ', '} ', 'strategy ', 'period ', '% ', '\n', '\r\n', '// framework x "T"\n', '"framework x {"', 'frameworks ', '2010-04 ', 'note "n" ');
    const padding = fc.tuple(fc.integer({ min: 0, max: 2200 }), fc.constantFrom(' ', 'a ', '\n', '"', '// ')).map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n));
    const text = fc.tuple(fc.array(fc.tuple(padding, fc.array(fragment, { maxLength: 6 })), { minLength: 1, maxLength: 4 })).map(([parts]) => parts.map(([pad, f]) => pad + f.join('')).join(''));
    const mutated = fc.tuple(fc.nat(texts.length - 1), fc.nat(), fc.array(fragment, { maxLength: 8 })).map(([i, at, parts]) => {
      const t = texts[i]!;
      const p = at % (t.length + 1);
      return t.slice(0, p) + parts.join('') + t.slice(p);
    });
    fc.assert(
      fc.property(fc.oneof(text, mutated), (t) => {
        assert.equal(mayDeclareFramework(t), fromAllTokens(t), JSON.stringify(t.length > 300 ? `${t.slice(0, 150)}…${t.slice(-150)}` : t));
      }),
      { numRuns: 1500 },
    );
    for (const t of texts) assert.equal(mayDeclareFramework(t), fromAllTokens(t));
  });
});
