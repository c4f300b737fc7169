/**
 * `acronymOf` reads character codes (it runs for every capitalised word of
 * every document): it must say what the regular expressions it replaced say,
 * on words made of the characters that matter.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { acronymOf, findAcronyms } from '../../server/rules/support/acronyms.js';

const NOT = new Set(['TBC', 'TBD', 'X', 'XX', 'XXX', 'XXXX', 'NB', 'II', 'III', 'IV', 'VI', 'VII', 'VIII', 'IX', 'XI', 'XII', 'DRAFT', 'FINAL', 'NOTE', 'NEW', 'KEY', 'AIMS', 'AIM', 'WHAT', 'WHO', 'WHERE', 'WHEN', 'WHY', 'HOW', 'NOT', 'ONLY', 'MUST', 'WILL', 'ARE', 'CAN', 'OUR', 'YOU', 'A', 'I', 'AN', 'AND', 'OR', 'OF', 'THE', 'TO', 'IN', 'ON', 'FOR', 'BY', 'WE', 'IS', 'IT', 'BE', 'AT', 'AS', 'NO', 'SO', 'ALL']);

/** As it was written with regular expressions. */
function reference(word: string): string | undefined {
  let core = word.replace(/['\u2019]s$/, '');
  if (/^[A-Z&]{2,}s$/.test(core)) core = core.slice(0, -1);
  if (core.length < 2 || core.length > 7 || NOT.has(core)) return undefined;
  const upper = (core.match(/[A-Z]/g) ?? []).length;
  const lower = (core.match(/[a-z]/g) ?? []).length;
  if (upper < 2 || lower > upper - 1 || !/^[A-Z]/.test(core)) return undefined;
  if (/^NI$/.test(core)) return undefined;
  return core;
}

describe('acronymOf', () => {
  it('says what the regular expressions said, on any word of capitals, small letters, &, apostrophes and s', () => {
    const word = fc.string({ unit: fc.constantFrom('A', 'B', 'N', 'I', 'X', 'a', 'f', 's', 'S', '&', "'", '\u2019', '1', 'é'), maxLength: 10 });
    fc.assert(
      fc.property(word, (w) => {
        assert.equal(acronymOf(w), reference(w), JSON.stringify(w));
      }),
      { numRuns: 20_000 },
    );
  });

  it('the words of the seeds and the rule docs', () => {
    for (const w of ['CDRP', 'CDRPs', "PPO's", 'PPO’s', 'MoJ', 'DfE', 'HO', 'NI', 'TBC', 'Council', 'DAAT', 'SMOG', 'A&E', 'ABCDEFGH', 'UKs']) assert.equal(acronymOf(w), reference(w), w);
    assert.equal(acronymOf('CDRPs'), 'CDRP');
    assert.equal(acronymOf('MoJ'), 'MoJ');
    assert.equal(acronymOf('NI'), undefined);
  });
});

/** `findAcronyms` as it was written with regular expressions. */
function referenceFind(text: string): { acronym: string; index: number }[] {
  if (!/[A-Z][A-Za-z&]*[A-Z]/.test(text)) return [];
  const letters = text.replace(/[^A-Za-z]/g, '');
  if (letters.length >= 5 && letters === letters.toUpperCase()) return [];
  const out: { acronym: string; index: number }[] = [];
  const word = /[A-Za-z][A-Za-z&]*(?:['\u2019]s)?/g;
  for (let m = word.exec(text); m; m = word.exec(text)) {
    const before = text[m.index - 1];
    const after = text[m.index + m[0].length];
    if ((before && /[\w-]/.test(before)) || (after && /[\w]/.test(after))) continue;
    if ((after === '.' && /[A-Za-z]/.test(text[m.index + m[0].length + 1] ?? '')) || before === '.') continue;
    const acronym = reference(m[0]);
    if (acronym) out.push({ acronym, index: m.index });
  }
  return out;
}

describe('findAcronyms', () => {
  it('finds what the regular expressions found, on any text of the characters that matter', () => {
    const text = fc.string({ unit: fc.constantFrom('A', 'B', 'C', 'N', 'I', 'a', 'f', 's', '&', "'", '\u2019', ' ', '.', '-', '_', '1', '(', ')', 'é'), maxLength: 24 });
    fc.assert(
      fc.property(text, (t) => {
        assert.deepEqual(findAcronyms(t), referenceFind(t), JSON.stringify(t));
      }),
      { numRuns: 30_000 },
    );
  });

  it('the texts of the seeds', () => {
    for (const t of ['District CDRPs and the PPO’s team', 'GOV.UK and www.NICE.org.uk', 'PREVENTION AND TREATMENT', 'Crime and Disorder Reduction Partnerships (CDRP)', 'A&E, MoJ-led, DfE_x, HO1']) {
      assert.deepEqual(findAcronyms(t), referenceFind(t), t);
    }
    assert.deepEqual(findAcronyms('District CDRPs'), [{ acronym: 'CDRP', index: 9 }]);
  });
});
