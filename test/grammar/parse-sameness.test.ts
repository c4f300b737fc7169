/**
 * The parser's tree, ranges and problems are those of the implementation
 * before issue 12's speed work (Chevrotain's CST and a builder walking it):
 * for each input (the seeds and 600 deterministic mutations of them), the
 * SHA-256 of `JSON.stringify({ document, problems })` is compared with the
 * one recorded from that implementation in `parse-sameness.json`. A change
 * to the tree that is meant must re-record it, from the build whose output
 * is right:
 *   node test/grammar/record-parse-sameness.mjs DIR   (DIR/out/grammar/parse.js)
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../../grammar/index.js';
import { REPO, SEEDS } from '../support/paths.js';
import { samenessInputs } from './sameness-inputs.js';

interface Recorded {
  readonly inputs: number;
  /** Input name → [SHA-256 of the text, SHA-256 of the parse result]. */
  readonly results: Record<string, [string, string]>;
}

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

describe('parse sameness (issue 12): the tree, ranges and problems of the CST-based parser', () => {
  const recorded = JSON.parse(readFileSync(join(REPO, 'test', 'grammar', 'parse-sameness.json'), 'utf8')) as Recorded;
  const inputs = samenessInputs(SEEDS);

  it('has the inputs it was recorded with', () => {
    assert.equal(inputs.length, recorded.inputs);
    for (const input of inputs) {
      const r = recorded.results[input.name];
      assert.ok(r, `${input.name} was not recorded`);
      assert.equal(sha(input.text), r[0], `${input.name}: the input changed since the recording (a seed was edited?); re-record`);
    }
  });

  it('gives every input the recorded tree, ranges and problems', () => {
    const differ: string[] = [];
    let withProblems = 0;
    for (const input of inputs) {
      const { document, problems } = parse(input.text);
      if (problems.length > 0) withProblems++;
      if (sha(JSON.stringify({ document, problems })) !== recorded.results[input.name]?.[1]) differ.push(input.name);
    }
    assert.deepEqual(differ, []);
    // The mutations must exercise recovery, not only clean parses.
    assert.ok(withProblems > inputs.length / 2, `only ${withProblems} of ${inputs.length} inputs have problems`);
  });
});
