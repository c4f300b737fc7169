import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { each, esc, joined } from '../../server/report/html.js';
import { md } from '../../server/report/render-markdown.js';

/** `md` as it was written first, one regular expression for every case: the faster test must decide the same. */
function mdReference(text: string): string {
  if (!/[\\|*_`[\]<>#]|\s\s|[\t\n\r]|^\s|\s$/.test(text)) return text;
  return text.replace(/\\/g, '\\\\').replace(/([|*_`[\]<>#])/g, '\\$1').replace(/\s+/g, ' ').trim();
}

/** `esc` as it was written first: one replace of every special character. */
function escReference(text: string | number): string {
  const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  return String(text).replace(/[&<>"']/g, (c) => entities[c]!);
}

const SPACES = [' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028'];
const textWithSpaces = fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom(...SPACES, '|', '*', '#', '<', '`')), { maxLength: 12 }).map((parts) => parts.join(''));

describe('report escaping', () => {
  it('md escapes exactly what the one-expression test escaped, on any text (white space of every kind at the ends)', () => {
    fc.assert(
      fc.property(fc.oneof(textWithSpaces, fc.string({ unit: 'grapheme', maxLength: 40 })), (text) => assert.equal(md(text), mdReference(text))),
      { numRuns: 2000 },
    );
    for (const text of ['', ' ', 'a ', ' a', '\u00a0a', 'a\u3000', 'plain words', 'a  b']) assert.equal(md(text), mdReference(text), JSON.stringify(text));
  });

  it('esc escapes exactly what one replace of every special character escaped, on any text', () => {
    const special = fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 4 }), fc.constantFrom('&', '<', '>', '"', "'", '&amp;', '—')), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(special, fc.string({ unit: 'grapheme', maxLength: 40 })), (text) => assert.equal(esc(text), escReference(text))),
      { numRuns: 3000 },
    );
    for (const text of ['', '&', '<>', 'a"b', "'", 'plain', 'ends &', '& starts', '&&&&', 12, 0, -1.5]) assert.equal(esc(text), escReference(text), JSON.stringify(text));
  });

  it('each and joined give what map and join give', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 5 }), { maxLength: 8 }), fc.string({ maxLength: 3 }), (list, sep) => {
        const render = (s: string, i: number): string => `<${esc(s)}:${i}>`;
        assert.equal(each(list, render), list.map(render).join(''));
        assert.equal(joined(list, sep, render), list.map(render).join(sep));
      }),
    );
  });
});
