import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { utf8Bytes } from '../../server/report/utf8.js';

describe('report UTF-8 encoding', () => {
  // Long enough to take the ICU path (short pieces go to Buffer.from directly).
  const long = (s: string): string => s.repeat(Math.ceil(2048 / Math.max(1, s.length)));

  it('gives exactly the bytes Buffer.from gives, on any text, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary-ascii', maxLength: 60 })), (text) => {
        for (const s of [text, long(text)]) assert.deepEqual(utf8Bytes(s), Buffer.from(s, 'utf8'));
      }),
      { numRuns: 300 },
    );
  });

  it('writes a lone surrogate as U+FFFD, as Buffer.from does, and later text as before', () => {
    assert.deepEqual(utf8Bytes(long('a\ud800b')), Buffer.from(long('a\ud800b'), 'utf8'));
    assert.ok(utf8Bytes(long('a\ud800b')).includes(Buffer.from('efbfbd', 'hex')));
    const text = long('é—£ 😀 <td>');
    assert.deepEqual(utf8Bytes(text), Buffer.from(text, 'utf8'));
  });
});
