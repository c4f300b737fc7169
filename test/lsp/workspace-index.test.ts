/**
 * The workspace index summarises files nobody has open with a token scan
 * instead of a parse. That scan must say what the tree says, on every real
 * file we have: the fixtures, the converted seeds, and the generated files
 * of the benchmark.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseDocument } from '../../server/analysis/document-model.js';
import { summariseDocument } from '../../server/analysis/document-summary.js';
import { scanSummary } from '../../server/analysis/summary-scanner.js';
import { Bm25Index, stem } from '../../server/analysis/text-similarity.js';
import { pathToFileURL } from 'node:url';
import { FIXTURES, REPO, SEEDS } from '../support/paths.js';

type Generator = typeof import('../../bench/generate-workspace.mjs');
const generator = (): Promise<Generator> => import(pathToFileURL(join(REPO, 'bench', 'generate-workspace.mjs')).href) as Promise<Generator>;

function strategyFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.strategy')).map((f) => join(dir, f)) : [];
}

describe('workspace index: the token scan agrees with the tree', () => {
  const files = [...strategyFiles(join(FIXTURES, 'workspace')), ...strategyFiles(SEEDS)];
  for (const file of files) {
    it(file.slice(file.lastIndexOf('/', file.lastIndexOf('/') - 1) + 1), () => {
      const text = readFileSync(file, 'utf8');
      assert.deepEqual(scanSummary(file, text), summariseDocument(analyseDocument(file, text)));
    });
  }

  it('on generated benchmark files', async () => {
    const { generatedStrategy, generatedFramework } = await generator();
    for (const text of [generatedStrategy(7, 20_000), generatedFramework('national-0')]) {
      assert.deepEqual(scanSummary('g', text), summariseDocument(analyseDocument('g', text)));
    }
  });

  it('on a file with comments, curly quotes, escapes and nested outcomes', () => {
    const text = [
      'strategy S1 "Escapes \\"here\\"" {',
      '  framework a-1, b-2 // two',
      '}',
      'priority 1 \u201cCurly\u201d {',
      '  outcome "O" {',
      '    commitment 1.1 "C" { supports aim X.1, X.2 }',
      '    target reduce 5% NI 40 from X% by 2012',
      '  }',
      '  national aim X.3',
      '  section "Young people" { commitment 1.2 "D" { supports action 4 } }',
      '}',
    ].join('\n');
    assert.deepEqual(scanSummary('f', text), summariseDocument(analyseDocument('f', text)));
  });
});

describe('text similarity (BM25)', () => {
  it('stems the forms a commitment and an action use for one idea', () => {
    assert.equal(stem('treatment'), stem('treat'));
    assert.equal(stem('offenders'), stem('offender'));
    assert.equal(stem('reducing'), stem('reduce'));
  });

  it('ranks the text sharing the rare words first, and leaves out texts sharing none', () => {
    const index = new Bm25Index(['drug treatment for parents', 'drug testing on arrest', 'community contracts and petitions'], (t) => t);
    assert.deepEqual(
      index.rank('treatment services for drug misusing parents').map((r) => r.item),
      ['drug treatment for parents', 'drug testing on arrest'],
    );
  });
});
