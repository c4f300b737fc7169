import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../../grammar/index.js';
import { FIXTURES } from '../support/paths.js';

describe('parse: fixtures', () => {
  const dir = join(FIXTURES, 'workspace');
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.strategy'))) {
    it(`${name} parses without problems`, () => {
      const r = parse(readFileSync(join(dir, name), 'utf8'));
      assert.deepEqual(r.problems, []);
      assert.ok(r.document.items.length > 0);
    });
  }
});
