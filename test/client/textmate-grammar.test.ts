import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEYWORDS, PLACEHOLDER_WORDS } from '../../grammar/keywords.js';
import { SCOPES, SEMANTIC_TOKEN_SCOPES, textMateGrammar, textMateGrammarText } from '../../scripts/textmate-grammar.js';
import { SEMANTIC_TOKENS_LEGEND } from '../../server/lsp/semantic-tokens-provider.js';
import { REPO } from '../support/paths.js';

interface MatchRule {
  match: string;
  name: string;
}
interface Repository {
  keyword: { patterns: MatchRule[] };
  placeholder: MatchRule;
  indicator: MatchRule;
}

const repository = textMateGrammar()['repository'] as Repository;

/** The whole-text match of a rule, as VS Code's engine would find it at the start of the text. */
function matchesWhole(rule: MatchRule, text: string): boolean {
  const m = new RegExp(rule.match, 'y').exec(text);
  return m !== null && m[0] === text;
}

describe('TextMate grammar', () => {
  it('is up to date with grammar/keywords.ts (run `npm run generate:textmate`)', () => {
    assert.equal(readFileSync(join(REPO, 'syntaxes', 'strategy.tmLanguage.json'), 'utf8'), textMateGrammarText());
  });

  it('colours every keyword: fixed values as constants, the rest as keywords', () => {
    for (const k of KEYWORDS) {
      const rules = repository.keyword.patterns.filter((r) => matchesWhole(r, k.word));
      assert.deepEqual(
        rules.map((r) => r.name),
        [k.role === 'value' ? SCOPES.value : SCOPES.keyword],
        k.word,
      );
    }
  });

  it('gives each of the language server’s semantic token types the grammar’s scope (package.json semanticTokenScopes)', () => {
    const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { contributes: { semanticTokenScopes?: unknown } };
    assert.deepEqual(manifest.contributes.semanticTokenScopes, [{ language: 'strategy', scopes: SEMANTIC_TOKEN_SCOPES }]);
    const selectorTypes = new Set(Object.keys(SEMANTIC_TOKEN_SCOPES).map((k) => k.split('.')[0]));
    assert.deepEqual(SEMANTIC_TOKENS_LEGEND.tokenTypes.filter((t) => !selectorTypes.has(t)), [], 'token types of the server without a scope');
  });

  it('keeps the lexer’s boundaries: a keyword or placeholder inside a longer name is a name', () => {
    const foundIn = (rule: MatchRule, text: string): boolean => new RegExp(rule.match).test(text);
    for (const name of ['draft-2', 'PC.final', 'status_x', 'x.to', 'today', 'byline']) {
      for (const rule of repository.keyword.patterns) assert.ok(!foundIn(rule, name), `${rule.name} found in the name ${name}`);
    }
    for (const word of ['X', 'XX', 'XXX', ...PLACEHOLDER_WORDS]) assert.ok(matchesWhole(repository.placeholder, word), word);
    for (const name of ['XXL', 'X1', 'tbcs', 'X-ray', 'aX', 'P1.X']) assert.ok(!foundIn(repository.placeholder, name), `placeholder found in the name ${name}`);
  });

  it('reads an indicator code the three ways people write it', () => {
    for (const code of ['NI 40', 'NI40', 'NI-40', 'NI - 40']) assert.ok(matchesWhole(repository.indicator, code), code);
    assert.ok(!new RegExp(repository.indicator.match).test('ANI 40'));
  });
});
