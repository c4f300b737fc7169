import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIRECTIONS, STATUS_VALUES, parse } from '../../grammar/index.js';
import { REPO } from '../support/paths.js';

interface Snippet {
  prefix: string | string[];
  body: string[];
  description: string;
}

const snippets = JSON.parse(readFileSync(join(REPO, 'snippets', 'strategy.code-snippets'), 'utf8')) as Record<string, Snippet>;

/** The text VS Code inserts when the user accepts every default: `${1:x}` → x, `${1|a,b|}` → a, `$0` → nothing. */
function expand(body: readonly string[]): string {
  return body
    .join('\n')
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\t/g, '  ');
}

function choices(body: readonly string[], after: string): string[] {
  const m = new RegExp(`${after} \\$\\{\\d+\\|([^|]*)\\|\\}`).exec(body.join('\n'));
  return m ? m[1]!.split(',') : [];
}

describe('snippets', () => {
  it('are the strategy header, a priority and a commitment', () => {
    assert.deepEqual(Object.keys(snippets), ['Strategy header', 'Priority', 'Commitment']);
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    it(`"${name}" inserts text that parses without a syntax error`, () => {
      const r = parse(expand(snippet.body));
      assert.deepEqual(r.problems, []);
    });
  }

  it('offer the language’s status values and target directions as choices', () => {
    assert.deepEqual(choices(snippets['Strategy header']!.body, 'status'), [...STATUS_VALUES]);
    assert.deepEqual(choices(snippets['Commitment']!.body, 'target'), [...DIRECTIONS]);
  });
});
