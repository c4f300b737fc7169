import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedFiles } from '../../scripts/generated-files.js';
import { REPO } from '../support/paths.js';

describe('generated files are up to date (run `npm run generate` when this fails)', () => {
  for (const [path, content] of generatedFiles()) {
    it(path, () => {
      assert.equal(readFileSync(join(REPO, path), 'utf8'), content);
    });
  }
});
