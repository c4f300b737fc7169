/**
 * The parse checks which statement may stand where block by block as it
 * builds the tree (`StructureCheck`), and walks the finished tree with
 * `checkStructure` only after recovery. Both must say the same: on the seeds,
 * their mutations and documents written for it, the parse's structure
 * problems are `checkStructure`'s of the same tree, in the parse's order.
 */
import assert from 'node:assert/strict';
import { parse, type SyntaxProblem } from '../../grammar/parse.js';
import { checkStructure } from '../../grammar/structure.js';
import { SEEDS } from '../support/paths.js';
import { samenessInputs } from './sameness-inputs.js';

/** What the parse would report as structure problems from a walk of its tree (stably sorted by offset, as the parse sorts). */
function walked(text: string): { parsed: SyntaxProblem[]; walked: SyntaxProblem[]; syntax: boolean } {
  const { document, problems } = parse(text);
  const parsed = problems.filter((p) => p.kind === 'structure');
  const fromWalk = checkStructure(document)
    .map((p): SyntaxProblem => ({ kind: 'structure', ...p }))
    .sort((a, b) => a.range.start.offset - b.range.start.offset);
  return { parsed, walked: fromWalk, syntax: problems.some((p) => p.kind === 'syntax' || p.kind === 'lexical') };
}

describe('structure check as the tree is built', () => {
  it('gives checkStructure\'s problems on the seeds and their mutations', () => {
    let checkedWhileBuilding = 0;
    for (const input of samenessInputs(SEEDS, 300)) {
      const r = walked(input.text);
      if (r.parsed.length >= 100) continue; // capped: the parse keeps the first hundred problems of all kinds
      assert.deepEqual(r.parsed, r.walked, input.name);
      if (!r.syntax && r.parsed.length > 0) checkedWhileBuilding++;
    }
    assert.ok(checkedWhileBuilding > 0, 'no input had structure problems without syntax problems (the check while building went untested)');
  });

  it('judges statements before the header by the header that comes after them', () => {
    const text = [
      'priority P1 "First" {',
      '  supports action 3',
      '  action 4 "Not here" {',
      '    target "nothing said"',
      '  }',
      '}',
      'framework drugs-2008 "The framework" {',
      '  period 2008 to 2011',
      '}',
      'strategy "A second header" {',
      '  period 2008 to 2011',
      '}',
      '',
    ].join('\n');
    const r = walked(text);
    assert.equal(r.syntax, false);
    assert.deepEqual(r.parsed, r.walked);
    const messages = r.parsed.map((p) => p.message);
    // In a framework file `supports` is wrong and `action` is not (the header comes last).
    assert.ok(messages.some((m) => m.startsWith('`supports` links a local strategy')), messages.join('\n'));
    assert.ok(!messages.some((m) => m.startsWith('`action` declares a national action')), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('A file declares one strategy or one framework')), messages.join('\n'));
  });
});
