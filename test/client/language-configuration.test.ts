import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../support/paths.js';

interface LanguageConfiguration {
  comments: { lineComment: string };
  wordPattern: string;
  indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
  autoClosingPairs: { open: string; close: string; notIn?: string[] }[];
}

const config = JSON.parse(readFileSync(join(REPO, 'language-configuration.json'), 'utf8')) as LanguageConfiguration;

/** The words VS Code sees on a line (it scans with the word pattern and the g flag). */
function words(line: string): string[] {
  return line.match(new RegExp(config.wordPattern, 'g')) ?? [];
}

describe('language configuration', () => {
  it('keeps indicator codes, ids, dates and numbers whole as words', () => {
    assert.deepEqual(words('measure NI 40 "Title"'), ['measure', 'NI 40', 'Title']);
    assert.deepEqual(words('  national aim PC.1'), ['national', 'aim', 'PC.1']);
    assert.deepEqual(words('framework drugs-2008'), ['framework', 'drugs-2008']);
    assert.deepEqual(words('period 2010-04 to 2013-03'), ['period', '2010-04', 'to', '2013-03']);
    assert.deepEqual(words('target reduce 45.5% from XX by 2009/10'), ['target', 'reduce', '45.5%', 'from', 'XX', 'by', '2009/10']);
    assert.deepEqual(words('owner HO/MoJ, CLG'), ['owner', 'HO', 'MoJ', 'CLG']);
    assert.deepEqual(words('supports action 20, 21'), ['supports', 'action', '20', '21']);
  });

  it('indents after an opening brace, even with a comment after it, and not after a brace in text', () => {
    const increase = new RegExp(config.indentationRules.increaseIndentPattern);
    assert.ok(increase.test('priority P1 "Title" {'));
    assert.ok(increase.test('commitment "A {braced} title" { // owner agreed'));
    assert.ok(!increase.test('  "A paragraph that mentions {"'));
    assert.ok(!increase.test('  owner "HO"'));
    assert.ok(new RegExp(config.indentationRules.decreaseIndentPattern).test('  }'));
  });

  it('uses the language’s comments and closes quotes outside strings and comments', () => {
    assert.equal(config.comments.lineComment, '//');
    const quote = config.autoClosingPairs.find((p) => p.open === '"');
    assert.deepEqual(quote?.notIn, ['string', 'comment']);
  });
});
