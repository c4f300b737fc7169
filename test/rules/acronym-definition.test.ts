/**
 * `inlineDefinition` reads only the words just before "(CDRP)", however long
 * the text before them (the whole document's prose, after each keystroke in
 * the server): it must find what reading every word before them finds.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { inlineDefinition, inlineDefinitionAmong, parenthesised } from '../../server/rules/support/acronyms.js';

const MINOR = new Set(['and', 'of', 'the', 'for', 'in', 'on', 'to', '&', 'with']);

/** The definition as it was first written: every word before the parenthesis split out. */
function reference(text: string, acronym: string): string | undefined {
  const at = text.indexOf(`(${acronym})`) >= 0 ? text.indexOf(`(${acronym})`) : text.indexOf(`(${acronym}s)`);
  if (at < 0) return undefined;
  const words = text.slice(0, at).trim().split(/\s+/);
  const target = acronym.toLowerCase();
  for (let take = 1; take <= Math.min(words.length, 12); take++) {
    const run = words.slice(words.length - take);
    const initials = run.filter((w) => !MINOR.has(w.toLowerCase())).map((w) => w.replace(/^[^A-Za-z]+/, '').charAt(0).toLowerCase()).join('');
    if (initials === target) return run.join(' ').replace(/^[^A-Za-z]+/, '');
  }
  return undefined;
}

describe('inline acronym definitions', () => {
  it('finds the expansion before "(CDRP)" in a long text', () => {
    const text = `${'filler words here '.repeat(20_000)}the Crime and Disorder Reduction Partnership (CDRP) meets`;
    assert.equal(inlineDefinition(text, 'CDRP'), 'Crime and Disorder Reduction Partnership');
  });

  it('gives what reading every word before the parenthesis gives', () => {
    const word = fc.oneof(fc.constantFrom('Crime', 'and', 'Disorder', 'Reduction', 'Partnership', 'of', 'the', '(CDRP)', 'CDRP', '"', '—', 'x'), fc.string({ maxLength: 8 }));
    const gap = fc.constantFrom(' ', '  ', '\n', '\t', ' \n ', '');
    fc.assert(
      fc.property(fc.array(fc.tuple(word, gap), { maxLength: 400 }), fc.constantFrom('CDRP', 'CDR', 'C', 'DRP'), (parts, acronym) => {
        const text = parts.map(([w, g]) => w + g).join('');
        assert.equal(inlineDefinition(text, acronym), reference(text, acronym));
      }),
      { numRuns: 500 },
    );
  });

  it('finds in a document\'s texts what it finds in them joined, without joining them', () => {
    const word = fc.oneof(fc.constantFrom('Crime', 'and', 'Disorder', 'Reduction', 'Partnership', 'of', 'the', '(CDRP)', '(CDRPs)', '(CDR)', 'CDRP', '(', ')', '—', 'x'), fc.string({ maxLength: 6 }));
    const gap = fc.constantFrom(' ', '  ', '\t', '');
    const text = fc.array(fc.tuple(word, gap), { maxLength: 20 }).map((parts) => parts.map(([w, g]) => w + g).join(''));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 40 }), fc.constantFrom('CDRP', 'CDR', 'C', 'DRP'), (texts, acronym) => {
        const first = new Map<string, number>();
        texts.forEach((t, i) => {
          for (const inside of parenthesised(t)) if (!first.has(inside)) first.set(inside, i);
        });
        assert.equal(inlineDefinitionAmong(texts, first, acronym), inlineDefinition(texts.join('\n'), acronym));
      }),
      { numRuns: 1000 },
    );
    // An expansion split across texts (a title, then the paragraph that goes on), with filler around it.
    const filler = fc.array(fc.constantFrom('x', 'of', 'Crime', 'Partnership', 'CDRP', '—'), { maxLength: 20 });
    fc.assert(
      fc.property(filler, filler, fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 12 }), fc.constantFrom('CDRP', 'DRP', 'CDR'), (before, after, cuts, acronym) => {
        const words = [...before, 'the', 'Crime', 'and', 'Disorder', 'Reduction', 'Partnership', `(${acronym})`, ...after];
        const texts: string[] = [];
        let from = 0;
        for (const cut of [...cuts].sort((a, b) => a - b)) {
          if (cut >= words.length) break;
          texts.push(words.slice(from, cut).join(' '));
          from = cut;
        }
        texts.push(words.slice(from).join(' '));
        const first = new Map<string, number>();
        texts.forEach((t, i) => {
          for (const inside of parenthesised(t)) if (!first.has(inside)) first.set(inside, i);
        });
        assert.equal(inlineDefinitionAmong(texts, first, acronym), inlineDefinition(texts.join('\n'), acronym));
      }),
      { numRuns: 1000 },
    );
  });
});
