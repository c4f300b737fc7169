/**
 * `statementsAllowedIn` (what completion offers) and the structure check
 * (what the parser reports) read one table; this holds them to each other by
 * parsing a sample of every statement in every kind of block.
 */
import assert from 'node:assert/strict';
import { parse, statementsAllowedIn, type BlockKind, type StatementKind } from '../../grammar/index.js';

const SAMPLES: Record<StatementKind, string> = {
  strategy: 'strategy "S" {}',
  framework: 'framework f "F" {}',
  frameworkRef: 'framework f',
  priority: 'priority "P"',
  section: 'section "S" {}',
  aim: 'aim "A"',
  nationalAim: 'national aim "A"',
  commitment: 'commitment "C"',
  action: 'action 1 "A"',
  measure: 'measure "M"',
  target: 'target tbc',
  outcome: 'outcome "O"',
  narrative: 'narrative {}',
  note: 'note "N"',
  paragraph: '"P"',
  owner: 'owner "O"',
  timing: 'timing ongoing',
  supports: 'supports aim A',
  coverage: 'coverage "C"',
  area: 'area "A"',
  period: 'period 2010 to 2011',
  status: 'status draft',
  partners: 'partners {}',
  glossary: 'glossary {}',
  vision: 'vision "V"',
};

const BLOCKS: BlockKind[] = ['document', 'strategy', 'framework', 'priority', 'section', 'aim', 'outcome', 'commitment', 'action', 'measure', 'narrative'];

/** A well-formed file of `documentKind` with a `block` open where `%` stands, or undefined when no such block can exist. */
function frame(block: BlockKind, documentKind: 'strategy' | 'framework'): string | undefined {
  const header = documentKind === 'strategy' ? 'strategy "S" {}\n' : 'framework f "F" {}\n';
  switch (block) {
    case 'document':
      return `${header}%`;
    case 'strategy':
      return documentKind === 'strategy' ? 'strategy "S" {\n%\n}' : undefined;
    case 'framework':
      return documentKind === 'framework' ? 'framework f "F" {\n%\n}' : undefined;
    case 'action':
      return `${header}action 1 "A" {\n%\n}`;
    case 'narrative':
      return `${header}narrative {\n%\n}`;
    case 'measure':
    case 'outcome':
    case 'section':
      return `${header}${block} "T" {\n%\n}`;
    default:
      return `${header}${block} X "T" {\n%\n}`;
  }
}

describe('placement: completion and the structure check agree', () => {
  for (const documentKind of ['strategy', 'framework'] as const) {
    for (const block of BLOCKS) {
      it(`${block} block of a ${documentKind}`, () => {
        const outer = frame(block, documentKind);
        const allowed = statementsAllowedIn(block, documentKind);
        if (outer === undefined) {
          assert.equal(allowed.size, 0);
          return;
        }
        const sampleLine = outer.slice(0, outer.indexOf('%')).split('\n').length - 1;
        for (const kind of Object.keys(SAMPLES) as StatementKind[]) {
          const { problems } = parse(outer.replace('%', SAMPLES[kind]));
          const accepted = !problems.some((p) => p.range.start.line === sampleLine);
          assert.equal(allowed.has(kind), accepted, `${kind} in ${block} (${problems.map((p) => p.message).join('; ')})`);
        }
      });
    }
  }
});
