/**
 * The parser every run uses skips Chevrotain's grammar checks (a third of
 * its construction, paid at each command's start): the grammar is checked
 * here instead, with the checks on, so an ambiguous alternative or a
 * repeated occurrence index still fails the build.
 */
import assert from 'node:assert/strict';
import { validateGrammar } from '../../grammar/parser.js';

describe('grammar: Chevrotain\'s checks', () => {
  it('finds nothing wrong with the grammar', () => {
    assert.doesNotThrow(() => validateGrammar());
  });
});
